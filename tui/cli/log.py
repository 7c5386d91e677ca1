"""`loopdeck log PROCESS TEXT`: a line in the loop's log (a note, a touch, a promise).

Touches with a person (`--with`) feed the "last contact" on their card, and a
promise with a due date becomes my next step until it is done (`did` ticks it
off). `--expect` on a received touch records "they said I would hear by DATE".
"""

from __future__ import annotations

import argparse

from planner.changes.log import log_event
from planner.models import Contact, EventKind, Loop
from tui.cli.applying import apply
from tui.cli.context import CliError, Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "log",
        help="log a note, a touch or a promise",
        description="Add a dated line to a loop's log.",
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("text", metavar="TEXT", help="what happened or what I promised")
    parser.add_argument("--with", dest="with_", metavar="NAME", help="the contact involved")
    parser.add_argument(
        "--kind",
        choices=[k.value for k in EventKind],
        help="note, sent (I reached out), received (they did), promise (default: note, "
        "or promise when --due is given)",
    )
    parser.add_argument("--due", metavar="DATE", help="when a promise is due")
    parser.add_argument("--on", metavar="DATE", help="when it happened (default: today)")
    parser.add_argument(
        "--expect",
        metavar="DATE",
        help="on a received touch: the day they said I would hear by (the step turns "
        "missed the working day after, with nothing heard)",
    )
    parser.set_defaults(run=run)


def find_contact(loop: Loop, name: str) -> Contact:
    """The loop's one contact whose name contains `name` (case-insensitive)."""
    wanted = name.strip().casefold()
    if not wanted:
        raise CliError("--with needs a name")
    matches = [c for c in loop.contacts if wanted in c.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(c.name for c in (matches or loop.contacts)) or "none yet"
    problem = "matches several contacts" if matches else "matches no contact"
    raise CliError(f"'{name}' {problem} in {loop.process.title} (contacts: {known})")


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    contact = find_contact(loop, args.with_) if args.with_ is not None else None
    due = ctx.date(args.due) if args.due is not None else None
    kind = EventKind(args.kind) if args.kind else None
    on = ctx.date(args.on) if args.on is not None else None
    expect = ctx.date(args.expect) if args.expect is not None else None
    patch = log_event(
        loop, ctx.today, args.text, kind, on, contact.id if contact else None, due, expect
    )
    apply(ctx, patch)
    return 0
