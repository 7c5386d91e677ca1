"""`loopdeck stage PROCESS LINE`: add a round to a loop's timeline.

A dated line for a kind the loop already plans without a date schedules that
round instead of adding a second one (`planner.changes.rounds.add_round`). A
round that is already dated moves with `loopdeck move`.
"""

from __future__ import annotations

import argparse

from planner.changes.rounds import add_round
from planner.quickadd import parse_round
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "stage",
        help="add a round to a loop",
        description=(
            "Add a round: 'KIND [on:DATE] [at:HH:MM] [with:\"Name\"]... [fmt:video] [due:DATE]', "
            "e.g. 'tech on:fri at:14:00 with:\"Priya Rao\"'."
        ),
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("line", metavar="LINE", help="the round, e.g. 'onsite on:+2w'")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    draft = parse_round(args.line, ctx.today)
    apply(ctx, add_round(loop, ctx.today, draft, ctx.repo.settings()))
    return 0
