"""Keys typed in one burst land where the screen they were typed at would put them.

A terminal hands a fast burst ("c", "Dave", Tab, Tab, "dave@x.io") to the app
in one piece, and Textual forwards every key to the widget focused at that
moment. The loops table is still focused when "Dave" is forwarded: the `c`
that opens the contact form has not come back to the app yet, and the form
has not even been mounted. Those keys come back up the table's ancestors to
the app, which by then checks them against the form's bindings, where a
letter means nothing: the name is lost and the email lands in whatever field
two Tabs reach.

The same happens on one screen when a key moves the focus: after `/` the
filter line takes it, but "kestrel" typed in the same burst was already
forwarded to the table, where `k` would move the cursor and `e` open the
edit form.

`OrderedKeysApp` notes the screen and the focused widget each key was
forwarded to. A key that comes back unhandled after another screen took over,
or after the focus moved, is handed again, in the order it was typed, to what
has the focus now (on a new screen, once that screen is mounted). A key the
old widget handled itself (a list's `j`) stays handled: only an action that
moves the focus at once (`Screen.set_focus`, not `Widget.focus`, which waits
for the queue) lets the rest of a burst follow it.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

MOUNT_WAIT_S = 2.0
"""How long a key waits for the screen it belongs to; a screen that takes longer is broken."""
TRACKED_KEYS = 64
"""Keys remembered with their screen: more than one burst, and the oldest are long handled."""


class OrderedKeysApp(App[None]):
    """An app whose keys, typed ahead of a screen that is still opening, reach that screen."""

    def __init__(self) -> None:
        super().__init__()
        self._forwarded_on: deque[tuple[events.Key, Screen[object], Widget | None]] = deque(
            maxlen=TRACKED_KEYS
        )
        """Keys the app forwarded, each with the screen active and the widget focused then."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self._forwarded_on.append((event, self.screen, self.focused))
            elif self._typed_for_another_target(event):
                await self._hand_to_active_screen(event)
                return
        await super().on_event(event)

    def _typed_for_another_target(self, event: events.Key) -> bool:
        """The key came back unhandled from a screen no longer on top, or a widget no longer
        focused."""
        for known, screen, focused in self._forwarded_on:
            if known is event:
                if screen is not self.screen:
                    return True
                return focused is not None and self.focused not in (None, focused)
        return False

    async def _hand_to_active_screen(self, event: events.Key) -> None:
        """Forward a fresh copy of the key once the active screen has its focus set."""
        screen = self.screen
        deadline = time.monotonic() + MOUNT_WAIT_S
        while not screen.is_mounted and time.monotonic() < deadline:
            await asyncio.sleep(0.001)
        again = events.Key(event.key, event.character)
        again.set_sender(self)
        await self.on_event(again)
