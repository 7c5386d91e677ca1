"""Today's date and my time zone, overridable so tests, demos and screenshots are deterministic.

Every rule takes `today` (and a time zone) as an argument; only the edges (the
command line, the app) ask this module. Setting `LOOPDECK_TODAY=YYYY-MM-DD`
pins the date without touching the system clock; `TZ` names the zone.
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


def local_zone() -> dt.tzinfo:
    """My time zone: `$TZ` when it names one (`Europe/Paris`), else the system's.

    `zoneinfo` is imported here, by the one reader of invites and mail that needs
    a zone: every command imports this module for `today`, and `zoneinfo`
    (with the `sysconfig` it reads its search path from) cost each about 2 ms.
    """
    import zoneinfo

    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    zone = dt.datetime.now().astimezone().tzinfo
    return zone if zone is not None else dt.UTC
