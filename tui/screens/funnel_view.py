"""The funnel (`f`): pass-through and days per stage, reply times, as bars with numbers.

The numbers come from `planner.funnel` (its docstring gives every rule), the
same as `loopdeck stats`; a bar never stands without its number beside it.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from planner.funnel import Funnel, funnel
from planner.models import ContactRole, Loop
from tui.screens.insight import InsightScreen

BAR = 12
ROLE_NAMES = {ContactRole.RECRUITER: "Recruiters", ContactRole.HIRING_MANAGER: "Hiring managers"}


def bar(fraction: float) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * BAR)
    return "█" * filled + "·" * (BAR - filled)


def days(value: float | None) -> str:
    return "-" if value is None else f"{value:g} d"


def funnel_view(result: Funnel) -> RenderableType:
    if not result.stages:
        return Text("No history yet: the funnel fills in as loops get rounds and outcomes.")
    stages = Table(
        box=None,
        padding=(0, 1),
        pad_edge=False,
        title="Pass-through per stage",
        title_justify="left",
    )
    for name in ("Stage", "Pass-through", "", "Passed", "Pending", "Median days"):
        left = name in ("Stage", "Pass-through")
        stages.add_column(name, justify="left" if left else "right", no_wrap=True)
    for s in result.stages:
        rate = "-" if s.pass_rate is None else f"{s.pass_rate:.0%}"
        shown_bar = "" if s.pass_rate is None else bar(s.pass_rate)
        decided = f"{s.passed}/{s.passed + s.rejected}"
        stages.add_row(s.kind.label, shown_bar, rate, decided, str(s.pending), days(s.median_days))
    longest = max((r.median_days or 0.0 for r in result.replies), default=0.0) or 1.0
    replies = Table(
        box=None, padding=(0, 1), pad_edge=False, title="Median reply time", title_justify="left"
    )
    for name in ("Who", "Reply", "", "Replies"):
        replies.add_column(name, justify="left" if name in ("Who", "Reply") else "right")
    for r in result.replies:
        shown_bar = "" if r.median_days is None else bar(r.median_days / longest)
        replies.add_row(ROLE_NAMES[r.role], shown_bar, days(r.median_days), str(r.replies))
    note = Text(f"{result.loops} loops, closed ones included.", style="dim")
    return Group(stages, Text(""), replies, Text(""), note)


class FunnelScreen(InsightScreen):
    """The funnel of `loops`, worked out once the screen is open."""

    def __init__(self, loops: list[Loop]) -> None:
        super().__init__("Funnel", lambda: funnel_view(funnel(loops)))
