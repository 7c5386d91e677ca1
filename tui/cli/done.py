"""`loopdeck done PROCESS [ROUND]`: a round took place (and maybe was decided).

Which round, when none is named: `planner.rounds.done_round`, the same rule as
the app's `d` key. A round dated after today needs `--on DATE`: the date is
never rewritten without a word.
"""

from __future__ import annotations

import argparse

from planner.changes.base import Refused
from planner.changes.done import mark_done
from planner.handles import find_round
from planner.models import DecidedBy, Outcome
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "done",
        help="the current round took place",
        description=(
            "Mark the loop's current round (or ROUND: a kind such as tech, or a handle such "
            "as r2) as done, with its outcome if known. On a round that took place, set its "
            "outcome."
        ),
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("round", metavar="ROUND", nargs="?", help="a kind (tech) or a handle (r2)")
    parser.add_argument(
        "--outcome", choices=[o.value for o in Outcome], default=Outcome.PENDING.value
    )
    parser.add_argument(
        "--on", metavar="DATE", help="when it took place (default: its date, if not after today)"
    )
    parser.add_argument(
        "--by",
        choices=[d.value for d in DecidedBy if d != DecidedBy.ME],
        help="who made the call (a rejection by the hiring manager reads differently)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    on = ctx.date(args.on) if args.on else None
    round_id = find_round(loop, ctx.today, args.round).id if args.round else None
    try:
        patch = mark_done(
            loop,
            ctx.today,
            round_id,
            Outcome(args.outcome),
            on=on,
            by=DecidedBy(args.by) if args.by else None,
        )
    except Refused as error:
        if error.field == "date" and on is None:
            raise Refused(f"{error} with --on DATE", error.field) from None
        raise
    apply(ctx, patch)
    return 0
