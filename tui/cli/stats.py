"""`loopdeck stats [--json]`: my funnel, as numbers and as bars.

Pass-through rate and median days per stage, and the median reply time of
recruiters against hiring managers; the rules behind each number are in
`planner.funnel`. Closed loops count: they hold most of the history.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.funnel import Funnel, funnel
from planner.models import ContactRole
from tui.cli.context import Context
from tui.cli.jsonshape import dumps
from tui.cli.output import emit, table
from tui.cli.parsing import Subparsers

BAR_WIDTH = 20
ROLE_NAMES = {ContactRole.RECRUITER: "Recruiters", ContactRole.HIRING_MANAGER: "Hiring managers"}


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="pass-through rates, days per stage, reply times",
        description="The funnel of all loops, closed ones included.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    result = funnel(ctx.repo.loops(include_closed=True))
    if args.json:
        print(dumps(funnel_json(result)), end="")
        return 0
    if not result.stages:
        emit("No history yet: stats appear once loops have rounds.")
        return 0
    emit(render(result))
    return 0


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A bar of `width` cells, filled in proportion (text only, so it pipes cleanly)."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "·" * (width - filled)


def days(value: float | None) -> str:
    return "-" if value is None else f"{value:g} d"


def render(result: Funnel) -> str:
    rows = [
        [
            s.kind.label,
            bar(s.pass_rate or 0.0) if s.pass_rate is not None else " " * BAR_WIDTH,
            "-" if s.pass_rate is None else f"{s.pass_rate:.0%}",
            f"{s.passed}/{s.passed + s.rejected}",
            str(s.pending),
            days(s.median_days),
        ]
        for s in result.stages
    ]
    stages = table(["STAGE", "PASS-THROUGH", "", "PASSED", "PENDING", "MEDIAN DAYS"], rows)
    longest = max((r.median_days or 0.0 for r in result.replies), default=0.0) or 1.0
    reply_rows = [
        [
            ROLE_NAMES[r.role],
            " " * BAR_WIDTH if r.median_days is None else bar(r.median_days / longest),
            days(r.median_days),
            f"{r.replies} replies",
        ]
        for r in result.replies
    ]
    replies = table(["WHO", "MEDIAN REPLY", "", "SAMPLES"], reply_rows)
    return f"{stages}\n\n{replies}\n\n{result.loops} loops, closed ones included."


def funnel_json(result: Funnel) -> dict[str, Any]:
    return {
        "loops": result.loops,
        "stages": [
            {
                "stage": s.kind.value,
                "passed": s.passed,
                "rejected": s.rejected,
                "pending": s.pending,
                "pass_rate": s.pass_rate,
                "median_days": s.median_days,
                "timed": s.timed,
            }
            for s in result.stages
        ],
        "replies": [
            {"role": r.role.value, "replies": r.replies, "median_days": r.median_days}
            for r in result.replies
        ],
    }
