"""`loopdeck add LINE [--again]`: a new loop from one quick-add line.

The same grammar as the app's quick-add box, so a line learned in one works in
the other: `Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" next:screen on:fri`.
A second open loop with the same company and role is refused (naming the one
there is) unless `--again` says it is on purpose.
"""

from __future__ import annotations

import argparse

from planner.changes.base import Refused
from planner.changes.loops import add_loop
from planner.quickadd import parse_loop
from tui.cli.applying import apply, print_notes
from tui.cli.context import Context
from tui.cli.output import owner_text, say
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "add",
        help="add a loop from a quick-add line",
        description=(
            "Add a loop: 'Company / Role [key:value ...] [#tag ...]'. Keys: rec, hm, next, on, "
            "at, applied, via, resume, level, loc, with, due. Quote values with spaces. "
            "applied:DATE dates the application (default today)."
        ),
    )
    parser.add_argument("line", metavar="LINE", help="e.g. 'Acme / ML Engineer next:screen on:fri'")
    parser.add_argument(
        "--again", action="store_true", help="add it even if an open loop has that company and role"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    repo = ctx.repo
    draft = parse_loop(args.line, ctx.today)
    existing = repo.processes()
    try:
        patch = add_loop(draft, ctx.today, existing, args.again, repo.settings())
    except Refused as error:
        if error.field == "again":
            raise Refused(f"{error} (--again)", error.field) from None
        raise
    apply(ctx, patch, notes=False)
    step = ctx.state(patch.focus or "")
    if step is not None:
        say(f"Next: {step.what} ({owner_text(step)})")
    print_notes(patch)
    return 0
