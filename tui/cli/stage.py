"""`loopdeck stage PROCESS LINE`: add a round to a loop's timeline.

A dated line for a kind the loop already plans without a date schedules that
round instead of adding a second one (`RoundDraft.place`).
"""

from __future__ import annotations

import argparse

from planner.quickadd import parse_round
from planner.rounds import off_day_note, placement_label
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
    loop = ctx.loop(args.process)
    process = loop.process
    round_ = parse_round(args.line, ctx.today).place(loop, ctx.today)
    label = placement_label(loop, round_)
    with ctx.repo.transaction(label) as tx:
        tx.put(round_)
    when = f" on {round_.date}" if round_.date else " (no date yet)"
    if round_.id in {r.id for r in loop.rounds}:
        emit(f"Scheduled the planned {round_.label}{when} at {process.title}")
    else:
        emit(f"Added {round_.label}{when} to {process.title}")
    note = off_day_note(round_.date, ctx.repo.settings(), ctx.today)
    if note is not None:
        emit(f"Note: {note}")
    return 0
