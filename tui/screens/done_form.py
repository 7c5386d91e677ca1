"""Mark the current round done and say how it went (`d`)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.dates import DateError, parse_date
from planner.models import DecidedBy, Outcome, Round, RoundStatus
from tui.screens.choices import options
from tui.screens.form import FieldError, FormScreen


class DoneForm(FormScreen[Round]):
    """Pending is a fine answer: the decision often comes days later."""

    def __init__(self, round_: Round, title: str, today: dt.date) -> None:
        super().__init__(title)
        self._round = round_
        self._today = today

    def fields(self) -> ComposeResult:
        outcome = Select(options(Outcome), value=Outcome.PENDING.value, allow_blank=False)
        yield self.row("outcome", "Outcome", outcome)
        deciders = options(DecidedBy, skip=(DecidedBy.ME,))
        yield self.row("decided_by", "Decided by", Select(deciders, prompt="not said"))
        took_place = min(self._round.date or self._today, self._today)
        yield self.row("date", "Took place on", Input(took_place.isoformat()))

    def build(self) -> Round:
        try:
            took_place = parse_date(self.text("date"), self._today)
        except DateError as error:
            raise FieldError("date", str(error)) from None
        if took_place > self._today:
            raise FieldError("date", "a round cannot have taken place after today")
        outcome = Outcome(self.choice("outcome"))
        decided = self.choice("decided_by")
        return Round.model_validate(
            {
                **self._round.model_dump(),
                "status": RoundStatus.DONE,
                "date": took_place,
                "outcome": outcome,
                "outcome_on": None if outcome == Outcome.PENDING else self._today,
                "decided_by": DecidedBy(decided) if decided else self._round.decided_by,
            }
        )
