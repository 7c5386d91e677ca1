"""The funnel (`f`): the rate from applied to offer, pass-through and days per stage,
reply times, as bars with numbers.

The numbers and their words come from `planner.funnel` (its docstring gives
every rule), the same as `loopdeck stats`: a rate over too few outcomes reads
"n/a (2 decided)" and draws no bar, so a lucky 100% over one round does not
look like a fact. A bar never stands without its number beside it.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from planner.funnel import MIN_DECIDED, Funnel, funnel
from planner.models import ContactRole, Loop
from tui.screens.insight import InsightScreen

BAR = 12
ROOM_FOR_BARS = 100
"""The fewest columns at which the bars fit beside the numbers; below, numbers only."""
ROLE_NAMES = {ContactRole.RECRUITER: "Recruiters", ContactRole.HIRING_MANAGER: "Hiring managers"}


def bar(fraction: float) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * BAR)
    return "█" * filled + "·" * (BAR - filled)


def funnel_view(result: Funnel, bars: bool = True) -> RenderableType:
    """The funnel as tables; `bars=False` leaves the bars out (a narrow terminal)."""
    if not result.stages:
        return Text("No history yet: the funnel fills in as loops get rounds and outcomes.")
    headline = Text.assemble(("Applied to offer: ", "bold"), result.overall.words())
    stages = Table(
        box=None,
        padding=(0, 1),
        pad_edge=False,
        title="Pass-through per stage",
        title_justify="left",
    )
    names = ("Stage", "Pass-through", "", "Passed", "Pending", "Median days")
    for name in names if bars else names[:2] + names[3:]:
        left = name in ("Stage", "Pass-through", "")
        stages.add_column(name, justify="left" if left else "right", no_wrap=True)
    for s in result.stages:
        shown_bar = bar(s.pass_rate) if s.enough_data and s.pass_rate is not None else ""
        counts = (f"{s.passed}/{s.decided}", str(s.pending), s.median_words())
        drawn = (shown_bar,) if bars else ()
        stages.add_row(s.kind.label, s.rate_words(), *drawn, *counts)
    longest = max((r.median_days or 0.0 for r in result.replies), default=0.0) or 1.0
    replies = Table(
        box=None, padding=(0, 1), pad_edge=False, title="Median reply time", title_justify="left"
    )
    for name in ("Who", "Reply", "", "Replies") if bars else ("Who", "Reply", "Replies"):
        replies.add_column(name, justify="right" if name == "Replies" else "left", no_wrap=True)
    for r in result.replies:
        shown = r.enough_data and r.median_days is not None
        drawn = (bar((r.median_days or 0.0) / longest) if shown else "",) if bars else ()
        replies.add_row(ROLE_NAMES[r.role], r.median_words(), *drawn, str(r.replies))
    notes = Text(
        f"n/a: fewer than {MIN_DECIDED} to go on, or the end of the funnel (an offer).\n"
        f"{result.loops} loops, closed ones included.",
        style="dim",
    )
    return Group(headline, Text(""), stages, Text(""), replies, Text(""), notes)


class FunnelScreen(InsightScreen):
    """The funnel of `loops`, worked out once the screen is open."""

    def __init__(self, loops: list[Loop]) -> None:
        super().__init__("Funnel", lambda: funnel_view(funnel(loops), self._room_for_bars()))

    def _room_for_bars(self) -> bool:
        return self.app.size.width >= ROOM_FOR_BARS
