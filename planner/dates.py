"""Dates as a person types them: ISO, today/tomorrow, weekdays, and offsets.

The quick-add line, the command line and the app's forms all accept the same
words, so a user learns them once. Parsing takes `today` as an argument (never
reads the clock) so every answer is reproducible in tests.
"""

from __future__ import annotations

import datetime as dt
import re

DATE_FORMS = "use YYYY-MM-DD, today, tomorrow, a weekday, or +3d/-2w"
TIME_FORMS = "use HH:MM (24h) or 2pm/2:30pm"

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
# Patterns compiled (and cached by `re`) when first used: most commands parse no offset or time.
_OFFSET = r"([+-]?)(\d{1,4})([dw])"
_TIME_24H = r"(\d{1,2}):(\d{2})"
_TIME_12H = r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?"
_NAMED_OFFSETS = {"today": 0, "tomorrow": 1, "yesterday": -1}


class DateError(ValueError):
    """A date or time the user typed that does not parse; the message says what would."""


def parse_iso(text: str) -> dt.date:
    """Strict `YYYY-MM-DD` (Python's own parser also takes `20260316` and week dates)."""
    match = _ISO.fullmatch(text.strip())
    if match is None:
        raise DateError(f"'{text}' is not a date: use YYYY-MM-DD")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise DateError(f"'{text}' is not a date: use YYYY-MM-DD") from None


def parse_date(text: str, today: dt.date) -> dt.date:
    """The date `text` names, counted from `today`.

    A weekday means the next such day strictly after today: on a Monday, "mon"
    is a week away, because nobody schedules "this Monday" on Monday morning.
    """
    word = text.strip().lower()
    try:
        if _ISO.fullmatch(word):
            return parse_iso(word)
        if word in _NAMED_OFFSETS:
            return today + dt.timedelta(days=_NAMED_OFFSETS[word])
        weekday = _weekday(word)
        if weekday is not None:
            ahead = (weekday - today.weekday()) % 7 or 7
            return today + dt.timedelta(days=ahead)
        match = re.fullmatch(_OFFSET, word, re.ASCII)
        if match is not None:
            sign, amount, unit = match.groups()
            days = int(amount) * (7 if unit == "w" else 1)
            return today + dt.timedelta(days=-days if sign == "-" else days)
    except (DateError, OverflowError):
        pass
    raise DateError(f"'{text}' is not a date: {DATE_FORMS}")


def _weekday(word: str) -> int | None:
    """0 for Monday ... 6 for Sunday, from a full name or its first three letters."""
    for index, name in enumerate(WEEKDAYS):
        if word in (name, name[:3]):
            return index
    return None


def parse_time(text: str) -> dt.time:
    """A time of day from `14:00`, `9:30`, `2pm` or `2:30pm`."""
    word = text.strip().lower()
    match = re.fullmatch(_TIME_24H, word, re.ASCII)
    if match is not None:
        hour, minute = int(match[1]), int(match[2])
        if hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
    match = re.fullmatch(_TIME_12H, word, re.ASCII)
    if match is not None:
        hour, minute = int(match[1]), int(match[2] or 0)
        if 1 <= hour <= 12 and minute <= 59:
            hour = hour % 12 + (12 if match[3] == "p" else 0)
            return dt.time(hour, minute)
    raise DateError(f"'{text}' is not a time: {TIME_FORMS}")


def describe_days(n: int) -> str:
    """A span in days as the UI shows it: "today", "1 day", "3 days"."""
    n = abs(n)
    if n == 0:
        return "today"
    return "1 day" if n == 1 else f"{n} days"


def day_words(day: dt.date, today: dt.date | None = None) -> str:
    """A date as every sentence and table for people writes it: "Fri 04 Dec".

    One format everywhere a person reads a date (the planner's sentences, the
    command line, the app), so "on Fri 04 Dec" never sits beside "2026-12-04".
    The year is added when it is not `today`'s ("Mon 18 Jan 2027"). Machine
    output (JSON, CSV, calendar files) keeps ISO dates.
    """
    if today is not None and day.year != today.year:
        return f"{day:%a %d %b %Y}"
    return f"{day:%a %d %b}"


def dated(day: dt.date, today: dt.date) -> str:
    """ "Wed 18 Mar (in 2 days)": the day and how far it is, for a deadline or a due date."""
    return f"{day_words(day, today)} ({relative(day, today)})"


def relative(day: dt.date, today: dt.date) -> str:
    """A date relative to today: "today", "tomorrow", "in 3 days", "2 days ago"."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    return f"in {delta} days" if delta > 0 else f"{-delta} days ago"
