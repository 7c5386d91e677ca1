"""`loopdeck import FILE.csv [--dry-run] [--skip-bad] [--dates ORDER]`: a spreadsheet in, once.

Prints the preview: which column fills what and which are ignored (by name),
the new loops with their stage, the rows already known, warnings, the rows it
cannot read with their line numbers. With --dry-run that is all, and the exit
code says whether the import itself would go through. Otherwise the new loops
are written as one transaction; rows that cannot be read stop it unless
--skip-bad leaves them out; a date column whose order no cell settles stops
it until --dates names the order.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from planner.dates import day_words
from planner.models import Loop, RoundStatus
from storage.importer import ImportPlan, apply_import, plan_import, read_sheet
from storage.sheetdates import DateOrder
from storage.sheetrow import NewLoop
from storage.stagewords import stage_text
from tui.cli.context import CliError, Context
from tui.cli.output import count, emit, say
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import loops from a spreadsheet (CSV)",
        description="Import loops from a CSV file; rows already known are skipped.",
    )
    parser.add_argument("file", metavar="FILE.csv", help="the spreadsheet saved as CSV")
    parser.add_argument("--dry-run", action="store_true", help="preview only, write nothing")
    parser.add_argument(
        "--skip-bad", action="store_true", help="import the readable rows, leave out the others"
    )
    parser.add_argument(
        "--dates",
        choices=[order.value for order in DateOrder],
        help="how to read slashed dates like 3/4/24 when no cell of a column settles it",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    path = Path(args.file)
    text = read_sheet(path)
    repo = ctx.repo
    existing = repo.processes()
    order = DateOrder(args.dates) if args.dates else None
    plan = plan_import(text, existing, ctx.today, path.name, order)
    say(preview(plan, ctx.today), indent="        ")
    if plan.unclear:
        column = plan.unclear[0]
        raise CliError(
            f"column '{column.header}' has only dates that read either way (such as "
            f"'{column.example}'); say which with --dates month-first or --dates day-first; "
            "nothing was imported"
        )
    if plan.problems and not args.skip_bad:
        rows = count(len(plan.problems), "row")
        readable = count(len(plan.new), "readable row")
        if args.dry_run:
            emit(f"Dry run: nothing was written. With --skip-bad the {readable} would import.")
        raise CliError(
            f"{rows} of {path.name} cannot be read; nothing was imported "
            f"(fix them, or import the {readable} with --skip-bad)"
        )
    if args.dry_run:
        skipped = (
            f" ({count(len(plan.problems), 'unreadable row')} left out)" if plan.problems else ""
        )
        emit(f"Dry run: nothing was written.{skipped}")
        return 0
    added = apply_import(repo, plan, path.name, skip_bad=args.skip_bad)
    done = f"Imported {count(added, 'loop')}" if added else "Nothing new to import"
    if plan.problems:
        done += f"; left out {count(len(plan.problems), 'unreadable row')}"
    emit(done + ".")
    return 0


def preview(plan: ImportPlan, today: dt.date) -> str:
    used = ", ".join(f"{field} <- '{header}'" for field, header in plan.columns.items())
    lines = [f"Columns: {used}"]
    if plan.ignored:
        lines.append(f"Ignored columns: {', '.join(plan.ignored)}")
    for header, order in plan.orders.items():
        lines.append(f"Dates in '{header}' read {order.value.replace('-', ' ')}")
    for unclear in plan.unclear:
        lines.append(f"  ERROR   column '{unclear.header}': '{unclear.example}' reads either way")
    for new in plan.new:
        lines.append(f"  new     line {new.line}: {new.process.title} ({_stage(new, today)})")
    for line, title in plan.known:
        lines.append(f"  known   line {line}: {title} (already there, skipped)")
    for warning in plan.warnings:
        lines.append(f"  note    {warning}")
    for problem in plan.problems:
        lines.append(f"  ERROR   {problem}")
    lines.append(
        f"{count(len(plan.new), 'new loop')}, {count(len(plan.known), 'known loop')}, "
        f"{count(len(plan.problems), 'unreadable row')}"
    )
    return "\n".join(lines)


def _stage(new: NewLoop, today: dt.date) -> str:
    """The stage word, and the date of the round ahead when the row gave one."""
    loop = Loop(process=new.process, rounds=new.rounds, contacts=new.contacts)
    dated = [
        (r, r.date)
        for r in loop.timeline()
        if r.status == RoundStatus.SCHEDULED and r.date is not None
    ]
    if not dated:
        return stage_text(loop, today)
    ahead, day = dated[-1]
    when = day_words(day, today) + (f" {ahead.time:%H:%M}" if ahead.time else "")
    stage = stage_text(loop, today)
    if stage == ahead.label:
        return f"{stage} on {when}"
    return f"{stage}, next {ahead.label.lower()} on {when}"
