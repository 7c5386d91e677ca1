"""`loopdeck edit PROCESS [--company C] ... [--applied DATE]`: change a loop's own fields.

The same change as the app's edit form (`planner.changes.loop_edit.edit_loop`):
only the options given are written, so a change made meanwhile elsewhere to
another field stays. `--applied` dates the application.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.changes.loop_edit import edit_loop
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers

TEXT_OPTIONS = ("company", "role", "level", "location", "source", "resume", "notes")


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="change a loop's company, role, level, ... or application date",
        description="Change a loop's own fields; only the options given change.",
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    for name in TEXT_OPTIONS:
        parser.add_argument(f"--{name}", metavar="TEXT")
    parser.add_argument("--tags", metavar="'A B'", help="the tags, separated by spaces")
    parser.add_argument("--applied", metavar="DATE", help="when I applied")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    values: dict[str, Any] = {
        name: getattr(args, name) for name in TEXT_OPTIONS if getattr(args, name) is not None
    }
    if args.tags is not None:
        values["tags"] = args.tags.split()
    if args.applied is not None:
        values["applied_on"] = ctx.date(args.applied)
    loop = ctx.loop(args.process)
    apply(ctx, edit_loop(loop, ctx.today, values))
    return 0
