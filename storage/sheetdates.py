"""Dates as spreadsheets write them, read a column at a time.

A cell alone cannot say whether `3/4/24` is March or April; the column can.
`infer_order` looks at every slashed cell of one column: a cell whose first
number is above 12 (`19/9/24`) can only be day first, one whose second is
(`9/19/24`) only month first. The order most such cells show is the column's;
a column whose slashed cells all read either way (`3/4/2026`, `10/5/24`) has
no order, and the importer asks the user to name it rather than guess.

Forms read: ISO (`2026-03-16`, with or without a time), `2026/03/16`,
`16.03.2026` (day first wherever it is used), `Mar 16, 2026`, `16 March
2026`, and slashed dates with four, two or no year digits (`9/19/2024`,
`9/19/24`, `9/19`). A two-digit year is 20xx. A date without a year takes
the year that fits what the column holds (`YearRule`): an application date
the latest year that does not put it in the future; an interview date the
year that puts it nearest to today (a tracker lists next month's interview
in December as `1/10`).

`read_moment` reads a cell that may also hold a time and a few words
("Tech 12/15 2:00 PM", "Dec 15 @ 2pm"): the next-interview columns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum

from planner.dates import DateError, parse_time

SHEET_DATE_FORMS = "use YYYY-MM-DD, 16 Mar 2026 or 3/16/26"
EMPTY_WORDS = frozenset({"", "-", "--", "n/a", "na", "none", "tbd", "tba", "?", "pending"})
"""Cells that say "no date yet" in the words people use."""

_MONTHS = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?", re.ASCII)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", re.ASCII)
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?", re.ASCII)
_MONTH_DAY = re.compile(rf"({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", re.I)
_DAY_MONTH = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
# In a cell with more than a date: the date itself, and a time of day.
_DATE_IN_TEXT = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.\d{2,4}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:,?\s+\d{{4}})?",
    re.IGNORECASE,
)
_TIME_IN_TEXT = re.compile(
    r"(?<![\d/.:])(\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2})(?![\d/])", re.IGNORECASE
)
_FILLER = re.compile(r"(?:\bat\b|\bon\b|@|[,;:()\-–]|\bT\b)", re.IGNORECASE)


class SheetDateError(ValueError):
    """A cell that is not a date we can read for sure; the message says why."""


class DateOrder(StrEnum):
    """Which number of a slashed date is the month."""

    MONTH_FIRST = "month-first"
    DAY_FIRST = "day-first"


class YearRule(Enum):
    """The year a date without one takes (see the module doc)."""

    NOT_AHEAD = "not-ahead"
    NEAREST = "nearest"


@dataclass(frozen=True)
class OrderReading:
    """What a column's slashed cells say about their order.

    `order` is None when no cell settles it; `needed` says whether any cell
    reads both ways (only then does the missing order matter); `example` is
    such a cell, for the message that asks the user.
    """

    order: DateOrder | None
    needed: bool
    example: str = ""


@dataclass(frozen=True)
class Moment:
    """A next-interview cell: its date, its time if any, and the words beside them."""

    date: dt.date
    time: dt.time | None
    words: str


def is_empty(cell: str) -> bool:
    return cell.strip().casefold() in EMPTY_WORDS


def infer_order(cells: Iterable[str]) -> OrderReading:
    """The order of a column from its unambiguous slashed cells; most cells win."""
    votes = {DateOrder.MONTH_FIRST: 0, DateOrder.DAY_FIRST: 0}
    example = ""
    for cell in cells:
        for found in _DATE_IN_TEXT.findall(cell):
            match = _SLASHED.fullmatch(found)
            if match is None:
                continue
            first, second = int(match[1]), int(match[2])
            if first > 12 >= second:
                votes[DateOrder.DAY_FIRST] += 1
            elif second > 12 >= first:
                votes[DateOrder.MONTH_FIRST] += 1
            elif first != second and not example:
                example = found
    month_first, day_first = votes[DateOrder.MONTH_FIRST], votes[DateOrder.DAY_FIRST]
    order = None
    if month_first != day_first:
        order = DateOrder.MONTH_FIRST if month_first > day_first else DateOrder.DAY_FIRST
    return OrderReading(order=order, needed=bool(example), example=example)


def parse_sheet_date(
    text: str,
    today: dt.date,
    order: DateOrder | None = None,
    year_rule: YearRule = YearRule.NOT_AHEAD,
) -> dt.date:
    """One cell as a date; `order` settles slashed dates that read both ways."""
    cell = " ".join(text.split())
    try:
        if match := _ISO.fullmatch(cell):
            return dt.date(*(int(g) for g in match.groups()))
        if match := _DOTTED.fullmatch(cell):
            day, month, year = int(match[1]), int(match[2]), _full_year(match[3])
            return dt.date(year, month, day)
        if match := _SLASHED.fullmatch(cell):
            month, day = _month_day(cell, int(match[1]), int(match[2]), order)
            return _dated(month, day, match[3], today, year_rule)
        if match := _MONTH_DAY.fullmatch(cell):
            return _dated(_month_number(match[1]), int(match[2]), match[3], today, year_rule)
        if match := _DAY_MONTH.fullmatch(cell):
            return _dated(_month_number(match[2]), int(match[1]), match[3], today, year_rule)
    except ValueError as error:
        if isinstance(error, SheetDateError):
            raise
        raise SheetDateError(f"'{cell}' is not a real date") from None
    raise SheetDateError(f"'{cell}' is not a date ({SHEET_DATE_FORMS})")


def read_moment(
    text: str,
    today: dt.date,
    order: DateOrder | None = None,
    year_rule: YearRule = YearRule.NEAREST,
) -> Moment:
    """A date with an optional time and words around it ("Onsite 12/15 @ 2pm")."""
    cell = " ".join(text.split())
    iso = _ISO.fullmatch(cell)
    if iso is not None and "T" in cell:
        cell = cell.replace("T", " ", 1)
    found = _DATE_IN_TEXT.search(cell)
    if found is None:
        raise SheetDateError(f"'{cell}' is not a date ({SHEET_DATE_FORMS})")
    day = parse_sheet_date(found.group(), today, order, year_rule)
    rest = cell[: found.start()] + " " + cell[found.end() :]
    time = None
    if (clock := _TIME_IN_TEXT.search(rest)) is not None:
        time = read_time(clock.group())
        rest = rest[: clock.start()] + " " + rest[clock.end() :]
    words = " ".join(_FILLER.sub(" ", rest).split())
    return Moment(day, time, words)


def read_time(text: str) -> dt.time:
    """`14:00`, `2pm`, `2:30 PM`, `9 a.m.` as a time of day."""
    try:
        return parse_time(re.sub(r"\s+", "", text.casefold()))
    except DateError:
        raise SheetDateError(f"'{text.strip()}' is not a time (use 14:00 or 2:00 PM)") from None


def _month_day(cell: str, first: int, second: int, order: DateOrder | None) -> tuple[int, int]:
    """(month, day) of a slashed date: the numbers decide when they can, else the order."""
    if first > 12 >= second:
        if order == DateOrder.MONTH_FIRST:
            raise SheetDateError(f"'{cell}' is day first, but the column is month first")
        return second, first
    if second > 12 >= first:
        if order == DateOrder.DAY_FIRST:
            raise SheetDateError(f"'{cell}' is month first, but the column is day first")
        return first, second
    if first == second or order == DateOrder.MONTH_FIRST:
        return first, second
    if order == DateOrder.DAY_FIRST:
        return second, first
    raise SheetDateError(f"'{cell}' could be day/month or month/day ({SHEET_DATE_FORMS})")


def _dated(month: int, day: int, year: str | None, today: dt.date, rule: YearRule) -> dt.date:
    if year:
        return dt.date(_full_year(year), month, day)
    dt.date(2024, month, day)  # a leap year: refuses 2/30, accepts 2/29
    years = range(today.year - 8, today.year + 2)
    dates = [d for year in years if (d := _real(year, month, day)) is not None]
    if rule == YearRule.NOT_AHEAD:
        return max(d for d in dates if d <= today)
    return min(dates, key=lambda d: (abs((d - today).days), d))


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name[:3].casefold()]
