"""Log a touch, a note or a promise (`l`)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.dates import DateError, parse_date
from planner.models import Event, EventKind, Loop
from tui.screens.choices import options
from tui.screens.form import FieldError, FormScreen


class LogForm(FormScreen[Event]):
    """Dates take the quick-add forms (today, fri, +3d, 2026-03-20)."""

    def __init__(self, loop: Loop, today: dt.date) -> None:
        super().__init__(f"Log for {loop.process.title}")
        self._loop = loop
        self._today = today

    def fields(self) -> ComposeResult:
        kinds = Select(options(EventKind), value=EventKind.NOTE.value, allow_blank=False)
        yield self.row("kind", "Kind (sent / received = a touch with a contact)", kinds)
        yield self.row("text", "What", Input(placeholder="Sent thank-you note"))
        yield self.row("on", "On", Input("today"))
        people = [
            (f"{c.name} ({c.role.value.replace('_', ' ')})", c.id) for c in self._loop.contacts
        ]
        yield self.row("contact", "With", Select(people, prompt="nobody in particular"))
        yield self.row("due", "Due (promises only)", Input(placeholder="+2d"))

    def build(self) -> Event:
        kind = EventKind(self.choice("kind"))
        due = self._date("due") if self.text("due") else None
        if kind == EventKind.PROMISE and due is None:
            raise FieldError("due", "a promise needs a due date (e.g. +2d or fri)")
        return Event.model_validate(
            {
                "process_id": self._loop.process.id,
                "on": self._date("on"),
                "kind": kind,
                "text": self.text("text"),
                "contact_id": self.choice("contact"),
                "due": due,
            }
        )

    def _date(self, name: str) -> dt.date:
        try:
            return parse_date(self.text(name), self._today)
        except DateError as error:
            raise FieldError(name, str(error)) from None
