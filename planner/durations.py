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


def stage_durations(loops: Iterable[Loop]) -> dict[RoundKind, list[int]]:
    """Days from each decided round's start to its outcome, per stage kind (see the module doc)."""
    durations: dict[RoundKind, list[int]] = defaultdict(list)
    # Each member read once: an enum's class attribute goes through its metaclass's
    # slow lookup, and an archive's `next` walks ten thousand rounds here.
    cancelled, pending = RoundStatus.CANCELLED, Outcome.PENDING
    for loop in loops:
        for r in loop.rounds:
            if r.status != cancelled and r.outcome != pending and r.outcome_on is not None:
                durations[r.kind].append((r.outcome_on - began(r)).days)
    return durations


def began(r: Round) -> dt.date:
    """The day a round's stage began: its creation, or its date when that is earlier."""
    return min(r.created_on, r.date) if r.date is not None else r.created_on
