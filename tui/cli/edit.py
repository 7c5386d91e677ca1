"""`loopdeck edit PROCESS [ITEM] [--company C] ... [--applied DATE]`: change a loop or an item.

Without ITEM, the same change as the app's edit form
(`planner.changes.loop_edit.edit_loop`): only the options given are written,
so a change made meanwhile elsewhere to another field stays. `--applied`
dates the application. With ITEM (a handle from `show`), one round, log line,
question or talking point (`tui/cli/edit_item.py`).
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.changes.base import Refused
from planner.changes.loop_edit import edit_loop
from tui.cli import edit_item
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers

TEXT_OPTIONS = ("company", "role", "level", "location", "source", "resume", "notes")


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="change a loop's fields, or one of its items by handle (r1, l2, q1, t1)",
        description="Change a loop's own fields, or with ITEM one round, log line, question "
        "or talking point; only the options given change.",
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument(
        "item", metavar="ITEM", nargs="?", help="a handle from 'loopdeck show': r2, l1, q1, t1"
    )
    for name in TEXT_OPTIONS:
        parser.add_argument(f"--{name}", metavar="TEXT")
    parser.add_argument("--tags", metavar="'A B'", help="the tags, separated by spaces")
    parser.add_argument("--applied", metavar="DATE", help="when I applied")
    edit_item.add_options(parser)
    parser.set_defaults(run=run)


LOOP_ONLY = (*(name for name in TEXT_OPTIONS if name != "notes"), "tags", "applied")
"""The loop's own options; `--notes` also serves a round."""


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.item is not None:
        loop_only = [name for name in LOOP_ONLY if getattr(args, name) is not None]
        if loop_only:
            raise Refused(
                f"--{loop_only[0]} changes the loop itself; leave out {args.item}", loop_only[0]
            )
        apply(ctx, edit_item.run(args, ctx))
        return 0
    item_only = [name for name in edit_item.given(args) if name != "notes"]
    if item_only:
        flag = "--with" if item_only[0] == "with_" else f"--{item_only[0]}"
        raise Refused(f"{flag} changes an item; name it (r1, l2, q1, t1 from 'loopdeck show')")
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
