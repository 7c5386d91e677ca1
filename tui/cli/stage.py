"""`loopdeck stage PROCESS LINE`: add a round to a loop's timeline."""

from __future__ import annotations

import argparse

from planner.quickadd import parse_round
from tui.cli.context import Context
from tui.cli.output import emit
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
    process = ctx.repo.find_process(args.process)
    round_ = parse_round(args.line, ctx.today).build(process.id, ctx.today)
    with ctx.repo.transaction(f"add {round_.label} to {process.title}") as tx:
        tx.put(round_)
    when = f" on {round_.date}" if round_.date else " (no date yet)"
    emit(f"Added {round_.label}{when} to {process.title}")
    return 0
