"""Move a round to another date and time (`m` on a round): `planner.changes.rounds.move_round`."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input

from planner.changes.base import Patch
from planner.changes.rounds import move_round
from planner.models import Loop, Round, Settings
from tui.screens.form import FieldError, FormScreen
from tui.widgets.labels import short_date


class MoveForm(FormScreen):
    """A new date (required) and time (blank keeps the one it had)."""

    def __init__(self, loop: Loop, round_: Round, today: dt.date, settings: Settings) -> None:
        when = short_date(round_.date) if round_.date else "no date yet"
        if round_.time is not None:
            when += f" {round_.time:%H:%M}"
        super().__init__(f"Move the {round_.label.lower()} ({when}) at {loop.process.company}")
        self._loop = loop
        self._round = round_
        self._today = today
        self._settings = settings

    def fields(self) -> ComposeResult:
        r = self._round
        day = Input(r.date.isoformat() if r.date else "", placeholder="e.g. mon, +3d, 2026-03-23")
        yield self.row("date", "New date", day)
        time = Input(f"{r.time:%H:%M}" if r.time else "", placeholder="e.g. 09:30")
        yield self.row("time", "At (blank keeps the time it had)", time)

    def build(self) -> Patch:
        day = self.date("date", self._today)
        if day is None:
            raise FieldError("date", "say the day it moves to (e.g. mon or 2026-03-23)")
        return move_round(
            self._loop, self._today, self._round.id, day, self.time("time"), self._settings
        )
