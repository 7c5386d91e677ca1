"""`loopdeck next`: every open loop's state and my to-dos, one thread a line, most urgent first.

The morning question: what do I do today, and whom do I nudge? A loop's state
says whose court the ball is in; my to-dos (promises, deadlines to pass on)
sit beside it on lines of their own, so an offer elsewhere never hides that a
loop waits on its hiring manager. Offers with a deadline are listed
underneath, because every other loop's recruiter should hear about them early.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TYPE_CHECKING

from planner.dates import relative
from planner.models import Loop, Owner
from planner.offers import Offer
from planner.pacing import open_deadlines
from planner.steps import Signal, Thread
from storage.gcpause import paused_gc
from tui.cli.context import Context
from tui.cli.jsonshape import dumps, next_item_json
from tui.cli.output import (
    SIGNAL_LABELS,
    due_text,
    emit,
    nudge_text,
    owner_text,
    waiting_text,
)
from tui.cli.parsing import Subparsers

if TYPE_CHECKING:
    from tui.cli.fit import Column


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "next",
        help="every open loop's state and my to-dos, most urgent first",
        description=(
            "Every open loop's state (who owns it, since when, whom to nudge) and my "
            "to-dos beside it, one line each, most urgent first."
        ),
    )
    parser.add_argument(
        "--owner",
        choices=[o.value for o in Owner],
        help="only the lines this person owns (me: my states and to-dos)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    # Thousands of threads, lines and JSON objects, none of them garbage and all
    # kept until the output is out: the collector would only walk them again
    # and again while they are built.
    with paused_gc():
        return answer(args, ctx)


def answer(args: argparse.Namespace, ctx: Context) -> int:
    """Print the threads (`run`, with the collector paused)."""
    open_loops = ctx.repo.loops()
    loops = {loop.process.id: loop for loop in open_loops}
    steps = ctx.threads(open_loops)
    if args.owner:
        steps = [s for s in steps if s.owner == Owner(args.owner)]
    if args.json:
        print(dumps([next_item_json(loops[s.process_id], s) for s in steps]), end="")
        return 0
    if not steps:
        emit("Nothing to do: no open loop matches." if loops else "No loops yet: loopdeck add ...")
        return 0
    from tui.cli.fit import fit_lines, output_width  # for people only: `--json` never folds

    emit(render(steps, loops, ctx))
    deadlines = offer_deadlines(loops.values(), ctx)
    if deadlines:
        emit("\nOffer deadlines (tell the other recruiters early):")
        emit("\n".join(fit_lines([f"  {line}" for line in deadlines], output_width())))
    return 0


def columns() -> tuple[Column, ...]:
    """What a narrow terminal keeps: signal, loop, step, owner and whom to nudge;
    then the days waited, the date that matters, the kind, the last touch."""
    from tui.cli.fit import Column

    return (
        Column("SIGNAL"),
        Column("LOOP", shrink=24),
        Column("KIND", drop=4),
        Column("NEXT STEP", shrink=40),
        Column("OWNER", shrink=15, floor=15),  # "Hiring manager" whole, then "…" for a note
        Column("NUDGE", shrink=16),
        Column("WAITING", drop=2),
        Column("LAST TOUCH", drop=5),
        Column("WHEN", drop=3),
    )


def render(steps: list[Thread], loops: dict[str, Loop], ctx: Context) -> str:
    from tui.cli.fit import fit_table, output_width

    rows = [
        [
            SIGNAL_LABELS[s.signal],
            loops[s.process_id].process.title,
            s.kind.value,
            s.what,
            owner_text(s, loops[s.process_id].process.override_note),
            nudge_text(s),
            waiting_text(s),
            relative(s.last_touch, ctx.today) if s.last_touch else "-",
            when_text(s, ctx),
        ]
        for s in steps
    ]
    return fit_table(columns(), rows, output_width())


def when_text(step: Thread, ctx: Context) -> str:
    """The date that matters next: my due date, the day they promised, or the next nudge."""
    if step.expected is not None and step.signal != Signal.MISSED:
        return f"expected {due_text(step.expected, ctx.today)}"
    if step.next_nudge is not None:
        return f"nudge {due_text(step.next_nudge, ctx.today)}"
    return f"due {due_text(step.due, ctx.today)}" if step.due else "-"


def offer_deadlines(loops: Iterable[Loop], ctx: Context) -> list[str]:
    """Each open loop's earliest offer deadline still ahead, soonest first."""
    deadlines = open_deadlines(loops, ctx.repo.records(Offer), ctx.today)
    return [f"{due_text(d.deadline, ctx.today)}  {d.company}" for d in deadlines]
