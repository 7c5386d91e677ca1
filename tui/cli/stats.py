"""`loopdeck stats [--json]`: my funnel, as numbers and as bars.

Pass-through rate and median days per stage, the rate from applied to offer,
and the median reply time of recruiters against hiring managers; the rules
behind each number, and when there is too little data to give one ("n/a"),
are in `planner.funnel`. Closed loops count: they hold most of the history.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from typing import Any

from planner.funnel import MIN_DECIDED, Funnel, StageStats, funnel
from planner.models import ContactRole
from tui.cli.context import Context
from tui.cli.fit import Column, output_width, widths
from tui.cli.fit import render as render_table
from tui.cli.jsonshape import dumps
from tui.cli.output import count, emit
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
    emit(render(result, output_width()))
    return 0


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A bar of `width` cells, filled in proportion (text only, so it pipes cleanly)."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "·" * (width - filled)


def render(result: Funnel, width: int | None = None) -> str:
    """The stages, the overall rate and the reply times, each table fitted to `width`."""
    stage_columns = (
        Column("STAGE"),
        Column("PASS-THROUGH"),
        Column("", shrink=BAR_WIDTH // 2, floor=BAR_WIDTH // 2, drop=1),  # the bar, if room
        Column("PASSED"),
        Column("PENDING"),
        Column("MEDIAN DAYS"),
    )
    fractions = [s.pass_rate if s.enough_data else None for s in result.stages]
    cells = [stage_row(s) for s in result.stages]
    stages = with_bars(stage_columns, cells, fractions, width)
    reply_columns = (
        Column("WHO"),
        Column("MEDIAN REPLY"),
        Column("", shrink=BAR_WIDTH // 2, floor=BAR_WIDTH // 2, drop=1),
        Column("SAMPLES"),
    )
    longest = max((r.median_days or 0.0 for r in result.replies), default=0.0) or 1.0
    reply_fractions = [
        r.median_days / longest if r.enough_data and r.median_days is not None else None
        for r in result.replies
    ]
    reply_cells = [
        [ROLE_NAMES[r.role], r.median_words(), "", count(r.replies, "reply", "replies")]
        for r in result.replies
    ]
    replies = with_bars(reply_columns, reply_cells, reply_fractions, width)
    notes = [
        f"n/a: fewer than {MIN_DECIDED} to go on, or the end of the funnel (an offer).",
        f"{count(result.loops, 'loop')}, closed ones included.",
    ]
    headline = f"Applied to offer: {result.overall.words()}."
    return "\n".join([*wrap([headline], width), "", stages, "", replies, "", *wrap(notes, width)])


def wrap(notes: list[str], width: int | None) -> list[str]:
    """Sentences folded at the width (prose may take two lines; a table row never)."""
    return [line for note in notes for line in textwrap.wrap(note, width or len(note))]


def stage_row(stage: StageStats) -> list[str]:
    """One stage's cells, the bar's cell left blank for `with_bars` to draw."""
    return [
        stage.kind.label,
        stage.rate_words(),
        "",
        f"{stage.passed}/{stage.decided}",
        str(stage.pending),
        stage.median_words(),
    ]


def with_bars(
    columns: Sequence[Column],
    cells: list[list[str]],
    fractions: Sequence[float | None],
    width: int | None,
) -> str:
    """A table whose third column is a bar: laid out first, then drawn at the width it got
    (none when the width left no room for a bar that means something)."""
    for row in cells:
        row[2] = " " * BAR_WIDTH
    sizes = widths(columns, cells, width)
    for row, fraction in zip(cells, fractions, strict=True):
        row[2] = "" if fraction is None or not sizes[2] else bar(fraction, sizes[2])
    return render_table(columns, cells, sizes, width)


def funnel_json(result: Funnel) -> dict[str, Any]:
    return {
        "loops": result.loops,
        "overall": {
            "offers": result.overall.offers,
            "ended_without_offer": result.overall.ended,
            "open": result.overall.open,
            "rate": result.overall.rate,
            "enough_data": result.overall.enough_data,
        },
        "stages": [
            {
                "stage": s.kind.value,
                "passed": s.passed,
                "rejected": s.rejected,
                "pending": s.pending,
                "pass_rate": s.pass_rate,
                "median_days": s.median_days,
                "timed": s.timed,
                "enough_data": s.enough_data,
            }
            for s in result.stages
        ],
        "replies": [
            {
                "role": r.role.value,
                "replies": r.replies,
                "median_days": r.median_days,
                "enough_data": r.enough_data,
            }
            for r in result.replies
        ],
    }
