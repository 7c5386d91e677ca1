"""Add a loop and delete one (`add`, `delete`, the app's quick-add box).

Adding refuses a second open loop with the same company and role (case does
not count) unless the user says it is on purpose: twice the same line is far
more often a slip than two openings. Deleting leaves a tombstone, so undo
brings the loop back with everything in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from planner.changes.base import Insert, Patch, Refused, Remove
from planner.changes.loop_edit import check_application_date
from planner.models import Loop, Process, ProcessStatus, Record, Settings
from planner.offers import Offer
from planner.prep import Decision, Question, TalkingPoint
from planner.quickadd import LoopDraft
from planner.rounds import off_day_note


def add_loop(
    draft: LoopDraft,
    today: dt.date,
    existing: Iterable[Process],
    again: bool = False,
    settings: Settings | None = None,
) -> Patch:
    """The loop a quick-add line describes: its process, application, next round and cards."""
    process, rounds, contacts = draft.build(today)
    check_application_date(Loop(process=process, rounds=rounds), draft.applied_on, today)
    if not again:
        same = duplicate_of(process, existing)
        if same is not None:
            raise Refused(
                f"{same.title} is already an open loop (id {same.id[:8]}); "
                "a second one must be asked for",
                "again",
            )
    notes = tuple(
        note
        for r in rounds[1:]  # the first round is the application, not a meeting
        if settings is not None and (note := off_day_note(r.date, settings, today)) is not None
    )
    records: list[Record] = [process, *rounds, *contacts]
    return Patch(
        f"add loop {process.title}",
        tuple(Insert(r) for r in records),
        f"Added {process.title} (id {process.id[:8]})",
        notes=notes,
        focus=process.id,
    )


def duplicate_of(process: Process, existing: Iterable[Process]) -> Process | None:
    """An open loop (active or on hold) with the same company and role, whatever the case."""
    key = (_fold(process.company), _fold(process.role))
    for other in existing:
        if (
            other.status != ProcessStatus.CLOSED
            and (_fold(other.company), _fold(other.role)) == key
        ):
            return other
    return None


def delete_loop(loop: Loop, today: dt.date, attached: Sequence[Record] = ()) -> Patch:
    """Delete the loop with all it holds (`attached`: its offers and prep, for the summary)."""
    process = loop.process
    what = contents(loop, attached)
    return Patch(
        f"delete loop {process.title}",
        (Remove(process),),
        f"Deleted {process.title} (id {process.id[:8]}){': ' + what if what else ''}",
    )


def contents(loop: Loop, attached: Sequence[Record] = ()) -> str:
    """'3 rounds, 2 people, 4 log lines, 1 offer': what deleting the loop takes along."""
    counts = [
        (len(loop.rounds), "round", "rounds"),
        (len(loop.contacts), "person", "people"),
        (len(loop.events), "log line", "log lines"),
        (sum(isinstance(r, Offer) for r in attached), "offer", "offers"),
        (sum(isinstance(r, Question) for r in attached), "question", "questions"),
        (sum(isinstance(r, TalkingPoint) for r in attached), "talking point", "talking points"),
        (sum(isinstance(r, Decision) for r in attached), "decision process", "decision processes"),
    ]
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
