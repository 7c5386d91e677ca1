"""`loopdeck done PROCESS`: the current round took place (and maybe was decided).

Which round that is follows `planner.rounds`, the same rule as the app's `d` key.
"""

from __future__ import annotations

import argparse

from planner.models import DecidedBy, Outcome, Round, RoundStatus
from planner.rounds import target_round
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
