"""`loopdeck move PROCESS [ROUND] DATE [--at HH:MM]`: an interview moved.

The round keeps its record (people, format, notes) and gets the new date: not
a second round beside the old one, as `stage` would add. ROUND is a kind
(`tech`) or a handle from `show` (`r2`); without it, the current round. The
rule is `planner.changes.rounds.move_round`, the same as the app's `m`.
"""

from __future__ import annotations

import argparse

from planner.changes.rounds import move_round
from planner.dates import parse_time
from planner.handles import find_round
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers, UsageError


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "move",
        help="give a round a new date (and time)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument(
        "words",
        metavar="[ROUND] DATE",
        nargs="+",
        help="an optional round (tech, r2), then the date (mon, +1w, 2026-03-20)",
    )
    parser.add_argument("--at", metavar="HH:MM", help="the new time (default: keep the old one)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if len(args.words) > 2:
        raise UsageError("move takes PROCESS [ROUND] DATE (see 'loopdeck move --help')")
    *round_word, date_text = args.words
    date = ctx.date(date_text)
    time = parse_time(args.at) if args.at is not None else None
    loop = ctx.loop(args.process)
    target = find_round(loop, ctx.today, round_word[0] if round_word else None)
    apply(ctx, move_round(loop, ctx.today, target.id, date, time, ctx.repo.settings()))
    return 0
