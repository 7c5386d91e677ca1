"""Which round a loop is at, and the working-days note on a round still ahead."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.models import Loop, Outcome, Process, Round, RoundKind, RoundStatus, Settings
from planner.rounds import awaiting_outcome, current_round, done_round, off_day_note, round_at

MONDAY = dt.date(2026, 3, 16)
WEEKDAYS = Settings(working_days=[1, 2, 3, 4, 5])


@pytest.mark.parametrize(
    ("offset", "noted"),
    [
        (-2, False),  # last Saturday: it took place, nothing to choose any more
        (-1, False),  # yesterday, a Sunday
        (5, True),  # next Saturday
        (6, True),  # next Sunday
        (4, False),  # Friday is a working day
    ],
)
def test_a_note_only_for_an_off_day_today_or_later(offset: int, noted: bool) -> None:
    day = MONDAY + dt.timedelta(days=offset)
    assert (off_day_note(day, WEEKDAYS, MONDAY) is not None) == noted


def test_an_off_day_today_is_noted_in_the_one_date_format() -> None:
    sunday = dt.date(2026, 3, 15)
    note = off_day_note(sunday, WEEKDAYS, sunday)
    assert note == "Sun 15 Mar is not one of your working days (Mon, Tue, Wed, Thu, Fri)"


def test_an_undated_round_gets_no_note() -> None:
    assert off_day_note(None, WEEKDAYS, MONDAY) is None


def loop_of(*rounds: tuple[RoundKind, RoundStatus, int | None]) -> Loop:
    """A loop with these rounds (kind, status, day from MONDAY or undated), stored newest
    first; each round's id is "kind@day"."""
    process = Process(id="p", company="Acme", role="ML", created_on=MONDAY - dt.timedelta(30))
    made = [
        Round(
            id=f"{kind}@{on}",
            process_id="p",
            kind=kind,
            status=status,
            date=None if on is None else MONDAY + dt.timedelta(on),
            created_on=MONDAY - dt.timedelta(20),
        )
        for kind, status, on in rounds
    ]
    return Loop(process=process, rounds=made[::-1])


APPLIED = (RoundKind.APPLIED, RoundStatus.DONE, -20)
PLANNED, SCHEDULED, DONE = RoundStatus.PLANNED, RoundStatus.SCHEDULED, RoundStatus.DONE
HM_UNDATED = (RoundKind.HM, PLANNED, None)


@pytest.mark.parametrize(
    ("rounds", "current", "at"),
    [
        # Due (today or past) first, even with rounds ahead or undated; the earliest due.
        (
            [HM_UNDATED, (RoundKind.TECH, SCHEDULED, 3), (RoundKind.SCREEN, SCHEDULED, -1)],
            "screen@-1",
            "screen@-1",
        ),
        (
            [(RoundKind.ONSITE, SCHEDULED, 0), (RoundKind.SCREEN, SCHEDULED, -1)],
            "screen@-1",
            "screen@-1",
        ),
        # Else the earliest ahead, else the earliest undated; the application never counts.
        ([HM_UNDATED, (RoundKind.TECH, SCHEDULED, 3)], "tech@3", "tech@3"),
        ([(RoundKind.APPLIED, PLANNED, -3), HM_UNDATED], "hm@None", "hm@None"),
        # Rounds done or cancelled are not current; one awaiting its outcome is where the
        # loop is at, before a round ahead.
        (
            [(RoundKind.TECH, DONE, -2), (RoundKind.ONSITE, RoundStatus.CANCELLED, -1)],
            None,
            "tech@-2",
        ),
        ([(RoundKind.TECH, DONE, -2), (RoundKind.OFFER, SCHEDULED, 4)], "offer@4", "tech@-2"),
        ([], None, None),
    ],
)
def test_the_current_round_and_the_round_a_loop_is_at(
    rounds: list[tuple[RoundKind, RoundStatus, int | None]], current: str | None, at: str | None
) -> None:
    loop = loop_of(APPLIED, *rounds)
    found = current_round(loop, MONDAY)
    assert (found.id if found else None) == current
    for answer in (done_round(loop, MONDAY), round_at(loop.timeline(), MONDAY)):
        assert (answer.id if answer else None) == at


def test_the_latest_round_awaiting_its_outcome_is_the_one_awaited() -> None:
    loop = loop_of(APPLIED, (RoundKind.SCREEN, DONE, -9), (RoundKind.TECH, DONE, -2))
    awaited = awaiting_outcome(loop)
    assert awaited is not None and awaited.id == "tech@-2"
    decided = [
        r.model_copy(update={"outcome": Outcome.PASSED}) if r is awaited else r for r in loop.rounds
    ]
    awaited = awaiting_outcome(loop.model_copy(update={"rounds": decided}))
    assert awaited is not None and awaited.id == "screen@-9"
