"""A talking point for one audience (`t` in the prep view).

The recruiter wants short, outcome-focused points; the hiring manager wants
metrics and trade-offs (`planner.prep`). The audience starts at the one the
next round is with, since that is usually what is being prepared.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.models import Loop
from planner.prep import Audience, TalkingPoint
from tui.screens.choices import options
from tui.screens.form import FormScreen

PLACEHOLDERS = {
    Audience.RECRUITER: "e.g. Shipped ranking v2 to all users",
    Audience.HIRING_MANAGER: "e.g. Cut p99 from 80 to 20 ms by batching; cost: 5% more memory",
}


class PointForm(FormScreen[TalkingPoint]):
    """One point: for whom, and what to say; refused when empty."""

    AUTO_FOCUS = "#field-text"  # the audience is usually right already

    def __init__(self, loop: Loop, audience: Audience) -> None:
        super().__init__(f"A talking point for {loop.process.title}")
        self._loop = loop
        self._audience = audience

    def fields(self) -> ComposeResult:
        audiences = Select(options(Audience), value=self._audience.value, allow_blank=False)
        yield self.row("audience", "For (recruiter: outcomes; hiring manager: metrics)", audiences)
        yield self.row("text", "Point", Input(placeholder=PLACEHOLDERS[self._audience]))

    def build(self) -> TalkingPoint:
        return TalkingPoint.model_validate(
            {
                "process_id": self._loop.process.id,
                "audience": self.choice("audience"),
                "text": self.text("text"),
            }
        )
