"""Import loops from a spreadsheet's CSV: preview first, never twice, nothing half done.

`plan_import` reads the whole file and says what would happen without
writing: which column fills what and which are ignored, the new loops, the
rows skipped as already known, warnings (a status word kept as a note), the
rows it cannot read with their line numbers, and the date columns whose
order (month or day first) no cell settles. `apply_import` writes the new
loops in one transaction. A row that cannot be read stops the import unless
the user asks to leave such rows out (`skip_bad`); a date column without an
order always stops it, since every row's date would be a guess.

Dates are read a column at a time (`storage.sheetdates`): the order of a
column comes from its unambiguous cells, or from the user (`order`).
Rows become records in `storage.sheetrow`.

A loop is known when a loop with the same company and role exists
(case-insensitive, spaces collapsed), closed loops included: importing the
same spreadsheet twice adds nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic_core import ValidationError

from planner.models import Process
from planner.validation import describe
from storage.errors import StorageError
from storage.exporters.csv_export import FORMULA_STARTS
from storage.repository import Repository
from storage.sheetdates import DateOrder, SheetDateError, infer_order
from storage.sheetheaders import REQUIRED, ColumnMap, map_headers
from storage.sheetrow import NewLoop, RowDates, build_loop

DATE_FIELDS = ("applied", "next_interview")


class ImportFileError(StorageError):
    """The file as a whole cannot be imported (not text, no header, no company column)."""


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class UnclearDates:
    """A date column whose cells all read either way: the user must say which order."""

    header: str
    example: str


@dataclass
class ImportPlan:
    """What importing the file would do; nothing is written until `apply_import`."""

    columns: dict[str, str]
    ignored: list[str]
    new: list[NewLoop] = field(default_factory=list)
    known: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unclear: list[UnclearDates] = field(default_factory=list)
    orders: dict[str, DateOrder] = field(default_factory=dict)


MAX_SHEET_BYTES = 10_000_000
"""A spreadsheet of loops is a few hundred kB; more than this is not one (`import /dev/zero`)."""


def read_sheet(path: Path) -> str:
    """The file's text, read no further than `MAX_SHEET_BYTES`; raises `ImportFileError`."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SHEET_BYTES + 1)
    except OSError as error:
        raise ImportFileError(f"cannot read {path.name} ({error.strerror})") from None
    if len(data) > MAX_SHEET_BYTES:
        raise ImportFileError(
            f"{path.name} is larger than {MAX_SHEET_BYTES // 1_000_000} MB; "
            "is it a spreadsheet saved as CSV?"
        )
    return decode(data, path.name)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without Excel's BOM), else Windows-1252 as older Excel saves it."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(f"{name} is not a text file; save it as CSV (UTF-8)")


def plan_import(
    text: str,
    existing: Iterable[Process],
    today: dt.date,
    name: str,
    order: DateOrder | None = None,
) -> ImportPlan:
    """Read every row; the plan lists new loops, known ones, warnings and unreadable rows.

    `order` is the user's word on slashed dates; without it each date column's
    order is inferred from its own cells.
    """
    header, raw_rows, broken = _read_csv(text, name)
    columns = _usable(map_headers(header))
    missing = [f for f in REQUIRED if f not in columns.columns]
    if missing:
        found = ", ".join(h.strip() for h in header if h.strip()) or "none"
        raise ImportFileError(f"{name} has no '{missing[0]}' column (headers found: {found})")
    plan = ImportPlan(
        columns={f: header for f, (header, _) in columns.columns.items()},
        ignored=columns.ignored,
    )
    rows = []
    for line, row in raw_rows:
        cells = {f: _clean(row[i]) if i < len(row) else "" for f, (_, i) in columns.columns.items()}
        _overflow(row, len(header), columns, cells, line, plan)
        rows.append((line, cells))
    if broken is not None:
        plan.problems.append(broken)
    dates = _date_orders(rows, columns, order, plan)
    seen = {_key(p.company, p.role) for p in existing}
    for line, cells in rows:
        _plan_row(plan, line, cells, seen, today, dates)
    return plan


