"""Edit a loop's own fields and its application date (the app's edit form, `move r1`).

The application date is not a field of the process: it is the date of the
loop's APPLIED round, which the timeline and the rules read. Editing it here
keeps one place that says what a valid application date is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from planner.changes.base import Insert, Patch, Refused, Update, Write, update, updated, writes
from planner.dates import day_words
from planner.models import Loop, ProcessStatus, Round, RoundKind, RoundStatus

LOOP_FIELDS = ("company", "role", "level", "location", "source", "resume", "tags", "notes")
"""What the edit form changes on the process itself (besides status and the application date)."""


def edit_loop(loop: Loop, today: dt.date, values: Mapping[str, Any]) -> Patch:
    """Set the given fields: any of `LOOP_FIELDS`, `status` (active or on hold), `applied_on`.

    Fields left out, or equal to what the loop has, are not written.
    """
    unknown = set(values) - {*LOOP_FIELDS, "status", "applied_on"}
    if unknown:
        raise TypeError(f"not editable here: {', '.join(sorted(unknown))}")
    process = loop.process
    fields = {name: values[name] for name in LOOP_FIELDS if name in values}
    if "status" in values and values["status"] != process.status:
        status = ProcessStatus(values["status"])
        if ProcessStatus.CLOSED in (status, process.status):
            raise Refused("closing and reopening a loop have their own commands", "status")
        fields["status"] = status
    new, changed_fields = updated(process, **fields)
    found = (Update(new, changed_fields),) if changed_fields else ()
    applied: tuple[Write, ...] = ()
    if values.get("applied_on") is not None:
        applied = application_writes(loop, today, values["applied_on"])
    title = new.title
    changed = writes(found, applied)
    summary = f"Edited {title}" if changed else f"{title}: nothing changed"
    return Patch(f"edit {title}", changed, summary, focus=process.id)


def application_round(loop: Loop) -> Round | None:
    """The round that says when I applied (the first of its kind)."""
    return next((r for r in loop.timeline() if r.kind == RoundKind.APPLIED), None)


def check_application_date(loop: Loop, day: dt.date, today: dt.date) -> None:
    """An application is dated today or earlier, and before any round that took place."""
    if day > today:
        raise Refused(
            f"the application cannot be dated {day_words(day, today)}, after today", "applied_on"
        )
    held = [
        r
        for r in loop.timeline_by_date()
        if r.kind != RoundKind.APPLIED and r.status == RoundStatus.DONE and r.date is not None
    ]
    first_day = held[0].date if held else None
    if first_day is not None and day > first_day:
        raise Refused(
            f"the application cannot come after the {held[0].label.lower()} on "
            f"{day_words(first_day, today)}",
            "applied_on",
        )


def application_writes(loop: Loop, today: dt.date, day: dt.date) -> tuple[Write, ...]:
    """Date the application `day`: its round moved, or one added when the loop has none."""
    current = application_round(loop)
    if current is not None and current.date == day:
        return ()
    check_application_date(loop, day, today)
    if current is None:
        added = Round(
            process_id=loop.process.id,
            kind=RoundKind.APPLIED,
            status=RoundStatus.DONE,
            date=day,
            created_on=today,
        )
        return (Insert(added),)
    return update(current, date=day, status=RoundStatus.DONE)
