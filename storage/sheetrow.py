"""One spreadsheet row as the records of a new loop.

What a row says, and what it becomes:
  - the stage word (`storage.stagewords`): the round the loop is at, or how
    it ended; a word nobody knows keeps the loop at "applied" and becomes a
    note in its log, with a warning, never a refusal;
  - the application date: the application round's date; an empty cell leaves
    that date unknown. An application not sent yet ("In Progress (not sent
    yet)") is a planned application round and a promise of mine, "Send the
    application";
  - a next interview's date (and time, from the same cell or a time column)
    dates the round the loop is at, so its next step is mine, to prepare,
    instead of the recruiter's, to schedule. Words in that cell that name a
    round ("Onsite 12/15") say which round comes next, and that round is the
    one recorded (the stage's round has no date to sit at in the timeline).
    After a bare application the next round is the recruiter screen, the
    usual first step. For an offer the date is its deadline; for a take-home
    or assessment, its due date;
  - links (the posting, the application portal) are kept on the loop;
  - notes go to the loop's notes as written, commas and all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from planner.dates import day_words
from planner.models import (
    Contact,
    ContactRole,
    DecidedBy,
    Event,
    EventKind,
    Process,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
)
from planner.quickadd import split_person
from storage.sheetdates import (
    DateOrder,
    Moment,
    YearRule,
    is_empty,
    parse_sheet_date,
    read_moment,
    read_time,
)
from storage.stagewords import StageReading, read_stage

SEND_APPLICATION = "Send the application"


@dataclass(frozen=True)
class RowDates:
    """The order of each date column (None: the column has no slashed date to read)."""

    applied: DateOrder | None = None
    next_interview: DateOrder | None = None


@dataclass
class NewLoop:
    """A row that becomes a loop: the records to write, and what to tell the user."""

    line: int
    process: Process
    rounds: list[Round]
    contacts: list[Contact]
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def records(self) -> list[Process | Round | Contact | Event]:
        return [self.process, *self.rounds, *self.contacts, *self.events]


def build_loop(line: int, cells: dict[str, str], today: dt.date, dates: RowDates) -> NewLoop:
    """The records of one row; raises `SheetDateError` or pydantic's `ValidationError`."""
    reading = read_stage(cells.get("stage", ""))
    process = Process(
        company=cells["company"],
        role=cells["role"],
        level=cells.get("level", ""),
        location=cells.get("location", ""),
        source=cells.get("source", ""),
        resume=cells.get("resume", ""),
        tags=[t for t in re.split(r"[\s,;]+", cells.get("tags", "")) if t],
        notes=cells.get("notes", ""),
        links=cells.get("link", "").split(),
        created_on=today,
        **_ending(reading, today),
    )
    loop = NewLoop(line, process, [], _people(process.id, cells))
    applied_cell = cells.get("applied", "")
    applied_on = None
    if not is_empty(applied_cell):
        applied_on = parse_sheet_date(applied_cell, today, dates.applied, YearRule.NOT_AHEAD)
    _application(loop, reading, applied_on, today)
    moment = _next_interview(cells, today, dates)
    _rounds(loop, reading, moment, today)
    if not reading.known:
        word = cells["stage"]
        loop.events.append(_note(process.id, f"Status in the spreadsheet: {word}", today))
        loop.warnings.append(f"status '{word}' is not one loopdeck knows; kept as a note")
    if reading.note:
        loop.events.append(_note(process.id, reading.note, today))
    return loop


def _ending(reading: StageReading, today: dt.date) -> dict[str, Any]:
    if reading.status != ProcessStatus.CLOSED:
        return {"status": reading.status}
    return {
        "status": reading.status,
        "close_reason": reading.close_reason,
        "closed_by": reading.closed_by or DecidedBy.UNKNOWN,
        "closed_on": today,
    }


def _application(
    loop: NewLoop, reading: StageReading, applied_on: dt.date | None, today: dt.date
) -> None:
    """The application round; one not sent yet is planned, and sending it is my promise."""
    process_id = loop.process.id
    status = RoundStatus.DONE if reading.sent else RoundStatus.PLANNED
    loop.rounds.append(
        Round(
            process_id=process_id,
            kind=RoundKind.APPLIED,
            status=status,
            date=applied_on if reading.sent else None,
            created_on=today,
        )
    )
    if not reading.sent:
        promise = Event(
            process_id=process_id,
            on=today,
            kind=EventKind.PROMISE,
            text=SEND_APPLICATION,
        )
        loop.events.append(promise)


def _next_interview(cells: dict[str, str], today: dt.date, dates: RowDates) -> Moment | None:
    cell = cells.get("next_interview", "")
    if is_empty(cell):
        return None
    moment = read_moment(cell, today, dates.next_interview, YearRule.NEAREST)
    time_cell = cells.get("interview_time", "")
    if moment.time is None and not is_empty(time_cell):
        moment = Moment(moment.date, read_time(time_cell), moment.words)
    return moment


def _rounds(loop: NewLoop, reading: StageReading, moment: Moment | None, today: dt.date) -> None:
    """The round the stage names, dated by the next interview when the row has one."""
    process_id = loop.process.id
    stage_kind = reading.kind if reading.kind != RoundKind.APPLIED else None
    if moment is not None and loop.process.status == ProcessStatus.CLOSED:
        when = day_words(moment.date, today)
        loop.warnings.append(f"next interview {when} left out: the loop is closed")
        moment = None
    if moment is None:
        if stage_kind is not None:
            loop.rounds.append(Round(process_id=process_id, kind=stage_kind, created_on=today))
        return
    named = read_stage(moment.words) if moment.words else None
    named_kind = named.kind if named and named.known and named.kind != RoundKind.APPLIED else None
    next_kind = named_kind or stage_kind or RoundKind.SCREEN
    loop.rounds.append(_dated_round(process_id, next_kind, moment, named_kind, today))


def _dated_round(
    process_id: str, kind: RoundKind, moment: Moment, named: RoundKind | None, today: dt.date
) -> Round:
    notes = moment.words if named is None else ""
    if kind == RoundKind.OFFER:
        return Round(
            process_id=process_id, kind=kind, deadline=moment.date, notes=notes, created_on=today
        )
    return Round(
        process_id=process_id,
        kind=kind,
        status=RoundStatus.SCHEDULED,
        date=moment.date,
        time=None if kind == RoundKind.TAKEHOME else moment.time,
        notes=notes,
        created_on=today,
    )


def _people(process_id: str, cells: dict[str, str]) -> list[Contact]:
    """The recruiter and hiring manager a row names: "Name <email>", or name and email columns."""
    found = []
    for key, role in (
        ("recruiter", ContactRole.RECRUITER),
        ("manager", ContactRole.HIRING_MANAGER),
    ):
        name, email_in_name = split_person(cells.get(key, ""))
        email = cells.get(f"{key}_email", "").strip() or email_in_name
        if name or email:
            found.append(Contact(process_id=process_id, name=name or email, role=role, email=email))
    return found


def _note(process_id: str, text: str, today: dt.date) -> Event:
    return Event(process_id=process_id, on=today, kind=EventKind.NOTE, text=text)
