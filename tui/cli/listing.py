"""`loopdeck list`: every loop on one line, open ones first by urgency."""

from __future__ import annotations

import argparse

from planner.models import Loop
from planner.steps import NextStep
from tui.cli.context import Context
from tui.cli.fit import Column, fit_table, output_width
from tui.cli.jsonshape import dumps, loop_summary_json
from tui.cli.output import SIGNAL_LABELS, emit, owner_text
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "list",
        help="every loop on one line",
        description="Every open loop (with --all, closed ones too), most urgent first.",
    )
    parser.add_argument("--all", action="store_true", help="include closed loops")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    loops = ctx.repo.loops(include_closed=args.all)
    steps = ctx.steps(loops)
    entries = [(loop, steps.get(loop.process.id)) for loop in loops]
    entries.sort(key=order)
    if args.json:
        print(dumps([loop_summary_json(loop, step) for loop, step in entries]), end="")
        return 0
    if not entries:
        emit("No loops yet: loopdeck add 'Company / Role'")
        return 0
    rows = [row(loop, step) for loop, step in entries]
    emit(fit_table(COLUMNS, rows, output_width()))
    return 0


COLUMNS = (
    Column("ID"),
    Column("LOOP", shrink=24),
    Column("STATUS", shrink=10, drop=1),
    Column("NEXT STEP", shrink=40),
    Column("OWNER", shrink=15, floor=15),  # "Hiring manager" whole, then "…" for a note
    Column("SIGNAL"),
)


def order(entry: tuple[Loop, NextStep | None]) -> tuple[int, tuple[object, ...], str]:
    """Open loops by urgency, then closed ones; ties by title for a stable list."""
    loop, step = entry
    if step is None:
        return (1, (), loop.process.title.lower())
    return (0, step.urgency_key(), loop.process.title.lower())


def row(loop: Loop, step: NextStep | None) -> list[str]:
    process = loop.process
    status = process.status.value.replace("_", " ")
    if process.close_reason is not None:
        status = f"closed: {process.close_reason.value}"
        if process.closed_by is not None:
            status += f" by {process.closed_by.value.replace('_', ' ')}"
    if step is None:
        return [process.id[:8], process.title, status, "-", "-", ""]
    return [
        process.id[:8],
        process.title,
        status,
        step.what,
        owner_text(step),
        SIGNAL_LABELS[step.signal],
    ]
