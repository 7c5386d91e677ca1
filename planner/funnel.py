"""The funnel: what my own history says about each stage and about who answers fast.

All pure functions over loops (closed ones included: they hold most of the
history). The rules, explicit so that a number on screen can be checked by hand:

Pass-through of a stage kind = passed / (passed + rejected) over its rounds,
cancelled rounds left out. A round counts as
  - passed when its outcome is "passed", or it is still "pending" but a later
    round of the same loop exists (the user moved on without marking it);
  - rejected when its outcome is "rejected", or it is the pending last round
    of a loop closed as rejected;
  - pending otherwise (not in the rate; shown as a count).

Days in a stage = outcome date - the day the stage began (the earlier of the
round's creation and its date), over rounds with an outcome date; the median
of those.

Reply time = days from my first unanswered SENT to a contact until the next
RECEIVED from the same contact (several nudges before one answer count once,
from the first); medians per role, recruiters against hiring managers.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from planner.models import (
    CloseReason,
    ContactRole,
    EventKind,
    Loop,
    Outcome,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
)

REPLY_ROLES = (ContactRole.RECRUITER, ContactRole.HIRING_MANAGER)


@dataclass(frozen=True)
class StageStats:
    """One stage kind across all loops."""

    kind: RoundKind
    passed: int
    rejected: int
    pending: int
    pass_rate: float | None
    median_days: float | None
    timed: int


@dataclass(frozen=True)
class ReplyStats:
    """How long one role takes to answer me."""

    role: ContactRole
    replies: int
    median_days: float | None


@dataclass(frozen=True)
class Funnel:
    loops: int
    stages: list[StageStats]
    replies: list[ReplyStats]


def funnel(loops: Iterable[Loop]) -> Funnel:
    """Every number of the funnel screen and `loopdeck stats`."""
    loops = list(loops)
    return Funnel(loops=len(loops), stages=stage_stats(loops), replies=reply_stats(loops))


def stage_stats(loops: Iterable[Loop]) -> list[StageStats]:
    """One entry per stage kind that has any round, in the usual order of a loop."""
    loops = list(loops)
    results: dict[RoundKind, list[str]] = defaultdict(list)
    durations = stage_durations(loops)
    for loop in loops:
        rounds = [r for r in loop.timeline() if r.status != RoundStatus.CANCELLED]
        for index, r in enumerate(rounds):
            results[r.kind].append(_result(loop, r, is_last=index == len(rounds) - 1))
    stats = []
    for kind in RoundKind:
        if kind not in results:
            continue
        passed = results[kind].count("passed")
        rejected = results[kind].count("rejected")
        decided = passed + rejected
        days = durations.get(kind, [])
        stats.append(
            StageStats(
                kind=kind,
                passed=passed,
                rejected=rejected,
                pending=results[kind].count("pending"),
                pass_rate=passed / decided if decided else None,
                median_days=statistics.median(days) if days else None,
                timed=len(days),
            )
        )
    return stats


def stage_durations(loops: Iterable[Loop]) -> dict[RoundKind, list[int]]:
    """Days from each decided round's start to its outcome, per stage kind (see the module doc)."""
    durations: dict[RoundKind, list[int]] = defaultdict(list)
    for loop in loops:
        for r in loop.rounds:
            if r.status == RoundStatus.CANCELLED:
                continue
            if r.outcome != Outcome.PENDING and r.outcome_on is not None:
                durations[r.kind].append((r.outcome_on - _began(r)).days)
    return durations


def reply_stats(loops: Iterable[Loop]) -> list[ReplyStats]:
    """Median reply time of recruiters and of hiring managers."""
    samples: dict[ContactRole, list[int]] = {role: [] for role in REPLY_ROLES}
    for loop in loops:
        for contact in loop.contacts:
            if contact.role in samples:
                samples[contact.role] += _reply_days(loop, contact.id)
    return [
        ReplyStats(role, len(days), statistics.median(days) if days else None)
        for role, days in samples.items()
    ]


def _result(loop: Loop, r: Round, is_last: bool) -> str:
    if r.outcome == Outcome.PASSED:
        return "passed"
    if r.outcome == Outcome.REJECTED:
        return "rejected"
    if not is_last:
        return "passed"
    process = loop.process
    if process.status == ProcessStatus.CLOSED and process.close_reason == CloseReason.REJECTED:
        return "rejected"
    return "pending"


def _began(r: Round) -> dt.date:
    return min(r.created_on, r.date) if r.date is not None else r.created_on


def _reply_days(loop: Loop, contact_id: str) -> list[int]:
    touches = sorted(
        (e for e in loop.events if e.contact_id == contact_id),
        key=lambda e: (e.on, e.kind != EventKind.SENT),
    )
    waiting_since: dt.date | None = None
    days = []
    for event in touches:
        if event.kind == EventKind.SENT and waiting_since is None:
            waiting_since = event.on
        elif event.kind == EventKind.RECEIVED and waiting_since is not None:
            days.append((event.on - waiting_since).days)
            waiting_since = None
    return days
