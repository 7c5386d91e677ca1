"""I told this loop's recruiter about another loop's offer deadline (`told`, the app's `T`).

The event is `planner.pacing.told_event`: a SENT touch naming the loop with the
offer, which is what clears the pacing step in every other loop.
"""

from __future__ import annotations

import datetime as dt

from planner.changes.base import Insert, Patch, Refused
from planner.dates import day_words
from planner.models import Loop
from planner.pacing import Deadline, told_event, told_label


def tell(loop: Loop, today: dt.date, deadline: Deadline, on: dt.date | None = None) -> Patch:
    """Log the telling, on `on` (default today)."""
    if deadline.process_id == loop.process.id:
        raise Refused("a loop's own offer deadline needs no telling", "about")
    day = today if on is None else on
    if day > today:
        raise Refused(f"nothing can be logged on {day_words(day, today)}, after today", "on")
    event = told_event(loop, deadline, day)
    return Patch(told_label(loop, deadline), (Insert(event),), f"Logged: {event.text}")
