"""The working-days note on a round: only for a round still ahead."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.models import Settings
from planner.rounds import off_day_note

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
