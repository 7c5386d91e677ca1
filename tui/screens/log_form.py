"""Log a touch, a note or a promise (`l`), or edit a log line (Enter on it): `planner.changes.log`.

Dates take the quick-add forms (today, fri, +3d, 2026-03-20).
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.log import edit_event, log_event
from planner.models import Event, EventKind, Loop
from tui.screens.choices import options
from tui.screens.form import FormScreen


class LogForm(FormScreen):
    """A new log line when `event` is None, else that line with its fields changed."""

    def __init__(self, loop: Loop, today: dt.date, event: Event | None = None) -> None:
        title = loop.process.title
        super().__init__(f"Log for {title}" if event is None else f"Edit a log line of {title}")
        self._loop = loop
        self._today = today
        self._event = event

    def fields(self) -> ComposeResult:
        e = self._event
        kind = e.kind.value if e else EventKind.NOTE.value
        kinds = Select(options(EventKind), value=kind, allow_blank=False)
        yield self.row("kind", "Kind (sent / received = a touch with a contact)", kinds)
        text = Input(e.text if e else "", placeholder="Sent thank-you note")
        yield self.row("text", "What", text)
        yield self.row("on", "On", Input(e.on.isoformat() if e else "today"))
        people = [
            (f"{c.name} ({c.role.value.replace('_', ' ')})", c.id) for c in self._loop.contacts
        ]
        known = e is not None and e.contact_id in {c.id for c in self._loop.contacts}
        contact = e.contact_id if e is not None and known else Select.NULL
        with_whom = Select(people, prompt="nobody in particular", value=contact)
        yield self.row("contact_id", "With", with_whom)
        due = e.due.isoformat() if e and e.due else ""
        yield self.row("due", "Due (promises only)", Input(due, placeholder="+2d"))
        expect = e.expect.isoformat() if e and e.expect else ""
        heard_by = Input(expect, placeholder="fri")
        yield self.row("expect", "I'll hear by (received only: the day they named)", heard_by)

    def build(self) -> Patch:
        kind = EventKind(self.choice("kind"))
        on = self.date("on", self._today)
        due = self.date("due", self._today)
        expect = self.date("expect", self._today)
        contact_id = self.choice("contact_id")
        text = self.text("text")
        if self._event is None:
            return log_event(
                self._loop, self._today, text, kind, on, contact_id, due, expect=expect
            )
        values = {"kind": kind, "text": text, "on": on, "contact_id": contact_id}
        return edit_event(
            self._loop, self._today, self._event.id, {**values, "due": due, "expect": expect}
        )
