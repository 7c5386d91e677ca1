"""Today's date, overridable so tests, demos and screenshots are deterministic.

Every rule takes `today` as an argument; only the edges (the command line, the
app) ask this module. Setting `LOOPDECK_TODAY=YYYY-MM-DD` pins the date without
touching the system clock.
"""

from __future__ import annotations

import datetime as dt
import os

from planner.dates import DateError, parse_iso

ENV_VAR = "LOOPDECK_TODAY"


def today() -> dt.date:
    """The date the rules should treat as today.

    A malformed override raises instead of silently falling back: a demo or a
    test that thinks it is pinned but is not would drift with the calendar.
    """
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return dt.date.today()
    try:
        return parse_iso(value)
    except DateError:
        raise ValueError(f"{ENV_VAR}='{value}' is not a date: use YYYY-MM-DD") from None
