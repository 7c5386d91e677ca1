"""`loopdeck undo`: take back the last change (from this machine), as a new change.

Undo is itself a stamped write, so it syncs like any other edit and can be
undone in turn.
"""

from __future__ import annotations

import argparse

from tui.cli.context import CliError, Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("undo", help="undo the last change", description=__doc__)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    label = ctx.repo.undo()
    if label is None:
        raise CliError("nothing to undo")
    emit(f"Undid: {label}")
    return 0
