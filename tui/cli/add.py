"""`loopdeck add LINE`: a new loop from one quick-add line.

The same grammar as the app's quick-add box, so a line learned in one works in
the other: `Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" next:screen on:fri`.
"""

from __future__ import annotations

import argparse

from planner.quickadd import parse_loop
from planner.rounds import off_day_note
from tui.cli.context import Context
from tui.cli.output import emit, owner_text
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "add",
        help="add a loop from a quick-add line",
        description=(
            "Add a loop: 'Company / Role [key:value ...] [#tag ...]'. Keys: rec, hm, next, on, "
            "at, via, resume, level, loc, with, due. Quote values with spaces."
        ),
    )
    parser.add_argument("line", metavar="LINE", help="e.g. 'Acme / ML Engineer next:screen on:fri'")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    process, rounds, contacts = parse_loop(args.line, ctx.today).build(ctx.today)
    with ctx.repo.transaction(f"add loop {process.title}") as tx:
        tx.put(process)
        for record in (*rounds, *contacts):
            tx.put(record)
    emit(f"Added {process.title} (id {process.id[:8]})")
    step = ctx.state(process.id)
    if step is not None:
        emit(f"Next: {step.what} ({owner_text(step)})")
    settings = ctx.repo.settings()
    for note in filter(None, (off_day_note(r.date, settings, ctx.today) for r in rounds[1:])):
        emit(f"Note: {note}")  # the first round is the application, not a meeting
    return 0
