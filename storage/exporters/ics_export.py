"""Scheduled rounds and offer deadlines as an iCalendar file.

UIDs are derived from record ids (`<round id>@loopdeck`, `deadline-<loop
id>@loopdeck`), never generated per export: a calendar that imports the
file again updates the events it already has instead of duplicating them.
Times are floating (local wall-clock), as the user typed them; a round
without a time is an all-day event. Rounds of closed loops and cancelled
rounds are left out: they will not happen.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import icalendar

from planner.models import ContactRole, Loop, ProcessStatus, Round, RoundStatus
from storage.exporters.snapshot import Snapshot

PRODID = "-//loopdeck//interview loops//EN"
UID_DOMAIN = "loopdeck"
ROUND_LENGTH = dt.timedelta(hours=1)


def to_ics(snapshot: Snapshot) -> bytes:
    """The calendar; DTSTAMP is midnight UTC of `snapshot.today`, so output is reproducible."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    stamp = dt.datetime.combine(snapshot.today, dt.time(0), tzinfo=dt.UTC)
    titles = {loop.process.id: loop.process.title for loop in snapshot.loops}
    for loop in snapshot.loops:
        if loop.process.status == ProcessStatus.CLOSED:
            continue
        for r in loop.timeline_by_date():
            if r.date is not None and r.status != RoundStatus.CANCELLED:
                calendar.add_component(_round_event(loop, r, stamp))
    for deadline in snapshot.deadlines:
        if deadline.process_id in titles:
            event = icalendar.Event()
            event.add("uid", f"deadline-{deadline.process_id}@{UID_DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("summary", f"Offer deadline: {titles[deadline.process_id]}")
            event.add("dtstart", deadline.deadline)
            event.add("dtend", _end(deadline.deadline, dt.timedelta(days=1)))
            calendar.add_component(event)
    return bytes(calendar.to_ical())


def round_uid(r: Round) -> str:
    return f"{r.id}@{UID_DOMAIN}"


def _round_event(loop: Loop, r: Round, stamp: dt.datetime) -> icalendar.Event:
    assert r.date is not None
    event = icalendar.Event()
    event.add("uid", round_uid(r))
    event.add("dtstamp", stamp)
    event.add("summary", f"{r.label}: {loop.process.title}")
    if r.time is None:
        event.add("dtstart", r.date)
        event.add("dtend", _end(r.date, dt.timedelta(days=1)))
    else:
        start = dt.datetime.combine(r.date, r.time)
        event.add("dtstart", start)
        event.add("dtend", _end(start, ROUND_LENGTH))
    description = _description(loop, r)
    if description:
        event.add("description", description)
    return event


When = TypeVar("When", dt.date, dt.datetime)


def _end(start: When, length: dt.timedelta) -> When:
    """When an event ends; on the calendar's last day it ends where it starts."""
    try:
        return start + length
    except OverflowError:
        return start


def _description(loop: Loop, r: Round) -> str:
    lines = []
    if r.format:
        lines.append(f"Format: {r.format}")
    if r.interviewers:
        lines.append(f"With: {', '.join(r.interviewers)}")
    recruiter = loop.contact(ContactRole.RECRUITER)
    if recruiter is not None:
        reach = f" <{recruiter.email}>" if recruiter.email else ""
        lines.append(f"Recruiter: {recruiter.name}{reach}")
    if r.notes:
        lines.append(r.notes)
    return "\n".join(lines)
