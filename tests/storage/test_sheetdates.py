"""Spreadsheet dates: a column's order from its unambiguous cells, short and missing years."""

from __future__ import annotations

import datetime as dt

import pytest

from storage.sheetdates import (
    DateOrder,
    SheetDateError,
    YearRule,
    infer_order,
    parse_sheet_date,
    read_moment,
)

TODAY = dt.date(2024, 11, 20)


def test_a_column_is_month_first_when_one_cell_can_only_be_read_so() -> None:
    reading = infer_order(["10/5/24", "", "9/19/24", "10/16", "11/1/24"])
    assert reading.order == DateOrder.MONTH_FIRST
    assert reading.needed and reading.example == "10/5/24"


def test_a_column_is_day_first_when_its_cells_say_so() -> None:
    assert infer_order(["5/10/24", "19/9/24"]).order == DateOrder.DAY_FIRST


def test_a_column_of_cells_that_read_either_way_has_no_order() -> None:
    reading = infer_order(["3/4/2026", "2026-03-01", "5/6"])
    assert reading.order is None and reading.needed and reading.example == "3/4/2026"


def test_a_column_without_slashed_dates_needs_no_order() -> None:
    reading = infer_order(["2026-03-01", "Mar 5, 2026", "", "7/7/26"])
    assert reading.order is None and not reading.needed


def test_most_cells_win_when_a_column_mixes_orders() -> None:
    assert infer_order(["9/19/24", "9/20/24", "19/9/24"]).order == DateOrder.MONTH_FIRST
    assert infer_order(["9/19/24", "19/9/24"]).order is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("10/5/24", dt.date(2024, 10, 5)),
        ("9/19/24", dt.date(2024, 9, 19)),
        ("1/2/2025", dt.date(2025, 1, 2)),
        ("9/19", dt.date(2024, 9, 19)),
        ("11/20", dt.date(2024, 11, 20)),
        ("11/21", dt.date(2023, 11, 21)),
        ("12/2", dt.date(2023, 12, 2)),
        ("Sep 5", dt.date(2024, 9, 5)),
        ("2024-10-05", dt.date(2024, 10, 5)),
        (" Mar 16, 2026 ", dt.date(2026, 3, 16)),
        ("16 March 2026", dt.date(2026, 3, 16)),
        ("16.03.2026", dt.date(2026, 3, 16)),
    ],
)
def test_month_first_cells_with_two_digit_or_missing_years(cell: str, expected: dt.date) -> None:
    assert parse_sheet_date(cell, TODAY, DateOrder.MONTH_FIRST) == expected


def test_a_missing_year_never_puts_an_application_in_the_future() -> None:
    assert parse_sheet_date("2/29", TODAY, DateOrder.MONTH_FIRST) == dt.date(2024, 2, 29)
    assert parse_sheet_date("2/29", dt.date(2025, 3, 1)) == dt.date(2024, 2, 29)


def test_an_interview_without_a_year_is_the_nearest_such_day() -> None:
    rule = YearRule.NEAREST
    december = dt.date(2024, 12, 20)
    assert parse_sheet_date("1/10", december, DateOrder.MONTH_FIRST, rule) == dt.date(2025, 1, 10)
    assert parse_sheet_date("12/15", december, DateOrder.MONTH_FIRST, rule) == dt.date(2024, 12, 15)


def test_cells_that_contradict_the_column_or_the_calendar_are_refused() -> None:
    with pytest.raises(SheetDateError, match="'19/9/24' is day first, but the column is month"):
        parse_sheet_date("19/9/24", TODAY, DateOrder.MONTH_FIRST)
    with pytest.raises(SheetDateError, match="'2/30' is not a real date"):
        parse_sheet_date("2/30", TODAY, DateOrder.MONTH_FIRST)
    with pytest.raises(SheetDateError, match="could be day/month or month/day"):
        parse_sheet_date("3/4/2026", TODAY)
    with pytest.raises(SheetDateError, match="'soon' is not a date"):
        parse_sheet_date("soon", TODAY)


@pytest.mark.parametrize(
    ("cell", "day", "time", "words"),
    [
        ("11/25 2:00 PM", dt.date(2024, 11, 25), dt.time(14, 0), ""),
        ("12/3 @ 10am", dt.date(2024, 12, 3), dt.time(10, 0), ""),
        ("Tech - 11/22 1:30pm", dt.date(2024, 11, 22), dt.time(13, 30), "Tech"),
        ("Onsite on Dec 15 at 9 a.m.", dt.date(2024, 12, 15), dt.time(9, 0), "Onsite"),
        ("2026-12-15T14:00", dt.date(2026, 12, 15), dt.time(14, 0), ""),
        ("2026-12-15 14:00", dt.date(2026, 12, 15), dt.time(14, 0), ""),
        ("1/10", dt.date(2025, 1, 10), None, ""),
    ],
)
def test_a_next_interview_cell_gives_its_date_time_and_words(
    cell: str, day: dt.date, time: dt.time | None, words: str
) -> None:
    moment = read_moment(cell, TODAY, DateOrder.MONTH_FIRST)
    assert (moment.date, moment.time, moment.words) == (day, time, words)
