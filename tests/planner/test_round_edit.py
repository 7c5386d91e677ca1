"""Editing a round's fields: only what changes is written, and the date rules hold."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import TODAY

from planner.changes.base import Refused, Update
from planner.changes.round_edit import edit_round
from planner.models import Loop, Process, Round, RoundKind, RoundStatus


def a_loop() -> Loop:
    process = Process(company="Acme", role="ML", created_on=dt.date(2026, 3, 1))
    applied = Round(
        process_id=process.id,
        kind=RoundKind.APPLIED,
        status=RoundStatus.DONE,
        date=dt.date(2026, 3, 1),
        created_on=dt.date(2026, 3, 1),
    )
    tech = Round(
        process_id=process.id,
        kind=RoundKind.TECH,
        status=RoundStatus.SCHEDULED,
        date=dt.date(2026, 3, 19),
        time=dt.time(14, 0),
        created_on=dt.date(2026, 3, 2),
    )
    done = Round(
        process_id=process.id,
        kind=RoundKind.SCREEN,
        status=RoundStatus.DONE,
        date=dt.date(2026, 3, 5),
        created_on=dt.date(2026, 3, 2),
    )
    return Loop(process=process, rounds=[applied, done, tech])


def round_of(loop: Loop, kind: RoundKind) -> Round:
    return next(r for r in loop.rounds if r.kind == kind)


def test_only_the_changed_fields_are_written() -> None:
    loop = a_loop()
    tech = round_of(loop, RoundKind.TECH)
    patch = edit_round(loop, TODAY, tech.id, {"format": "video", "notes": "bring laptop"})
    (write,) = patch.writes
    assert isinstance(write, Update) and write.fields == {"format", "notes"}
    assert "format, notes" in patch.summary


def test_an_unchanged_form_writes_nothing() -> None:
    loop = a_loop()
    tech = round_of(loop, RoundKind.TECH)
    assert edit_round(loop, TODAY, tech.id, {"date": tech.date, "time": tech.time}).empty


def test_clearing_the_date_makes_the_round_planned_again() -> None:
    loop = a_loop()
    tech = round_of(loop, RoundKind.TECH)
    (write,) = edit_round(loop, TODAY, tech.id, {"date": None, "time": None}).writes
    assert isinstance(write, Update)
    assert write.record.status == RoundStatus.PLANNED and write.record.date is None


@pytest.mark.parametrize(
    ("kind", "values", "field"),
    [
        (RoundKind.TECH, {"date": None}, "time"),
        (RoundKind.TECH, {"kind": RoundKind.APPLIED}, "kind"),
        (RoundKind.APPLIED, {"kind": RoundKind.SCREEN}, "kind"),
        (RoundKind.SCREEN, {"date": dt.date(2026, 3, 20)}, "date"),
        (RoundKind.TECH, {"interviewers": ["  "]}, "interviewers"),
        (RoundKind.TECH, {"colour": "red"}, "colour"),
    ],
)
def test_refusals_name_the_field(kind: RoundKind, values: dict[str, object], field: str) -> None:
    loop = a_loop()
    with pytest.raises(Refused) as refused:
        edit_round(loop, TODAY, round_of(loop, kind).id, values)
    assert refused.value.field == field
    assert str(refused.value)
