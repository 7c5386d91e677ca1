"""`loopdeck close PROCESS --reason ...`: end a loop, recording who made the call.

The rule (and who decided when the user does not say) is
`planner.changes.closing`, shared with the app's close form.
"""

from __future__ import annotations

import argparse

from planner.changes.closing import close_loop
from planner.models import CloseReason, DecidedBy
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "close",
        help="close a loop",
        description="Close a loop: rejected, withdrew, accepted or declined.",
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("--reason", required=True, choices=[r.value for r in CloseReason])
    parser.add_argument(
        "--by", choices=[d.value for d in DecidedBy], help="who made the call (default from reason)"
    )
    parser.add_argument("--on", metavar="DATE", help="when (default: today)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    by = DecidedBy(args.by) if args.by else None
    on = ctx.date(args.on) if args.on else None
    apply(ctx, close_loop(loop, ctx.today, CloseReason(args.reason), by, on))
    return 0
