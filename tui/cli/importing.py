"""`loopdeck import FILE.csv [--dry-run]`: bring a spreadsheet in, once, all or nothing.

Prints the preview (which column fills what, the new loops, the rows already
known, the rows it cannot read with their line numbers). With --dry-run that
is all; otherwise the new loops are written as one transaction, and only if
every row could be read: a bad row means nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.models import Loop
from storage.importer import ImportPlan, apply_import, plan_import, read_sheet
from storage.stagewords import stage_text
from tui.cli.context import CliError, Context
from tui.cli.output import count, emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import loops from a spreadsheet (CSV)",
        description="Import loops from a CSV file; rows already known are skipped.",
    )
    parser.add_argument("file", metavar="FILE.csv", help="the spreadsheet saved as CSV")
    parser.add_argument("--dry-run", action="store_true", help="preview only, write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    path = Path(args.file)
    text = read_sheet(path)
    repo = ctx.repo
    existing = [loop.process for loop in repo.loops(include_closed=True)]
    plan = plan_import(text, existing, ctx.today, path.name)
    emit(preview(plan))
    if plan.problems:
        raise CliError(
            f"{count(len(plan.problems), 'row')} of {path.name} cannot be read; "
            "nothing was imported (fix them and run again)"
        )
    if args.dry_run:
        emit("Dry run: nothing was written.")
        return 0
    added = apply_import(repo, plan, path.name)
    emit(f"Imported {count(added, 'loop')}." if added else "Nothing new to import.")
    return 0


def preview(plan: ImportPlan) -> str:
    used = ", ".join(f"{field} <- '{header}'" for field, header in plan.columns.items())
    lines = [f"Columns: {used}"]
    if plan.ignored:
        lines.append(f"Ignored columns: {', '.join(plan.ignored)}")
    for new in plan.new:
        stage = stage_text(Loop(process=new.process, rounds=new.rounds, contacts=new.contacts))
        lines.append(f"  new     line {new.line}: {new.process.title} ({stage})")
    for line, title in plan.known:
        lines.append(f"  known   line {line}: {title} (already there, skipped)")
    for problem in plan.problems:
        lines.append(f"  ERROR   {problem}")
    lines.append(
        f"{count(len(plan.new), 'new loop')}, {count(len(plan.known), 'known loop')}, "
        f"{count(len(plan.problems), 'unreadable row')}"
    )
    return "\n".join(lines)
