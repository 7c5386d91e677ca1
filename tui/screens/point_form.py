"""A talking point for one audience (`t` in the prep view).

The recruiter wants short, outcome-focused points; the hiring manager wants
metrics and trade-offs (`planner.prep`). The audience starts at the one the
next round is with, since that is usually what is being prepared. The form
opens on its first field, as every form does: Tab then leads to the point.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.prep import add_point
from planner.models import Loop
from planner.prep import Audience
from tui.screens.choices import options
from tui.screens.form import FormScreen

PLACEHOLDERS = {
    Audience.RECRUITER: "e.g. Shipped ranking v2 to all users",
    Audience.HIRING_MANAGER: "e.g. Cut p99 from 80 to 20 ms by batching; cost: 5% more memory",
}


class PointForm(FormScreen):
    """One point: for whom, and what to say; refused when empty."""

    def __init__(self, loop: Loop, today: dt.date, audience: Audience) -> None:
        super().__init__(f"A talking point for {loop.process.title}")
        self._loop = loop
        self._today = today
        self._audience = audience

    def fields(self) -> ComposeResult:
        audiences = Select(options(Audience), value=self._audience.value, allow_blank=False)
        yield self.row("audience", "For (recruiter: outcomes; hiring manager: metrics)", audiences)
        yield self.row("text", "Point", Input(placeholder=PLACEHOLDERS[self._audience]))

    def build(self) -> Patch:
        audience = Audience(self.choice("audience"))
        return add_point(self._loop, self._today, audience, self.text("text"))
