"""`loopdeck told PROCESS --about OFFER-LOOP`: I told this loop's recruiter about a deadline.

Logs a SENT touch to the loop's recruiter that names the loop with the offer
(`Event.about_process_id`), which is what clears the pacing step: the event
is `planner.changes.told.tell`, the same change the app's `T` makes. Without
--about, the one open deadline of another loop is meant; with several, the
command asks which.
"""

from __future__ import annotations

import argparse

from planner.changes.told import tell
from planner.offers import Offer
from planner.pacing import Deadline, open_deadlines
from tui.cli.applying import apply
from tui.cli.context import CliError, Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "told",
        help="log that a recruiter heard about another loop's offer deadline",
        description="Log that I told this loop's recruiter about an offer deadline elsewhere.",
    )
    parser.add_argument("process", metavar="PROCESS", help="the loop whose recruiter I told")
    parser.add_argument("--about", metavar="PROCESS", help="the loop with the offer deadline")
    parser.add_argument("--on", metavar="DATE", help="when (default: today)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    repo = ctx.repo
    deadlines = [
        d
        for d in open_deadlines(repo.loops(), repo.records(Offer), ctx.today)
        if d.process_id != loop.process.id
    ]
    deadline = _pick(deadlines, args.about, ctx)
    apply(ctx, tell(loop, ctx.today, deadline, ctx.date(args.on)))
    return 0


def _pick(deadlines: list[Deadline], about: str | None, ctx: Context) -> Deadline:
    if about is None:
        if len(deadlines) == 1:
            return deadlines[0]
        if not deadlines:
            raise CliError("no other loop has an open offer deadline")
        names = ", ".join(d.company for d in deadlines)
        raise CliError(f"several loops have a deadline ({names}); say which with --about")
    wanted = ctx.repo.find_process(about).id
    for deadline in deadlines:
        if deadline.process_id == wanted:
            return deadline
    raise CliError(f"'{about}' has no open offer deadline")
