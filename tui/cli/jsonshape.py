"""The documented `--json` shapes (see README, "Command line").

Scripts depend on these keys, so the `next` and `list` shapes are spelled out
here by hand rather than dumped from the models: a renamed model field must not
silently break a user's `jq` filter. `show` is the exception on purpose: it
gives whole records, as the data file keeps them plus their id. Dates are ISO
strings; absent values are null, never missing keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import orjson

from planner.models import Contact, ContactRole, Loop, Record
from planner.steps import NextStep, Nudge, Thread


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def nudge_json(nudge: Nudge | None) -> dict[str, Any] | None:
    if nudge is None:
        return None
    return {"name": nudge.name, "role": nudge.role.value, "contact_id": nudge.contact_id}


def step_json(step: Thread | None) -> dict[str, Any] | None:
    """A thread without the loop it belongs to (a loop's state is `next` in `list` and `show`).

    `last_touch`, `next_nudge` and `expected` belong to a state waiting on them;
    they are null on my to-dos.
    """
    if step is None:
        return None
    return {
        "kind": step.kind.value,
        "what": step.what,
        "owner": step.owner.value,
        "overridden": step.overridden,
        "nudge": nudge_json(step.nudge),
        "since": iso(step.since),
        "due": iso(step.due),
        "waiting_days": step.waiting_days,
        "signal": step.signal.value,
        "round_id": step.round_id,
        "last_touch": iso(step.last_touch),
        "next_nudge": iso(step.next_nudge),
        "expected": iso(step.expected),
    }


def next_item_json(loop: Loop, step: Thread) -> dict[str, Any]:
    """One entry of `loopdeck next --json`: one thread (a loop may have several)."""
    process = loop.process
    return {
        "process_id": process.id,
        "company": process.company,
        "role": process.role,
        **(step_json(step) or {}),
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
        "status": process.status.value,
        "close_reason": process.close_reason.value if process.close_reason else None,
        "closed_by": process.closed_by.value if process.closed_by else None,
        "closed_on": iso(process.closed_on),
        "created_on": iso(process.created_on),
        "next": step_json(step),
    }


def record_json(record: Record) -> dict[str, Any]:
    return record.model_dump(mode="json")


def people(loop: Loop) -> list[Contact]:
    """A loop's contacts in a stable order: by role (recruiter first), then name."""
    order = list(ContactRole)
    return sorted(loop.contacts, key=lambda c: (order.index(c.role), c.name.casefold(), c.id))


def loop_detail_json(
    loop: Loop, step: NextStep | None, todos: Sequence[Thread] = ()
) -> dict[str, Any]:
    """`loopdeck show --json`: the whole loop and its threads; rounds by timeline, log by date."""
    contacts = []
    for contact in people(loop):
        last = loop.last_touch(contact.id)
        contacts.append({**record_json(contact), "last_touch": iso(last)})
    return {
        "process": record_json(loop.process),
        "next": step_json(step),
        "todos": [step_json(t) for t in todos],
        "rounds": [record_json(r) for r in loop.timeline()],
        "contacts": contacts,
        "events": [record_json(e) for e in loop.log()],
    }


def dumps(data: Any) -> str:
    """Indented, non-ASCII kept readable, with a final newline for shells.

    The same text `json.dumps(data, indent=2, ensure_ascii=False)` gives (a
    test holds them equal), at a fraction of the cost on a large file.
    """
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
