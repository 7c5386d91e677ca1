"""`loopdeck did PROCESS [WHICH]`: a promise of mine is kept; its to-do is ticked off.

WHICH is the handle `show` prints beside the to-do (`l3`) or a word of its
text; with one open promise it may be left out. The rule is
`planner.changes.todos.tick_off`; telling a recruiter about a deadline is
logged with `told` instead.
"""

from __future__ import annotations

import argparse

from planner.changes.todos import tick_off
from planner.offers import Offer
from planner.pacing import open_deadlines
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "did",
        help="tick off a promise of mine",
        description=(
            "Mark my open promise in a loop as done. WHICH is the handle show prints beside "
            "the to-do (l3) or a word of its text; it may be left out when there is one."
        ),
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("which", metavar="WHICH", nargs="?", help="a handle (l3) or a word")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    repo = ctx.repo
    deadlines = open_deadlines(repo.loops(), repo.records(Offer), ctx.today)
    apply(ctx, tick_off(loop, ctx.today, args.which, deadlines))
    return 0
