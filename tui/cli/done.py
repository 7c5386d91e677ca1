"""`loopdeck done PROCESS`: the current round took place (and maybe was decided).

"Current" is the round the user is most likely talking about: the earliest one
not done or cancelled whose date is today or past, else the earliest one still
ahead (an interview moved up), else the earliest one without a date. With a
decision (--outcome passed/rejected) and no round due today or earlier, it is
the latest round that took place and still waits for its outcome: the answer
came in.
"""

from __future__ import annotations

import argparse
import datetime as dt

from planner.models import DecidedBy, Loop, Outcome, Round, RoundKind, RoundStatus
from tui.cli.context import CliError, Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "done",
        help="the current round took place",
        description="Mark the loop's current round as done, with its outcome if known.",
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument(
        "--outcome", choices=[o.value for o in Outcome], default=Outcome.PENDING.value
    )
    parser.add_argument("--on", metavar="DATE", help="when it took place (default: its date)")
    parser.add_argument(
        "--by",
        choices=[d.value for d in DecidedBy if d != DecidedBy.ME],
        help="who made the call (a rejection by the hiring manager reads differently)",
    )
    parser.set_defaults(run=run)


def current_round(loop: Loop, today: dt.date) -> Round | None:
    """The round `done` applies to; the application itself never counts."""
    open_rounds = [
        r
        for r in loop.timeline()
        if r.status in (RoundStatus.PLANNED, RoundStatus.SCHEDULED) and r.kind != RoundKind.APPLIED
    ]
    past = [r for r in open_rounds if r.date is not None and r.date <= today]
    ahead = [r for r in open_rounds if r.date is not None and r.date > today]
    undated = [r for r in open_rounds if r.date is None]
    for group in (past, ahead, undated):
        if group:
            return group[0]
    return None


def awaiting_outcome(loop: Loop) -> Round | None:
    """The latest round that took place and has no outcome yet."""
    waiting = [
        r
        for r in loop.timeline()
        if r.status == RoundStatus.DONE
        and r.outcome == Outcome.PENDING
        and r.kind != RoundKind.APPLIED
    ]
    return waiting[-1] if waiting else None


def target_round(loop: Loop, today: dt.date, outcome: Outcome) -> Round | None:
    current = current_round(loop, today)
    due_now = current is not None and current.date is not None and current.date <= today
    if outcome != Outcome.PENDING and not due_now:
        return awaiting_outcome(loop) or current
    return current


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    on = ctx.date(args.on) if args.on else None
    outcome = Outcome(args.outcome)
    round_ = target_round(loop, ctx.today, outcome)
    if round_ is None:
        raise CliError(
            f"{loop.process.title} has no open round; add one with: loopdeck stage PROCESS LINE"
        )
    took_place = on or min(round_.date or ctx.today, ctx.today)
    if took_place > ctx.today:
        raise CliError(f"a round cannot have taken place on {took_place}, after today")
    updated = Round.model_validate(
        {
            **round_.model_dump(),
            "status": RoundStatus.DONE,
            "date": took_place,
            "outcome": outcome,
            "outcome_on": None if outcome == Outcome.PENDING else ctx.today,
            "decided_by": DecidedBy(args.by) if args.by else round_.decided_by,
        }
    )
    with ctx.repo.transaction(f"{round_.label} done at {loop.process.title}") as tx:
        tx.put(updated)
    emit(f"{round_.label} at {loop.process.title}: done on {took_place}, {outcome.value}")
    return 0
