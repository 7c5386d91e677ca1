"""How this company decides (`d` in the prep view): the panel, who decides, and when.

One record per loop, changed field by field through `planner.prep.decided`, as
`loopdeck prep --panel/--decider/--when` changes it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from planner.models import Loop
from planner.prep import Decision, decided
from tui.screens.form import FieldError, FormScreen

FIELDS = ("panel", "decider", "timeline")


class DecisionForm(FormScreen[Decision]):
    """The loop's decision, prefilled; all three blank is refused (there is nothing to keep)."""

    def __init__(self, loop: Loop, decision: Decision | None) -> None:
        super().__init__(f"How {loop.process.company} decides")
        self._loop = loop
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

    def build(self) -> Decision:
        changes = {name: self.text(name) for name in FIELDS}
        if not any(changes.values()):
            raise FieldError("panel", "say at least one: the panel, who decides, or when")
        return decided(self._decision, self._loop.process.id, changes)
