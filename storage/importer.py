"""Import loops from a spreadsheet's CSV: preview first, never twice, all or nothing.

Headers are matched loosely (case, spaces and punctuation ignored) against
the names people use: company/employer, role/title/position, recruiter,
hiring manager, stage/status, applied/date, and a few more. `plan_import`
reads the whole file and says what would happen (new loops, rows skipped as
already known, rows it cannot read with their line numbers) without writing;
`apply_import` writes the new loops in one transaction, and only when no row
had a problem, so a bad row never leaves half a spreadsheet behind.

A loop is known when a loop with the same company and role exists
(case-insensitive, spaces collapsed), closed loops included: importing the
same spreadsheet twice adds nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from planner.models import Contact, DecidedBy, Process, ProcessStatus, Round, RoundKind
from planner.quickadd import ContactDraft, LoopDraft, RoundDraft, split_person
from planner.validation import describe
from storage.errors import StorageError
from storage.exporters.csv_export import FORMULA_STARTS
from storage.repository import Repository
from storage.sheetdates import SheetDateError, parse_sheet_date
from storage.stagewords import KNOWN_WORDS, StageReading, read_stage

# Field -> header names that fill it, best first (normalised: lower case, single spaces).
HEADERS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation", "org"),
    "role": ("role", "title", "job title", "position", "job", "role title", "job role"),
    "level": ("level", "seniority"),
    "location": ("location", "city", "office"),
    "source": ("source", "channel", "via", "referral"),
    "stage": ("stage", "current stage", "status", "state", "pipeline stage"),
    "recruiter": ("recruiter", "recruiter name", "recruiter contact"),
    "recruiter_email": ("recruiter email", "recruiter e mail"),
    "manager": ("hiring manager", "hiring manager name", "hm", "manager"),
    "manager_email": ("hiring manager email", "hm email", "manager email"),
    "applied": (
        "applied",
        "applied on",
        "date applied",
        "application date",
        "applied date",
        "date",
    ),
    "tags": ("tags", "labels"),
    "notes": ("notes", "note", "comments", "comment"),
}
REQUIRED = ("company", "role")


class ImportFileError(StorageError):
    """The file as a whole cannot be imported (not text, no header, no company column)."""


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class NewLoop:
    """A row that becomes a loop: the records to write."""

    line: int
    process: Process
    rounds: list[Round]
    contacts: list[Contact]


@dataclass
class ImportPlan:
    """What importing the file would do; nothing is written until `apply_import`."""

    columns: dict[str, str]
    ignored: list[str]
    new: list[NewLoop] = field(default_factory=list)
    known: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


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


def plan_import(text: str, existing: Iterable[Process], today: dt.date, name: str) -> ImportPlan:
    """Read every row; the plan lists new loops, known ones and unreadable rows."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(f"{name} is empty") from None
    except csv.Error as error:
        raise ImportFileError(f"{name} line 1: {error}") from None
    columns, ignored = _map_headers(header)
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        found = ", ".join(h for h in header if h.strip()) or "none"
        raise ImportFileError(f"{name} has no '{missing[0]}' column (headers found: {found})")
    index = {f: [_normal(h) for h in header].index(_normal(columns[f])) for f in columns}
    plan = ImportPlan(columns=columns, ignored=ignored)
    seen = {_key(p.company, p.role) for p in existing}
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            plan.problems.append(Problem(start, str(error)))
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {f: _clean(row[i]) if i < len(row) else "" for f, i in index.items()}
        _plan_row(plan, start, cells, seen, today)
    return plan


def apply_import(repo: Repository, plan: ImportPlan, name: str) -> int:
    """Write the plan's new loops as one transaction (one undo step); how many."""
    if plan.problems:
        raise ImportFileError(f"{name} has rows that cannot be read; nothing was imported")
    if plan.new:
        with repo.transaction(f"import {len(plan.new)} loops from {name}") as tx:
            for loop in plan.new:
                for record in (loop.process, *loop.rounds, *loop.contacts):
                    tx.put(record)
    return len(plan.new)


def _plan_row(
    plan: ImportPlan, line: int, cells: dict[str, str], seen: set[tuple[str, str]], today: dt.date
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
        plan.new.append(_build(line, cells, today))
    except (SheetDateError, _StageError) as error:
        plan.problems.append(Problem(line, str(error)))
        return
    except ValidationError as error:
        plan.problems.append(Problem(line, describe(error)))
        return
    seen.add(key)


class _StageError(ValueError):
    pass


def _build(line: int, cells: dict[str, str], today: dt.date) -> NewLoop:
    reading = read_stage(cells.get("stage", ""))
    if reading is None:
        raise _StageError(f"stage '{cells['stage']}' is not known (use {KNOWN_WORDS})")
    applied = cells.get("applied", "")
    draft = LoopDraft(
        company=cells["company"],
        role=cells["role"],
        applied_on=parse_sheet_date(applied) if applied else today,
        level=cells.get("level", ""),
        location=cells.get("location", ""),
        source=cells.get("source", ""),
        tags=tuple(t for t in re.split(r"[\s,;]+", cells.get("tags", "")) if t),
        next_round=None if reading.kind == RoundKind.APPLIED else RoundDraft(reading.kind),
        recruiter=_person(cells, "recruiter"),
        hiring_manager=_person(cells, "manager"),
    )
    process, rounds, contacts = draft.build(today)
    process = Process.model_validate(
        {**process.model_dump(), "notes": cells.get("notes", ""), **_state(reading, today)}
    )
    return NewLoop(line, process, rounds, contacts)


def _state(reading: StageReading, today: dt.date) -> dict[str, object]:
    if reading.status != ProcessStatus.CLOSED:
        return {"status": reading.status}
    return {
        "status": reading.status,
        "close_reason": reading.close_reason,
        "closed_by": DecidedBy.UNKNOWN,
        "closed_on": today,
    }


def _person(cells: dict[str, str], role: str) -> ContactDraft | None:
    """The person a row names: "Name <email>" in one cell, or name and email columns."""
    name, email_in_name = split_person(cells.get(role, ""))
    email = cells.get(f"{role}_email", "").strip() or email_in_name
    if not name and not email:
        return None
    return ContactDraft(name=name or email, email=email)


def _map_headers(header: list[str]) -> tuple[dict[str, str], list[str]]:
    """Field -> the header that fills it; headers no field uses (shown in the preview)."""
    normal = {_normal(h): h for h in reversed(header) if h.strip()}
    columns: dict[str, str] = {}
    for field_name, names in HEADERS.items():
        for name in names:
            if name in normal and normal[name] not in columns.values():
                columns[field_name] = normal[name]
                break
    ignored = [h for h in header if h.strip() and h not in columns.values()]
    return columns, ignored


def _delimiter(text: str) -> str:
    """Comma, semicolon (European Excel) or tab: whichever the header line uses most."""
    first_line = text.split("\n", 1)[0]
    return max(",;\t", key=first_line.count)


def _normal(header: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", header.casefold()).split())


def _clean(cell: str) -> str:
    """Trim, and undo the apostrophe that keeps a spreadsheet from reading text as a formula."""
    cell = cell.strip()
    if cell.startswith("'") and cell[1:2] in FORMULA_STARTS and cell[1:2]:
        return cell[1:]
    return cell


def _key(company: str, role: str) -> tuple[str, str]:
    return (" ".join(company.casefold().split()), " ".join(role.casefold().split()))
