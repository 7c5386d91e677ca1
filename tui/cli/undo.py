"""`loopdeck undo`: take back the last change (from this machine), as a new change.

Undo is itself a stamped write, so it syncs like any other edit and can be
undone in turn. It puts a field back only while the field still holds what
the change wrote: a value written since (on another machine, brought by a
sync) is kept, and undo says which.
"""

from __future__ import annotations

import argparse

from tui.cli.context import CliError, Context
from tui.cli.output import say
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("undo", help="undo the last change", description=__doc__)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    undone = ctx.repo.undo()
    if undone is None:
        raise CliError("nothing to undo")
    say("\n".join(undone.lines()))
    return 0
