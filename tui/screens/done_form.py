"""Mark a round done and say how it went (`d`): `planner.changes.done`.

The round is the one the change names (`round_to_mark`). Its date is never
rewritten silently: a round dated after today opens with the date empty, and
saving it so is refused beside the field until the user says when it took place.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.done import mark_done
from planner.models import DecidedBy, Loop, Outcome, Round
from tui.screens.choices import options
from tui.screens.form import FormScreen
from tui.widgets.labels import short_date


class DoneForm(FormScreen):
    """Pending is a fine answer: the decision often comes days later."""

    def __init__(self, loop: Loop, round_: Round, today: dt.date) -> None:
        super().__init__(f"{round_.label} at {loop.process.title}: done")
        self._loop = loop
        self._round = round_
        self._today = today

    def fields(self) -> ComposeResult:
        outcome = Select(options(Outcome), value=Outcome.PENDING.value, allow_blank=False)
        yield self.row("outcome", "Outcome", outcome)
        deciders = options(DecidedBy, skip=(DecidedBy.ME,))
        yield self.row("decided_by", "Decided by", Select(deciders, prompt="not said"))
        day = self._round.date
        if day is not None and day > self._today:
            label = f"Took place on (it was dated {short_date(day)}, after today: when was it?)"
            field = Input(placeholder="e.g. today or yesterday")
        else:
            label = "Took place on"
            field = Input(day.isoformat() if day else "", placeholder="today")
        yield self.row("date", label, field)

    def build(self) -> Patch:
        by = self.choice("decided_by")
        return mark_done(
            self._loop,
            self._today,
            self._round.id,
            Outcome(self.choice("outcome")),
            on=self.date("date", self._today),
            by=DecidedBy(by) if by else None,
        )
