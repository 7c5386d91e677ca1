"""`loopdeck intake FILE [--loop PROCESS] [--yes]`: an invite or a mail into its loop.

FILE is a calendar invite (`.ics`), a mail (`.eml`), or `-` for text pasted
on stdin (an invite, or a mail with its headers). Prints the change as a
before/after list (rules in `planner.intakeplan`); writes it, as one undo
step, only with --yes. Reading the same file again changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.changes.base import Refused
from planner.clock import local_zone
from planner.intakeplan import propose
from storage.intake.reading import PASTED, read_item
from tui.cli.context import CliError, Context
from tui.cli.fit import fit_lines, fit_prose, output_width
from tui.cli.output import emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "intake",
        help="bring a calendar invite or a mail into its loop",
        description="Read an invite (.ics), a mail (.eml) or pasted text (-) into its loop.",
    )
    parser.add_argument("file", metavar="FILE", help="an .ics or .eml file, or - to paste")
    parser.add_argument("--loop", metavar="PROCESS", help="the loop it belongs to")
    parser.add_argument("--yes", action="store_true", help="write the change (else: preview)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    data, name = _read(args.file)
    item = read_item(data, name)
    repo = ctx.repo
    chosen = ctx.loop(args.loop) if args.loop is not None else None
    try:
        proposal = propose(item, repo.loops(include_closed=True), ctx.today, local_zone(), chosen)
    except Refused as refused:
        raise CliError(str(refused)) from None
    width = output_width()
    emit("\n".join(fitted(proposal.listing(), width)))
    if proposal.patch.empty:
        emit("\n".join(fit_prose([proposal.nothing_to_change], width)))
        return 0
    if not args.yes:
        emit("Nothing written yet: run again with --yes to apply it.")
        return 0
    repo.apply(proposal.patch)
    emit("Applied as one step (loopdeck undo takes it back).")
    return 0


def fitted(listing: list[str], width: int | None) -> list[str]:
    """The before/after list within the width: a change on one line each, cut at its end
    (where a meeting link is), the loop's line and the notes folded under an indent."""
    lines: list[str] = []
    for line in listing:
        if line.startswith(NOTE):
            lines += fit_prose([line], width, indent=" " * (len(NOTE) - 2))
        elif line.startswith(LOOP):
            lines += fit_prose([line], width)
        else:
            lines += fit_lines([line], width)
    return lines


LOOP, NOTE = "Loop: ", "  note    "
"""How `Proposal.listing` starts the loop's line and a note."""


def _read(file: str) -> tuple[bytes, str]:
    if file == "-":
        return sys.stdin.buffer.read(), PASTED
    path = Path(file)
    try:
        return path.read_bytes(), path.name
    except OSError as error:
        raise CliError(f"cannot read {path.name} ({error.strerror})") from None
