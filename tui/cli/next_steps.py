"""`loopdeck next`: what moves each open loop forward, most urgent first.

The morning question: what do I do today, and whom do I nudge? Offers with a
deadline are listed underneath, because every other loop's recruiter should
hear about them early.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from planner.models import Loop, Owner
from planner.offers import Offer
from planner.pacing import open_deadlines
from planner.steps import NextStep
from tui.cli.context import Context
from tui.cli.jsonshape import dumps, next_item_json
from tui.cli.output import (
    SIGNAL_LABELS,
    clip,
    due_text,
    emit,
    nudge_text,
    owner_text,
    table,
    waiting_text,
)
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "next",
        help="the next step of every open loop, most urgent first",
        description="The next step of every open loop: who owns it, since when, whom to nudge.",
    )
    parser.add_argument(
        "--owner",
        choices=[o.value for o in Owner],
        help="only the steps this person owns (me: what I have to do)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    open_loops = ctx.repo.loops()
    loops = {loop.process.id: loop for loop in open_loops}
    steps = list(ctx.steps(open_loops).values())
    if args.owner:
        steps = [s for s in steps if s.owner == Owner(args.owner)]
    if args.json:
        print(dumps([next_item_json(loops[s.process_id], s) for s in steps]), end="")
        return 0
    if not steps:
        emit("Nothing to do: no open loop matches." if loops else "No loops yet: loopdeck add ...")
        return 0
    emit(render(steps, loops, ctx))
    deadlines = offer_deadlines(loops.values(), ctx)
    if deadlines:
        emit("\nOffer deadlines (tell the other recruiters early):")
        emit("\n".join(f"  {line}" for line in deadlines))
    return 0


def render(steps: list[NextStep], loops: dict[str, Loop], ctx: Context) -> str:
    rows = [
        [
            SIGNAL_LABELS[s.signal],
            clip(loops[s.process_id].process.title, 36),
            clip(s.what, 44),
            owner_text(s),
            nudge_text(s),
            waiting_text(s),
            due_text(s.due, ctx.today),
        ]
        for s in steps
    ]
    headers = ["SIGNAL", "LOOP", "NEXT STEP", "OWNER", "NUDGE", "WAITING", "DUE"]
    return table(headers, rows)


def offer_deadlines(loops: Iterable[Loop], ctx: Context) -> list[str]:
    """Each open loop's earliest offer deadline still ahead, soonest first."""
    deadlines = open_deadlines(loops, ctx.repo.records(Offer), ctx.today)
    return [f"{due_text(d.deadline, ctx.today)}  {d.company}" for d in deadlines]
