"""`loopdeck export --format csv|ics|md [-o FILE]`: leave loopdeck without retyping.

CSV for a spreadsheet (one row per loop, closed loops included), ICS for a
calendar (scheduled rounds and offer deadlines, with stable UIDs so a second
import updates the events), Markdown for a one-page summary per loop.
Without -o the export goes to stdout, to pipe or redirect.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.text import visible_lines
from storage.exporters.formats import SUFFIX, render
from storage.exporters.snapshot import take_snapshot
from tui.cli.context import CliError, Context
from tui.cli.output import count, say
from tui.cli.parsing import Subparsers

FORMATS = tuple(SUFFIX)


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export loops as CSV, a calendar (ICS) or Markdown",
        description="Export every loop as CSV, the scheduled rounds as ICS, or a Markdown summary.",
    )
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--loop", metavar="PROCESS", help="only this loop")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    only = ctx.repo.find_process(args.loop).id if args.loop else None
    snapshot = take_snapshot(ctx.repo, ctx.today, only=only)
    data = render(args.format, snapshot)
    if args.output is None:
        text = data.decode("utf-8")
        # A file keeps the data as it is; a terminal gets control characters as escapes.
        sys.stdout.write(visible_lines(text) if sys.stdout.isatty() else text)
        return 0
    target = Path(args.output)
    if ctx.repo.owns(target):
        raise CliError(f"{target.name} is where loopdeck keeps your loops; export to another file")
    try:
        target.write_bytes(data)
    except OSError as error:
        raise CliError(f"cannot write {target.name} ({error.strerror})") from None
    say(f"Exported {count(len(snapshot.loops), 'loop')} to {target}")
    return 0
