"""`loopdeck forget PROCESS ITEM [--force]`: delete one item by the handle `show` prints.

Rounds `r1…`, people `p1…`, log lines `l1…`, questions `q1…`, talking points
`t1…`. Each is a tombstone that `loopdeck undo` brings back. The rules are the
planner's (the application cannot be forgotten; the last recruiter the next
step nudges needs --force), the same as the app's `x`.
"""

from __future__ import annotations

import argparse

from planner.changes.base import Patch, Refused
from planner.changes.contacts import delete_contact
from planner.changes.log import delete_event
from planner.changes.prep import delete_point, delete_question
from planner.changes.rounds import delete_round
from planner.handles import handles
from planner.models import Contact, Event, Round
from planner.prep import Question, TalkingPoint
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "forget",
        help="delete one item of a loop by its handle (r2, p1, l3, q1, t2)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("item", metavar="ITEM", help="a handle from 'loopdeck show': r2, p1, ...")
    parser.add_argument(
        "--force", action="store_true", help="even the last recruiter the next step nudges"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    repo = ctx.repo
    pid = loop.process.id
    item = handles(loop, repo.records(Question, pid), repo.records(TalkingPoint, pid)).find(
        args.item
    )
    today = ctx.today
    patch: Patch
    if isinstance(item, Round):
        patch = delete_round(loop, today, item.id)
    elif isinstance(item, Contact):
        try:
            patch = delete_contact(loop, today, item.id, args.force, repo.settings())
        except Refused as error:
            if error.field != "force":
                raise
            raise Refused(f"{error} (--force)", error.field) from None
    elif isinstance(item, Event):
        patch = delete_event(loop, today, item.id)
    elif isinstance(item, Question):
        patch = delete_question(loop, today, item)
    elif isinstance(item, TalkingPoint):
        patch = delete_point(loop, today, item)
    else:
        raise TypeError(f"no rule to delete a {type(item).__name__}")
    apply(ctx, patch)
    emit("'loopdeck undo' brings it back")
    return 0
