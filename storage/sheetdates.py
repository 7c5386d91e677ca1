"""Dates as spreadsheets write them, read without guessing.

ISO (with or without a time), `2026/03/16`, `16.03.2026` (the dotted form is
day first everywhere it is used), `Mar 16, 2026`, `16 March 2026`, and
`3/16/2026` or `16/3/2026` when one of the two numbers is above 12. A
slashed date like `3/4/2026` is refused as ambiguous rather than read the
wrong way round: the user re-types one cell instead of finding a wrong date
months later.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_NAMED = ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y")
SHEET_DATE_FORMS = "use YYYY-MM-DD or 16 Mar 2026"


class SheetDateError(ValueError):
    """A cell that is not a date we can read for sure; the message says why."""


def parse_sheet_date(text: str) -> dt.date:
    cell = text.strip()
    try:
        if match := _ISO.fullmatch(cell):
            return dt.date(*(int(g) for g in match.groups()))
        if match := _DOTTED.fullmatch(cell):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if match := _SLASHED.fullmatch(cell):
            return _slashed(cell, *(int(g) for g in match.groups()))
    except ValueError as error:
        if isinstance(error, SheetDateError):
            raise
        raise SheetDateError(f"'{cell}' is not a real date") from None
    words = " ".join(cell.replace(",", " ").split())
    for form in _NAMED:
        try:
            return dt.datetime.strptime(words, form).date()
        except ValueError:
            continue
    raise SheetDateError(f"'{cell}' is not a date ({SHEET_DATE_FORMS})")


def _slashed(cell: str, first: int, second: int, year: int) -> dt.date:
    if first > 12 >= second:
        return dt.date(year, second, first)
    if second > 12 >= first:
        return dt.date(year, first, second)
    if first == second:
        return dt.date(year, first, second)
    raise SheetDateError(f"'{cell}' could be day/month or month/day ({SHEET_DATE_FORMS})")
