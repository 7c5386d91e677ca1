"""Edit a loop's own fields and its application date (`e`): `planner.changes.loop_edit`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.loop_edit import application_round, edit_loop
from planner.models import Loop, ProcessStatus
from tui.screens.choices import options
from tui.screens.form import FormScreen

TEXT_FIELDS = {
    "company": "Company",
    "role": "Role",
    "level": "Level",
    "location": "Location",
    "source": "Source (referral, outreach, applied…)",
    "resume": "Resume version sent",
}


class ProcessForm(FormScreen):
    """Closing has its own form (`x`): it asks for a reason and who decided."""

    def __init__(self, loop: Loop, today: dt.date) -> None:
        super().__init__(f"Edit {loop.process.title}")
        self._loop = loop
        self._today = today

    def fields(self) -> ComposeResult:
        p = self._loop.process
        for name, label in TEXT_FIELDS.items():
            yield self.row(name, label, Input(getattr(p, name)))
        applied = application_round(self._loop)
        day = applied.date.isoformat() if applied is not None and applied.date else ""
        yield self.row("applied_on", "Applied on", Input(day, placeholder="e.g. 2026-03-02"))
        yield self.row("tags", "Tags (separated by spaces)", Input(" ".join(p.tags)))
        if p.status != ProcessStatus.CLOSED:
            states = options(ProcessStatus, skip=(ProcessStatus.CLOSED,))
            yield self.row(
                "status", "Status", Select(states, value=p.status.value, allow_blank=False)
            )
        yield self.row("notes", "Notes", Input(p.notes))

    def build(self) -> Patch:
        values: dict[str, Any] = {name: self.text(name) for name in TEXT_FIELDS}
        values["tags"] = self.text("tags").split()
        values["notes"] = self.text("notes")
        values["applied_on"] = self.date("applied_on", self._today)
        if self._loop.process.status != ProcessStatus.CLOSED:
            values["status"] = ProcessStatus(self.choice("status"))
        return edit_loop(self._loop, self._today, values)
