"""`loopdeck pace [--json]`: when each open loop could reach an offer, and what that is late for.

One row per active loop still interviewing: the rounds it still has (its own,
then the usual sequence), the projected offer date with its range, and the
other loop's offer deadline it would miss. Below the table, the pace used per
stage and where the usual rounds come from, so every date can be checked by
hand (rules in `planner.projection` and `planner.pace`).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from planner.dates import dated, day_words
from planner.models import RoundKind
from planner.offers import Offer
from planner.pace import Pace, observed_pace
from planner.projection import Projection, RoundSource, projections, speed_up_note
from tui.cli.context import Context
from tui.cli.fit import Column, fit_prose, fit_table, output_width
from tui.cli.jsonshape import dumps, iso
from tui.cli.output import emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "pace",
        help="projected offer dates, and the deadlines they miss",
        description="When each open loop could reach an offer, from my own pace.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    repo = ctx.repo
    loops = repo.loops(include_closed=True)
    settings = repo.settings()
    found = projections(loops, repo.records(Offer), ctx.today, settings)
    if args.json:
        print(dumps([projection_json(p, ctx.today) for p in found]), end="")
        return 0
    if not found:
        emit("No open loop to project: none is still interviewing.")
        return 0
    emit(render(found, observed_pace(loops, settings), ctx.today))
    return 0


COLUMNS = (
    Column("LOOP", shrink=24),
    Column("ROUNDS LEFT", shrink=12),
    Column("FROM", drop=2),
    Column("OFFER AROUND"),
    Column("RANGE", drop=1),
    Column("BEHIND", shrink=12),
)
"""A narrow terminal keeps the loop, its rounds, the projected date and the
deadline it misses; where the rounds come from goes first, then the range."""


def render(found: list[Projection], pace: Pace, today: dt.date) -> str:
    rows = [
        [
            p.title,
            ", ".join(r.kind.value for r in p.rounds) or "-",
            _sources(p),
            dated(p.offer_on, today),
            f"{day_words(p.earliest, today)} - {day_words(p.latest, today)}",
            _behind(p, today),
        ]
        for p in found
    ]
    width = output_width()
    lines = [fit_table(COLUMNS, rows, width)]
    notes = [f"{p.title}: {speed_up_note(p, today)}" for p in found if p.behind]
    if notes:
        lines += ["", *fit_prose(notes, width)]
    lines += ["", *fit_prose([_pace_line(found, pace), _usual_line(pace)], width)]
    return "\n".join(lines)


def _behind(p: Projection, today: dt.date) -> str:
    if p.deadline is None:
        return ""
    return f"{p.deadline.company} ({day_words(p.deadline.deadline, today)})"


def projection_json(p: Projection, today: dt.date) -> dict[str, Any]:
    deadline = p.deadline
    return {
        "process_id": p.process_id,
        "title": p.title,
        "rounds_left": [
            {"kind": r.kind.value, "from": r.source.value, "days": r.days, "round_id": r.round_id}
            for r in p.rounds
        ],
        "offer_on": iso(p.offer_on),
        "earliest": iso(p.earliest),
        "latest": iso(p.latest),
        "behind": p.behind,
        "deadline": None
        if deadline is None
        else {
            "process_id": deadline.process_id,
            "company": deadline.company,
            "date": iso(deadline.deadline),
        },
        "note": speed_up_note(p, today),
    }


def _sources(p: Projection) -> str:
    seen: list[str] = []
    for r in p.rounds:
        if r.source.value not in seen:
            seen.append(r.source.value)
    return " + ".join(seen) or RoundSource.PLANNED.value


def _pace_line(found: list[Projection], pace: Pace) -> str:
    kinds = sorted({r.kind for p in found for r in p.rounds}, key=list(RoundKind).index)
    parts = []
    for kind in kinds:
        stage = pace.of(kind)
        basis = f"my history, {stage.samples} rounds" if stage.from_history else "default"
        parts.append(f"{kind.value} {stage.days:g} d ({stage.low:g}-{stage.high:g}; {basis})")
    return "Pace per stage: " + ("; ".join(parts) or "-")


def _usual_line(pace: Pace) -> str:
    rounds = ", ".join(k.value for k in pace.usual) or "none"
    if pace.usual_from_history:
        return f"Usual rounds: {rounds} (from {pace.usual_samples} loops that reached an offer)"
    return f"Usual rounds: {rounds} (the default stages, `loopdeck config default_stages`)"
