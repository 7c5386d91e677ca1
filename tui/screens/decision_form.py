"""How this company decides (`d` in the prep view): the panel, who decides, and when.

One record per loop, changed field by field through `planner.changes.prep.set_decision`,
as `loopdeck prep --panel/--decider/--when` changes it.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input

from planner.changes.base import Patch
from planner.changes.prep import set_decision
from planner.models import Loop
from planner.prep import Decision
from tui.screens.form import FormScreen

FIELDS = ("panel", "decider", "timeline")


class DecisionForm(FormScreen):
    """The loop's decision, prefilled."""

    def __init__(self, loop: Loop, today: dt.date, decision: Decision | None) -> None:
        super().__init__(f"How {loop.process.company} decides")
        self._loop = loop
        self._today = today
        self._decision = decision

    def fields(self) -> ComposeResult:
        d = self._decision or Decision(process_id=self._loop.process.id)
        yield self.row(
            "panel",
            "Panel: who interviews",
            Input(d.panel, placeholder="e.g. 4 engineers and the director"),
        )
        yield self.row("decider", "Who decides", Input(d.decider, placeholder="e.g. the director"))
        yield self.row(
            "timeline", "When", Input(d.timeline, placeholder="e.g. within a week of the onsite")
        )

    def build(self) -> Patch:
        values = {name: self.text(name) for name in FIELDS}
        return set_decision(self._loop, self._today, self._decision, values)
