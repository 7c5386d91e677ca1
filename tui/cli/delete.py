"""`loopdeck delete PROCESS --yes`: delete a loop with everything in it.

A tombstone, like every deletion: the loop leaves `list --all`, `next` and the
app, and `loopdeck undo` brings it back whole. Without --yes nothing is written:
the command says what it would delete and exits with 2, so a script that
forgot the flag stops there.
"""

from __future__ import annotations

import argparse

from planner.changes.loops import contents, delete_loop
from planner.models import Record
from planner.offers import Offer
from planner.prep import Decision, Question, TalkingPoint
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers, UsageError


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "delete",
        help="delete a loop (undo brings it back)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("--yes", action="store_true", help="really delete it")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    repo = ctx.repo
    pid = loop.process.id
    attached: list[Record] = [
        *repo.records(Offer, pid),
        *repo.records(Question, pid),
        *repo.records(TalkingPoint, pid),
        *repo.records(Decision, pid),
    ]
    if not args.yes:
        what = contents(loop, attached) or "nothing else"
        raise UsageError(
            f"this would delete {loop.process.title} (id {pid[:8]}) with {what}; "
            "add --yes to delete it"
        )
    apply(ctx, delete_loop(loop, ctx.today, attached))
    emit("'loopdeck undo' brings it back")
    return 0
