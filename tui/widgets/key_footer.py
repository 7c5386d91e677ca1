"""The footer of the main screen: Textual's, rebuilt only when the keys it shows change.

Textual's footer builds every key widget again each time the screen says its keys
may have changed, after the next frame (15 to 30 ms here, and a second layout of the
screen). On the main screen that is several times a step for one change: the first
board brings the editing keys, its selection and the focus ask again, and a key
pressed just after the board waited behind each rebuild. This one compares the keys
first: when they are the ones it shows, there is nothing to rebuild.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

KeysShown = tuple[object, ...]
"""What a footer draws from: each active key, its binding, whether enabled, its tooltip,
and the footer's own switches (`Footer.compose` reads these and nothing else)."""


class KeyFooter(Footer):
    """A `Footer` that skips a rebuild which would draw the keys it already shows."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._built: KeysShown | None = None
        """The keys of the last rebuild that drew any (None: none drawn yet)."""
        self._building: KeysShown | None = None
        """The keys of a rebuild under way (it waits for its old keys to go)."""

    def _keys_shown(self) -> KeysShown:
        keys = tuple(
            (key, active.binding, active.enabled, active.tooltip)
            for key, active in self.screen.active_bindings.items()
        )
        return (self.compact, self.show_command_palette, *keys)

    def compose(self) -> ComposeResult:
        keys = self._keys_shown()
        drawn = 0
        for widget in super().compose():
            drawn += 1
            yield widget
        self._built = keys if drawn else None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild now, for the frame that shows what changed the keys (Textual's own
        rebuild after that frame then finds the keys drawn and skips)."""
        super().bindings_changed(screen)
        if screen is self.screen:
            self.call_next(self.recompose)

    async def recompose(self) -> None:
        keys = self._keys_shown()
        if self._built is not None and keys in (self._built, self._building):
            return
        self._building = keys
        try:
            await super().recompose()
        finally:
            self._building = None
