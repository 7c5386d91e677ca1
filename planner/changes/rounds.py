"""Add, schedule, move, cancel and delete a loop's rounds (`stage`, `move`, `cancel`,
`forget`, the app's timeline keys).

A moved round keeps its record (people, notes, format); a cancelled one stays in
the timeline, marked, and stops counting for the next step; a deleted one is a
tombstone that undo brings back. The application is the one round that is
never moved here like an interview: its date follows `loop_edit`'s rule.
"""

from __future__ import annotations

import datetime as dt

from planner.changes.base import Insert, Patch, Refused, Remove, Write, pick, update
from planner.changes.loop_edit import application_writes
from planner.dates import day_words
from planner.models import Loop, Round, RoundKind, RoundStatus, Settings
from planner.quickadd import RoundDraft
from planner.rounds import off_day_note, placement_label

_OPEN = (RoundStatus.PLANNED, RoundStatus.SCHEDULED)


def add_round(
    loop: Loop, today: dt.date, draft: RoundDraft, settings: Settings | None = None
) -> Patch:
    """A round from a quick-add line; with a date it schedules a planned one of its kind."""
    title = loop.process.title
    placed = draft.place(loop, today)
    scheduled = any(r.id == placed.id for r in loop.rounds)
    when = f" on {day_words(placed.date, today)}" if placed.date else " (no date yet)"
    writes: tuple[Write, ...]
    if scheduled:
        summary = f"Scheduled the planned {placed.label}{when} at {title}"
        writes = update(pick(loop.rounds, placed.id, "round"), **_dated(placed))
    else:
        summary = f"Added {placed.label}{when} to {title}"
        writes = (Insert(placed),)
    return Patch(
        placement_label(loop, placed),
        writes,
        summary,
        notes=_notes(placed.date, settings, today),
        focus=placed.id,
    )


def move_round(
    loop: Loop,
    today: dt.date,
    round_id: str,
    date: dt.date,
    time: dt.time | None = None,
    settings: Settings | None = None,
) -> Patch:
    """Give a planned or scheduled round a new date (and time; None keeps the time it had).

    A round that took place is refused (`done` corrects its date), so is a date
    before today: a move is about what is ahead. The application moves by the
    application-date rule instead.
    """
    target = pick(loop.rounds, round_id, "round")
    title = loop.process.title
    label = target.label
    if target.kind == RoundKind.APPLIED:
        if time is not None:
            raise Refused("the application has a date, not a time", "time")
        writes = application_writes(loop, today, date)
        summary = f"The application to {title} is now dated {day_words(date, today)}"
        return Patch(f"date the application to {title}", writes, summary, focus=target.id)
    if target.status == RoundStatus.CANCELLED:
        raise Refused(f"the {label.lower()} at {title} was cancelled", "round")
    if target.status == RoundStatus.DONE:
        raise Refused(
            f"the {label.lower()} at {title} took place on {_day(target.date, today)}; "
            "'done --on DATE' corrects that date",
            "round",
        )
    if date < today:
        raise Refused(f"cannot move a round to {day_words(date, today)}, before today", "date")
    new_time = target.time if time is None else time
    writes = update(target, date=date, time=new_time, status=RoundStatus.SCHEDULED)
    at = f" at {new_time:%H:%M}" if new_time is not None else ""
    if not writes:
        on = day_words(date, today)
        summary = f"The {label.lower()} at {title} is already on {on}{at}; nothing changed"
    elif target.date is None:
        summary = f"Scheduled the {label.lower()} at {title} on {day_words(date, today)}{at}"
    else:
        summary = f"Moved the {label.lower()} at {title} to {day_words(date, today)}{at}"
    verb = "schedule" if target.date is None else "move"
    return Patch(
        f"{verb} {label} at {title}",
        writes,
        summary,
        notes=_notes(date, settings, today),
        focus=target.id,
    )


def cancel_round(loop: Loop, today: dt.date, round_id: str) -> Patch:
    """The round will not happen: kept in the timeline, marked, no longer counted."""
    target = pick(loop.rounds, round_id, "round")
    title, label = loop.process.title, target.label.lower()
    if target.kind == RoundKind.APPLIED:
        raise Refused("the application cannot be cancelled; close the loop instead", "round")
    if target.status == RoundStatus.CANCELLED:
        raise Refused(f"the {label} at {title} is already cancelled", "round")
    if target.status == RoundStatus.DONE:
        raise Refused(
            f"the {label} at {title} took place on {_day(target.date, today)}; "
            "it cannot be cancelled",
            "round",
        )
    writes = update(target, status=RoundStatus.CANCELLED)
    summary = f"Cancelled the {label} at {title}" + (
        f" ({day_words(target.date, today)})" if target.date else ""
    )
    return Patch(f"cancel {target.label} at {title}", writes, summary, focus=target.id)


def delete_round(loop: Loop, today: dt.date, round_id: str) -> Patch:
    """Remove a round entered by mistake (undo brings it back)."""
    target = pick(loop.rounds, round_id, "round")
    title = loop.process.title
    if target.kind == RoundKind.APPLIED:
        raise Refused("the application opens the loop; change its date instead", "round")
    when = f" ({day_words(target.date, today)})" if target.date else ""
    summary = f"Deleted the {target.label.lower()}{when} from {title}"
    return Patch(f"delete {target.label} at {title}", (Remove(target),), summary)


def _dated(placed: Round) -> dict[str, object]:
    fields = ("status", "date", "time", "interviewers", "format", "deadline")
    return {name: getattr(placed, name) for name in fields}


def _notes(day: dt.date | None, settings: Settings | None, today: dt.date) -> tuple[str, ...]:
    note = off_day_note(day, settings, today) if settings is not None else None
    return (note,) if note else ()


def _day(day: dt.date | None, today: dt.date) -> str:
    return day_words(day, today) if day is not None else "an unknown day"
