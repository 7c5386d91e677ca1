"""Close a loop with a reason and who made the call (`x`): `planner.changes.closing`."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.closing import close_loop
from planner.models import CloseReason, DecidedBy, Loop
from tui.screens.choices import options
from tui.screens.form import FormScreen


class CloseForm(FormScreen):
    """Who decided matters: a rejection by the hiring manager reads differently."""

    def __init__(self, loop: Loop, today: dt.date) -> None:
        super().__init__(f"Close {loop.process.title}")
        self._loop = loop
        self._today = today

    def fields(self) -> ComposeResult:
        reasons = Select(options(CloseReason), value=CloseReason.REJECTED.value, allow_blank=False)
        yield self.row("close_reason", "Reason", reasons)
        yield self.row("closed_by", "Decided by", Select(options(DecidedBy), prompt="from reason"))
        yield self.row("closed_on", "On", Input("today"))

    def build(self) -> Patch:
        by = self.choice("closed_by")
        return close_loop(
            self._loop,
            self._today,
            CloseReason(self.choice("close_reason")),
            by=DecidedBy(by) if by else None,
            on=self.date("closed_on", self._today),
        )
