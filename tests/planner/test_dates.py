"""Every date and time form the user can type, the bad ones, and the pinned clock."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import clock
from planner.dates import DateError, dated, describe_days, parse_date, parse_time, relative

MONDAY = dt.date(2026, 3, 16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-01", dt.date(2026, 4, 1)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("today", MONDAY),
        ("Today", MONDAY),
        ("  tomorrow ", dt.date(2026, 3, 17)),
        ("yesterday", dt.date(2026, 3, 15)),
        ("tue", dt.date(2026, 3, 17)),
        ("tuesday", dt.date(2026, 3, 17)),
        ("wed", dt.date(2026, 3, 18)),
        ("thu", dt.date(2026, 3, 19)),
        ("fri", dt.date(2026, 3, 20)),
        ("Friday", dt.date(2026, 3, 20)),
        ("sat", dt.date(2026, 3, 21)),
        ("sun", dt.date(2026, 3, 22)),
        ("mon", dt.date(2026, 3, 23)),  # strictly after today: a week away
        ("monday", dt.date(2026, 3, 23)),
        ("+3d", dt.date(2026, 3, 19)),
        ("3d", dt.date(2026, 3, 19)),
        ("+0d", MONDAY),
        ("+2w", dt.date(2026, 3, 30)),
        ("2W", dt.date(2026, 3, 30)),
        ("-5d", dt.date(2026, 3, 11)),
        ("-1w", dt.date(2026, 3, 9)),
    ],
)
def test_parse_date_accepts_every_form(text: str, expected: dt.date) -> None:
    assert parse_date(text, MONDAY) == expected


def test_weekday_is_counted_from_the_given_today() -> None:
    saturday = dt.date(2026, 3, 21)
    assert parse_date("sun", saturday) == dt.date(2026, 3, 22)
    assert parse_date("sat", saturday) == dt.date(2026, 3, 28)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2026-02-30",
        "2026-13-01",
        "2026-3-1",
        "20260316",
        "2026-W12-1",
        "tomorow",
        "mo",
        "thurs",
        "+3",
        "+d",
        "3days",
        "+3m",
        "++3d",
        "+99999d",
        "٢٠٢٦-٠٣-١٦",
    ],
)
def test_parse_date_rejects_bad_forms_with_one_clear_sentence(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, MONDAY)
    assert str(caught.value) == (
        f"'{text}' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday, or +3d/-2w"
    )


def test_an_offset_past_the_calendar_is_a_date_error_not_an_overflow() -> None:
    with pytest.raises(DateError):
        parse_date("+9999w", dt.date(9999, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00", dt.time(14, 0)),
        ("9:05", dt.time(9, 5)),
        ("00:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
        ("2pm", dt.time(14, 0)),
        ("2PM", dt.time(14, 0)),
        ("2 pm", dt.time(14, 0)),
        ("2:30pm", dt.time(14, 30)),
        ("11am", dt.time(11, 0)),
        ("12am", dt.time(0, 0)),
        ("12pm", dt.time(12, 0)),
        ("12:15am", dt.time(0, 15)),
    ],
)
def test_parse_time_accepts_24h_and_am_pm(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["", "24:00", "12:60", "1400", "13pm", "0am", "2:3pm", "noon", "14h", "2p"]
)
def test_parse_time_rejects_bad_forms(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_time(text)
    assert str(caught.value) == f"'{text}' is not a time: use HH:MM (24h) or 2pm/2:30pm"


@pytest.mark.parametrize(("n", "expected"), [(0, "today"), (1, "1 day"), (3, "3 days")])
def test_describe_days(n: int, expected: str) -> None:
    assert describe_days(n) == expected


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (2, "in 2 days"),
        (-1, "yesterday"),
        (-3, "3 days ago"),
    ],
)
def test_relative(offset: int, expected: str) -> None:
    assert relative(MONDAY + dt.timedelta(days=offset), MONDAY) == expected


def test_clock_honours_the_pinned_date(frozen_today: dt.date) -> None:
    assert clock.today() == frozen_today


def test_clock_falls_back_to_the_system_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOOPDECK_TODAY")
    assert clock.today() == dt.date.today()


@pytest.mark.parametrize("value", ["tomorrow", "2026-02-30", "16/03/2026"])
def test_clock_rejects_a_bad_pinned_date(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("LOOPDECK_TODAY", value)
    with pytest.raises(
        ValueError, match=rf"^LOOPDECK_TODAY='{value}' is not a date: use YYYY-MM-DD$"
    ):
        clock.today()


def test_dated_writes_the_day_and_how_far_it_is() -> None:
    today = dt.date(2026, 3, 16)
    assert dated(dt.date(2026, 3, 18), today) == "Wed 18 Mar (in 2 days)"
    assert dated(dt.date(2026, 3, 16), today) == "Mon 16 Mar (today)"
    assert dated(dt.date(2027, 1, 4), today) == "Mon 04 Jan 2027 (in 294 days)"
