"""Days each decided round took, per stage kind: what the funnel and the pace both read.

A round's days = its outcome date - the day its stage began (the earlier of
the round's creation and its date); cancelled rounds and rounds without an
outcome date are left out. Kept apart from `planner.funnel` so that `next`,
which projects with the pace, does not load the funnel's statistics.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from planner.models import Loop, Outcome, Round, RoundKind, RoundStatus

# Read once: an enum's class attribute goes through its metaclass's slow lookup, and
# an archive's `next` asks these of ten thousand rounds.
_CANCELLED, _PENDING = RoundStatus.CANCELLED, Outcome.PENDING


def stage_durations(loops: Iterable[Loop]) -> dict[RoundKind, list[int]]:
    """Days from each decided round's start to its outcome, per stage kind (see the module doc)."""
    durations: dict[RoundKind, list[int]] = defaultdict(list)
    for loop in loops:
        for r in loop.rounds:
            days = days_taken(r)
            if days is not None:
                durations[r.kind].append(days)
    return durations


def days_taken(r: Round) -> int | None:
    """Days from a round's start to its outcome; None when it is cancelled or not decided
    (on a day) yet.

    One round at a time, so that `planner.pace` reads them in the same pass over
    an archive's rounds as the sequences of its loops.
    """
    decided = r.outcome_on  # first: the cheapest test, and no round ahead has one
    if decided is None or r.status == _CANCELLED or r.outcome == _PENDING:
        return None
    return (decided - began(r)).days


def began(r: Round) -> dt.date:
    """The day a round's stage began: its creation, or its date when that is earlier."""
    return min(r.created_on, r.date) if r.date is not None else r.created_on
