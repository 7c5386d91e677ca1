"""`loopdeck cancel PROCESS [ROUND]`: a round will not happen.

It stays in the timeline, marked cancelled, and stops counting for the next
step (a cancelled onsite no longer makes me "prepare"). ROUND is a kind (`tech`)
or a handle from `show` (`r2`); without it, the current round. `forget` deletes
a round entered by mistake instead.
"""

from __future__ import annotations

import argparse

from planner.changes.rounds import cancel_round
from planner.handles import find_round
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "cancel",
        help="mark a round cancelled (kept in the timeline)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("round", metavar="ROUND", nargs="?", help="a kind (tech) or a handle (r2)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    target = find_round(loop, ctx.today, args.round)
    apply(ctx, cancel_round(loop, ctx.today, target.id))
    return 0
