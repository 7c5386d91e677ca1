"""A loop to change, and the patch's writes played back on it, for pure change tests."""

from __future__ import annotations

from typing import Any

from builders import day, make_loop

from planner.changes.base import Insert, Patch, Remove, Update
from planner.models import (
    Contact,
    ContactRole,
    Event,
    EventKind,
    Loop,
    Outcome,
    Process,
    Round,
    RoundKind,
    RoundStatus,
)

PID = "acme"


def a_round(kind: RoundKind, status: RoundStatus, offset: int | None, **extra: Any) -> Round:
    return Round(
        id=extra.pop("id", f"{kind.value}"),
        process_id=PID,
        kind=kind,
        status=status,
        date=None if offset is None else day(offset),
        created_on=day(-30),
        **extra,
    )


def acme(**process: Any) -> Loop:
    """Applied three weeks ago, screen held and passed, HM interview in two days, tech planned;
    a recruiter and a hiring manager; one note in the log."""
    return make_loop(
        PID,
        "Acme",
        a_round(RoundKind.APPLIED, RoundStatus.DONE, -21),
        a_round(RoundKind.SCREEN, RoundStatus.DONE, -10, outcome=Outcome.PASSED),
        a_round(RoundKind.HM, RoundStatus.SCHEDULED, 2),
        a_round(RoundKind.TECH, RoundStatus.PLANNED, None),
        created_on=day(-21),
        contacts=[
            Contact(id="ann", process_id=PID, name="Ann Lee", role=ContactRole.RECRUITER),
            Contact(id="bo", process_id=PID, name="Bo Chen", role=ContactRole.HIRING_MANAGER),
        ],
        events=[Event(id="e1", process_id=PID, on=day(-9), kind=EventKind.NOTE, text="Screen ok")],
        **process,
    )


def played(loop: Loop, patch: Patch) -> Loop:
    """The loop as it reads after the patch's writes (an Update sets only its fields)."""
    parts: dict[str, list[Any]] = {
        "rounds": list(loop.rounds),
        "contacts": list(loop.contacts),
        "events": list(loop.events),
    }
    process = loop.process
    for write in patch.writes:
        record = write.record
        if isinstance(record, Process):
            assert not isinstance(write, Remove), "a removed loop has nothing left to read"
            if isinstance(write, Update):
                record = process.model_copy(update={f: getattr(record, f) for f in write.fields})
            process = record
            continue
        name = {Round: "rounds", Contact: "contacts", Event: "events"}.get(type(record))
        if name is None:
            continue  # offers and prep are not part of a Loop
        current = {r.id: r for r in parts[name]}
        if isinstance(write, Insert):
            assert record.id not in current
            current[record.id] = record
        elif isinstance(write, Update):
            old = current[record.id]
            current[record.id] = old.model_copy(
                update={f: getattr(record, f) for f in write.fields}
            )
        else:
            del current[record.id]
        parts[name] = list(current.values())
    return Loop(process=process, **parts)


def round_of(loop: Loop, round_id: str) -> Round:
    return next(r for r in loop.rounds if r.id == round_id)


def fields_written(patch: Patch) -> dict[str, frozenset[str]]:
    """Record id -> the fields each Update writes."""
    return {w.record.id: w.fields for w in patch.writes if isinstance(w, Update)}
