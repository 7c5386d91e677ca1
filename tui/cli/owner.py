"""`loopdeck owner PROCESS WHO [--note TEXT]`: say by hand who owns the next step.

The rules guess from the loop's state; the user sometimes knows better (the
hiring manager said "I'll email you Friday"). An override wins until it is set
back to `auto`; its note shows beside the owner in `show` and `next`.
"""

from __future__ import annotations

import argparse

from planner.changes.owner import set_owner
from planner.models import Owner
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers

AUTO = "auto"


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "owner",
        help="override who owns the next step",
        description=__doc__,
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("who", metavar="WHO", choices=[*(o.value for o in Owner), AUTO])
    parser.add_argument("--note", default="", help="why (shown beside the owner)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    override = None if args.who == AUTO else Owner(args.who)
    apply(ctx, set_owner(loop, ctx.today, override, args.note))
    return 0
