"""Lines in a loop's log: notes, touches either way, promises (`log`, the app's `l`).

A touch with a person feeds the "last contact" on their card and restarts the
follow-up clock; a promise with a due date is my next step until it is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from planner.changes.base import Insert, Patch, Refused, Remove, build, pick, update
from planner.dates import day_words
from planner.models import Event, EventKind, Loop

EVENT_FIELDS = ("on", "kind", "text", "contact_id", "due", "done", "expect")
"""What an edit of a log line may change."""


def log_event(
    loop: Loop,
    today: dt.date,
    text: str,
    kind: EventKind | None = None,
    on: dt.date | None = None,
    contact_id: str | None = None,
    due: dt.date | None = None,
    expect: dt.date | None = None,
) -> Patch:
    """A new log line; with a due date and no kind it is a promise. `expect`: on a touch
    they sent, the day they said I would hear by."""
    kind = kind if kind is not None else (EventKind.PROMISE if due else EventKind.NOTE)
    fields = {"on": today if on is None else on, "kind": kind, "due": due}
    _check(loop, today, {**fields, "contact_id": contact_id})
    _check_expect(kind, today, expect)
    event = build(
        Event,
        process_id=loop.process.id,
        text=text,
        contact_id=contact_id,
        expect=expect,
        **fields,
    )
    title = loop.process.title
    return Patch(
        f"log {kind.value} at {title}",
        (Insert(event),),
        f"Logged {kind.value} at {title} on {day_words(event.on, today)}",
        focus=event.id,
    )


def promise(
    loop: Loop,
    today: dt.date,
    text: str,
    due: dt.date,
    contact_id: str | None = None,
) -> Patch:
    """Something I owe by `due` (a thank-you note, a reply): my next step until it is kept."""
    return log_event(loop, today, text, EventKind.PROMISE, today, contact_id, due)


def keep_promise(loop: Loop, today: dt.date, event_id: str) -> Patch:
    """Tick a promise off."""
    event = pick(loop.events, event_id, "log line")
    if event.kind != EventKind.PROMISE:
        raise Refused("only a promise can be kept", "done")
    if event.done:
        raise Refused(f"'{event.text}' is already done", "done")
    return Patch(
        f"kept a promise at {loop.process.title}",
        update(event, done=True),
        f"Done: {event.text}",
        focus=event.id,
    )


def edit_event(loop: Loop, today: dt.date, event_id: str, values: Mapping[str, Any]) -> Patch:
    """Change a log line: any of `EVENT_FIELDS`; others are not written."""
    unknown = set(values) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"not editable here: {', '.join(sorted(unknown))}")
    event = pick(loop.events, event_id, "log line")
    merged = {name: values.get(name, getattr(event, name)) for name in EVENT_FIELDS}
    _check(loop, today, merged)
    title = loop.process.title
    writes = update(event, **dict(values))
    summary = f"Edited a log line at {title}" if writes else f"{title}: nothing changed"
    return Patch(f"edit log at {title}", writes, summary, focus=event.id)


def delete_event(loop: Loop, today: dt.date, event_id: str) -> Patch:
    """Remove a log line (undo brings it back)."""
    event = pick(loop.events, event_id, "log line")
    title = loop.process.title
    return Patch(
        f"delete log at {title}",
        (Remove(event),),
        f"Deleted the log line '{event.text}' ({day_words(event.on, today)}) from {title}",
    )


def _check_expect(kind: EventKind, today: dt.date, expect: dt.date | None) -> None:
    """A new "they said by DATE" must come from them and lie ahead: a day already past
    would start the loop as a lapsed promise nobody made."""
    if expect is None:
        return
    if kind != EventKind.RECEIVED:
        raise Refused(
            f"only a received touch can say when they promised I would hear, not a {kind.value}",
            "expect",
        )
    if expect < today:
        raise Refused(
            f"the day they said I would hear by, {day_words(expect, today)}, is already past;"
            " give today or later",
            "expect",
        )


def _check(loop: Loop, today: dt.date, fields: Mapping[str, Any]) -> None:
    on, kind, due = fields["on"], EventKind(fields["kind"]), fields["due"]
    if on is not None and on > today:
        raise Refused(
            f"nothing can be logged on {day_words(on, today)}, after today; "
            "a promise has a due date",
            "on",
        )
    if kind == EventKind.PROMISE and due is None:
        raise Refused("a promise needs a due date (e.g. +2d or fri)", "due")
    if kind != EventKind.PROMISE and due is not None:
        raise Refused(f"only a promise has a due date, not a {kind.value}", "due")
    contact_id = fields.get("contact_id")
    if contact_id is not None and loop.contact_by_id(contact_id) is None:
        raise Refused(f"that person is not in {loop.process.title}", "contact_id")
