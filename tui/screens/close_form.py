"""Close a loop with a reason and who made the call (`x`)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.dates import DateError, parse_date
from planner.models import CloseReason, DecidedBy, Process, ProcessStatus
from tui.cli.close import DEFAULT_DECIDER
from tui.screens.choices import options
from tui.screens.form import FieldError, FormScreen


class CloseForm(FormScreen[Process]):
    """Who decided matters: a rejection by the hiring manager reads differently."""

    def __init__(self, process: Process, today: dt.date) -> None:
        super().__init__(f"Close {process.title}")
        self._process = process
        self._today = today

    def fields(self) -> ComposeResult:
        reasons = Select(options(CloseReason), value=CloseReason.REJECTED.value, allow_blank=False)
        yield self.row("close_reason", "Reason", reasons)
        yield self.row("closed_by", "Decided by", Select(options(DecidedBy), prompt="from reason"))
        yield self.row("closed_on", "On", Input("today"))

    def build(self) -> Process:
        try:
            closed_on = parse_date(self.text("closed_on"), self._today)
        except DateError as error:
            raise FieldError("closed_on", str(error)) from None
        reason = CloseReason(self.choice("close_reason"))
        by = self.choice("closed_by")
        return Process.model_validate(
            {
                **self._process.model_dump(),
                "status": ProcessStatus.CLOSED,
                "close_reason": reason,
                "closed_by": DecidedBy(by) if by else DEFAULT_DECIDER[reason],
                "closed_on": closed_on,
            }
        )
