"""`loopdeck owner PROCESS WHO`: say by hand who owns the next step.

The rules guess from the loop's state; the user sometimes knows better (the
hiring manager said "I'll email you Friday"). An override wins until it is set
back to `auto`.
"""

from __future__ import annotations

import argparse

from planner.models import Owner, Process
from tui.cli.context import Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers

AUTO = "auto"


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "owner",
        help="override who owns the next step",
        description=__doc__,
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("who", metavar="WHO", choices=[*(o.value for o in Owner), AUTO])
    parser.add_argument("--note", default="", help="why (shown beside the override)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    process = ctx.repo.find_process(args.process)
    override = None if args.who == AUTO else Owner(args.who)
    updated = Process.model_validate(
        {
            **process.model_dump(),
            "owner_override": override,
            "override_note": args.note if override else "",
        }
    )
    with ctx.repo.transaction(f"owner of {process.title}: {args.who}") as tx:
        tx.put(updated)
    if override is None:
        emit(f"{process.title}: the owner follows the rules again")
    else:
        emit(f"{process.title}: next step owned by {override.label} (set by hand)")
    return 0
