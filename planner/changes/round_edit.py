"""Edit a round's fields (Enter on a round in the app's timeline).

Its kind, date, time, format, interviewers and notes. What a new date means
follows the same rules as elsewhere: the application keeps its own rule
(`loop_edit.application_writes`) and cannot become another kind; a round that
took place cannot be dated after today; a round without a date is planned
(the recruiter schedules it) and one with a date is scheduled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.changes.base import Patch, Refused, pick, update, writes
from planner.changes.loop_edit import application_writes
from planner.models import Loop, RoundKind, RoundStatus, Settings
from planner.rounds import off_day_note

EDITABLE = ("kind", "date", "time", "format", "interviewers", "notes")


def interviewer_names(text: str) -> list[str]:
    """'Greta Holm, Samir Haddad' as the list a round keeps: how the round form and
    `loopdeck edit rN --interviewers` both read the names typed (empty ones dropped)."""
    return [name.strip() for name in text.split(",") if name.strip()]


def edit_round(
    loop: Loop,
    today: dt.date,
    round_id: str,
    values: dict[str, Any],
    settings: Settings | None = None,
) -> Patch:
    """Set the round's `values` (any of `EDITABLE`); only the fields that change are written."""
    unknown = sorted(set(values) - set(EDITABLE))
    if unknown:
        raise Refused(f"a round has no field {unknown[0]!r} to edit", unknown[0])
    target = pick(loop.rounds, round_id, "round")
    label = target.label.lower()
    wanted = {**{name: getattr(target, name) for name in EDITABLE}, **values}
    day, time = wanted["date"], wanted["time"]
    if time is not None and day is None:
        raise Refused("a time needs a date", "time")
    is_application = target.kind == RoundKind.APPLIED
    if (wanted["kind"] == RoundKind.APPLIED) != is_application:
        raise Refused("the application stays the application; add a round instead", "kind")
    if is_application:
        if day is None:
            raise Refused("the application needs a date", "date")
        if time is not None:
            raise Refused("the application has a date, not a time", "time")
        dated = application_writes(loop, today, day) if day != target.date else ()
        rest = {k: wanted[k] for k in ("format", "interviewers", "notes")}
        found = writes(dated, update(target, **rest))
        return _patch(loop, target.id, label, found, ())
    fields = dict(wanted)
    if target.status == RoundStatus.DONE:
        if day is None or day > today:
            raise Refused(f"the {label} took place; give the day it did, today or before", "date")
    elif target.status != RoundStatus.CANCELLED:
        fields["status"] = RoundStatus.PLANNED if day is None else RoundStatus.SCHEDULED
    found = update(target, **fields)
    note = off_day_note(day, settings, today) if settings and day != target.date else None
    return _patch(loop, target.id, label, found, (note,) if note else ())


def _patch(
    loop: Loop, round_id: str, label: str, found: tuple[Any, ...], notes: tuple[str, ...]
) -> Patch:
    title = loop.process.title
    changed = sorted({name for w in found for name in getattr(w, "fields", ())} - {"status"})
    if not found:
        summary = f"The {label} at {title} already reads so; nothing changed"
    else:
        summary = f"Updated the {label} at {title} ({', '.join(changed) or 'date'})"
    return Patch(f"edit {label} at {title}", found, summary, notes=notes, focus=round_id)
