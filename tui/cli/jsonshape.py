"""The documented `--json` shapes (see README, "Command line").

Scripts depend on these keys, so the `next` and `list` shapes are spelled out
here by hand rather than dumped from the models: a renamed model field must not
silently break a user's `jq` filter. `show` is the exception on purpose: it
gives whole records, as the data file keeps them plus their id and the handle
`show` prints beside them (`"handle": "r2"`). Dates are ISO strings; absent
values are null, never missing keys. A kind, status, owner or signal goes in
as itself: each is a `StrEnum`, a string that is its own text, and reading
`.value` instead cost `next` a Python-level lookup per field on thousands
of lines. A date goes in as itself too in the `next` and `list` shapes: orjson
writes it as its ISO text, the very string `iso` gives, without a Python call
per date (five per line of `next`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson

from planner.models import Loop, Record
from planner.prep import Question, TalkingPoint, numbered
from planner.steps import NextStep, Nudge, Thread

if TYPE_CHECKING:
    from planner.handles import Handles


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def nudge_json(nudge: Nudge | None) -> dict[str, Any] | None:
    if nudge is None:
        return None
    return {"name": nudge.name, "role": nudge.role, "contact_id": nudge.contact_id}


def step_json(step: Thread | None, note: str = "") -> dict[str, Any] | None:
    """A thread without the loop it belongs to (a loop's state is `next` in `list` and `show`).

    `last_touch`, `next_nudge` and `expected` belong to a state waiting on them;
    they are null on my to-dos. `override_note` is the note of an owner set by
    hand ("" when none or not overridden).
    """
    if step is None:
        return None
    return {
        "kind": step.kind,
        "what": step.what,
        "owner": step.owner,
        "overridden": step.overridden,
        "override_note": note if step.overridden else "",
        "nudge": nudge_json(step.nudge),
        "since": step.since,
        "due": step.due,
        "waiting_days": step.waiting_days,
        "signal": step.signal,
        "round_id": step.round_id,
        "last_touch": step.last_touch,
        "next_nudge": step.next_nudge,
        "expected": step.expected,
    }


def next_item_json(loop: Loop, step: Thread) -> dict[str, Any]:
    """One entry of `loopdeck next --json`: one thread (a loop may have several)."""
    process = loop.process
    return {
        "process_id": process.id,
        "company": process.company,
        "role": process.role,
        **(step_json(step, process.override_note) or {}),
    }


def loop_summary_json(loop: Loop, step: NextStep | None) -> dict[str, Any]:
    """One entry of `loopdeck list --json`."""
    process = loop.process
    return {
        "id": process.id,
        "company": process.company,
        "role": process.role,
        "level": process.level,
        "location": process.location,
        "source": process.source,
        "tags": list(process.tags),
        "status": process.status,
        "close_reason": process.close_reason,
        "closed_by": process.closed_by,
        "closed_on": process.closed_on,
        "created_on": process.created_on,
        "next": step_json(step, process.override_note),
    }


def record_json(record: Record) -> dict[str, Any]:
    return record.model_dump(mode="json")


def loop_detail_json(
    loop: Loop,
    step: NextStep | None,
    todos: Sequence[Thread],
    handles: Handles,
    questions: list[Question],
    points: list[TalkingPoint],
) -> dict[str, Any]:
    """`loopdeck show --json`: the whole loop, each item with its handle, in `show`'s order."""
    # Here, not at the top: `next` and `list` use this module and need no handles.
    from planner.handles import talking_point_order

    def item(record: Record, **extra: Any) -> dict[str, Any]:
        return {**record_json(record), "handle": handles.of(record.id), **extra}

    return {
        "process": record_json(loop.process),
        "next": step_json(step, loop.process.override_note),
        "todos": [step_json(t) for t in todos],
        "rounds": [item(r) for r in loop.timeline_by_date()],
        "contacts": [item(c, last_touch=iso(loop.last_touch(c.id))) for c in loop.people()],
        "events": [item(e) for e in loop.log()],
        "questions": [item(q) for q in numbered(questions)],
        "talking_points": [item(p) for p in talking_point_order(points)],
    }


def dumps(data: Any) -> str:
    """Indented, non-ASCII kept readable, with a final newline for shells.

    The same text `json.dumps(data, indent=2, ensure_ascii=False)` gives (a
    test holds them equal), at a fraction of the cost on a large file.
    """
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
