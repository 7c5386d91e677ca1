"""`loopdeck forget PROCESS ITEM [--force]`: delete one item by the handle `show` prints.

Rounds `r1…`, people `p1…`, log lines `l1…`, questions `q1…`, talking points
`t1…`, and by name the loop's `offer` (its latest) or its `decision` (how they
decide). Each is a tombstone that `loopdeck undo` brings back. The rules are the
planner's (the application cannot be forgotten; the last recruiter the next
step nudges needs --force), the same as the app's `x`.
"""

from __future__ import annotations

import argparse

from planner.changes.base import Patch, Refused
from planner.changes.contacts import delete_contact
from planner.changes.log import delete_event
from planner.changes.offers import delete_offer
from planner.changes.prep import delete_decision, delete_point, delete_question
from planner.changes.rounds import delete_round
from planner.handles import handles
from planner.models import Contact, Event, Loop, Round
from planner.offers import Offer
from planner.prep import Decision, Question, TalkingPoint
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "forget",
        help="delete one item of a loop by its handle (r2, p1, l3, q1, t2), its offer or decision",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument(
        "item",
        metavar="ITEM",
        help="a handle from 'loopdeck show' (r2, p1, ...), 'offer' or 'decision'",
    )
    parser.add_argument(
        "--force", action="store_true", help="even the last recruiter the next step nudges"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    repo = ctx.repo
    pid = loop.process.id
    named = args.item.strip().casefold()
    if named in ("offer", "decision"):
        apply(ctx, _offer(ctx, loop) if named == "offer" else _decision(ctx, loop))
        emit("'loopdeck undo' brings it back")
        return 0
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


def _offer(ctx: Context, loop: Loop) -> Patch:
    """The loop's latest offer goes (and the open offer round only it kept)."""
    offers = ctx.repo.records(Offer)
    mine = sorted(
        (o for o in offers if o.process_id == loop.process.id), key=lambda o: o.received_on
    )
    if not mine:
        raise Refused(f"{loop.process.title} has no offer to forget", "item")
    return delete_offer(loop, ctx.today, mine[-1], offers)


def _decision(ctx: Context, loop: Loop) -> Patch:
    decisions = ctx.repo.records(Decision, loop.process.id)
    if not decisions:
        raise Refused(f"{loop.process.title} has no decision process to forget", "item")
    return delete_decision(loop, ctx.today, decisions[0])
