"""Edit a round (Enter on it in the timeline): `planner.changes.rounds.edit_round`.

Its kind, date and time, format, who interviews and notes; what a change of
date means (a round that took place, the application's own rule) is the
change's to say, as it is for `loopdeck move`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.round_edit import edit_round, interviewer_names
from planner.models import Loop, Round, RoundKind, Settings
from tui.screens.form import FormScreen


class RoundForm(FormScreen):
    """The round's fields, prefilled; only those changed are written."""

    def __init__(self, loop: Loop, round_: Round, today: dt.date, settings: Settings) -> None:
        super().__init__(f"{round_.label} at {loop.process.title}")
        self._loop = loop
        self._round = round_
        self._today = today
        self._settings = settings

    def fields(self) -> ComposeResult:
        r = self._round
        kinds = Select(
            [(k.label, k.value) for k in RoundKind], value=r.kind.value, allow_blank=False
        )
        yield self.row("kind", "Kind", kinds)
        day = Input(r.date.isoformat() if r.date else "", placeholder="no date yet")
        yield self.row("date", "Date (e.g. mon, +3d, 2026-03-23)", day)
        time = Input(f"{r.time:%H:%M}" if r.time else "", placeholder="e.g. 09:30")
        yield self.row("time", "At", time)
        yield self.row("format", "Format (video, onsite…)", Input(r.format))
        people = Input(", ".join(r.interviewers), placeholder="e.g. Greta Holm, Samir Haddad")
        yield self.row("interviewers", "Interviewers (separated by commas)", people)
        yield self.row("notes", "Notes", Input(r.notes))

    def build(self) -> Patch:
        names = interviewer_names(self.text("interviewers"))
        values: dict[str, Any] = {
            "kind": RoundKind(self.choice("kind")),
            "date": self.date("date", self._today),
            "time": self.time("time"),
            "format": self.text("format"),
            "interviewers": names,
            "notes": self.text("notes"),
        }
        return edit_round(self._loop, self._today, self._round.id, values, self._settings)