def apply_import(repo: Repository, plan: ImportPlan, name: str, skip_bad: bool = False) -> int:
    """Write the plan's new loops as one transaction (one undo step); how many."""
    if plan.unclear:
        raise ImportFileError(f"{name} has a date column read either way; nothing was imported")
    if plan.problems and not skip_bad:
        raise ImportFileError(f"{name} has rows that cannot be read; nothing was imported")
    if plan.new:
        with repo.transaction(f"import {len(plan.new)} loops from {name}") as tx:
            for loop in plan.new:
                for record in loop.records():
                    tx.put(record)
    return len(plan.new)


def _usable(columns: ColumnMap) -> ColumnMap:
    """A time column means nothing without a next-interview column: list it as ignored."""
    if "interview_time" in columns.columns and "next_interview" not in columns.columns:
        kept = {f: c for f, c in columns.columns.items() if f != "interview_time"}
        return ColumnMap(kept, [*columns.ignored, columns.header("interview_time")])
    return columns


def _read_csv(
    text: str, name: str
) -> tuple[list[str], list[tuple[int, list[str]]], Problem | None]:
    """The header, the non-blank rows with the line each starts on, and where reading broke."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(f"{name} is empty") from None
    except csv.Error as error:
        raise ImportFileError(f"{name} line 1: {error}") from None
    rows: list[tuple[int, list[str]]] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return header, rows, None
        except csv.Error as error:
            return header, rows, Problem(start, str(error))
        line = reader.line_num
        if any(cell.strip() for cell in row):
            rows.append((start, row))


def _overflow(
    row: list[str],
    width: int,
    columns: ColumnMap,
    cells: dict[str, str],
    line: int,
    plan: ImportPlan,
) -> None:
    """More cells than headers: a note with unquoted commas when notes is the last column."""
    extra = [cell.strip() for cell in row[width:] if cell.strip()]
    if not extra:
        return
    notes = columns.columns.get("notes")
    if notes is not None and notes[1] == width - 1:
        cells["notes"] = ", ".join([cells["notes"], *extra])
        return
    plan.warnings.append(Problem(line, f"{len(extra)} cells past the last column left out"))


def _date_orders(
    rows: list[tuple[int, dict[str, str]]],
    columns: ColumnMap,
    order: DateOrder | None,
    plan: ImportPlan,
) -> RowDates:
    """Each date column's order: the user's, else what its unambiguous cells show."""
    found: dict[str, DateOrder | None] = {}
    for field_name in DATE_FIELDS:
        if field_name not in columns.columns:
            continue
        reading = infer_order(cells[field_name] for _, cells in rows)
        found[field_name] = order or reading.order
        if found[field_name] is None and reading.needed:
            plan.unclear.append(UnclearDates(columns.header(field_name), reading.example))
        elif reading.needed and (chosen := found[field_name]) is not None:
            plan.orders[columns.header(field_name)] = chosen
    return RowDates(applied=found.get("applied"), next_interview=found.get("next_interview"))


def _plan_row(
    plan: ImportPlan,
    line: int,
    cells: dict[str, str],
    seen: set[tuple[str, str]],
    today: dt.date,
    dates: RowDates,
) -> None:
    company, role = cells["company"], cells["role"]
    if not company or not role:
        plan.problems.append(Problem(line, f"no {'company' if not company else 'role'}"))
        return
    key = _key(company, role)
    if key in seen:
        plan.known.append((line, f"{company} / {role}"))
        return
    try:
        loop = build_loop(line, cells, today, dates)
    except SheetDateError as error:
        plan.problems.append(Problem(line, str(error)))
        return
    except ValidationError as error:
        plan.problems.append(Problem(line, describe(error)))
        return
    plan.new.append(loop)
    plan.warnings += [Problem(line, warning) for warning in loop.warnings]
    seen.add(key)


def _delimiter(text: str) -> str:
    """Comma, semicolon (European Excel) or tab: whichever the header line uses most."""
    first_line = text.split("\n", 1)[0]
    return max(",;\t", key=first_line.count)


def _clean(cell: str) -> str:
    """Trim, and undo the apostrophe that keeps a spreadsheet from reading text as a formula."""
    cell = cell.strip()
    if cell.startswith("'") and cell[1:2] in FORMULA_STARTS and cell[1:2]:
        return cell[1:]
    return cell


def _key(company: str, role: str) -> tuple[str, str]:
    return (" ".join(company.casefold().split()), " ".join(role.casefold().split()))
