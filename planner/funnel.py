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

Applied to offer = loops that reached an offer / loops that are decided. A loop
reached an offer when it has an offer round (not cancelled) or was closed as
accepted or declined; it is decided when it reached one or was closed without
one. Open loops without an offer are left out, as pending rounds are above.

Too little data: a rate over fewer than `MIN_DECIDED` outcomes (or a median
over fewer than `MIN_DECIDED` samples) says more about chance than about me.
It is still computed (`--json` has it) but people read "n/a (2 decided)"
(`rate_words`, `median_words`). The offer and the negotiation end the funnel:
answering an offer is not passing a stage, so they get no pass-through.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from planner.durations import stage_durations
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
MIN_DECIDED = 3
"""The fewest outcomes (or samples) a rate (or median) is shown for."""
END_STAGES = (RoundKind.OFFER, RoundKind.NEGOTIATION)
"""Where the funnel ends: the overall rate, not a pass-through, speaks for them."""


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

    @property
    def decided(self) -> int:
        return self.passed + self.rejected

    @property
    def enough_data(self) -> bool:
        """Whether the pass-through rate means something (see the module doc)."""
        return self.kind not in END_STAGES and self.decided >= MIN_DECIDED

    def rate_words(self) -> str:
        """'67%', 'n/a (2 decided)', or 'n/a (the end)' for an offer or a negotiation."""
        if self.kind in END_STAGES:
            return "n/a (the end)"
        return rate_words(self.pass_rate, self.decided, "decided")

    def median_words(self) -> str:
        """'7 d', or 'n/a (2 timed)' over too few rounds."""
        return median_words(self.median_days, self.timed, "timed")


@dataclass(frozen=True)
class ReplyStats:
    """How long one role takes to answer me."""

    role: ContactRole
    replies: int
    median_days: float | None

    @property
    def enough_data(self) -> bool:
        return self.replies >= MIN_DECIDED

    def median_words(self) -> str:
        """'2 d', or 'n/a (1 reply)' over too few replies."""
        noun = "reply" if self.replies == 1 else "replies"
        return median_words(self.median_days, self.replies, noun)


@dataclass(frozen=True)
class Overall:
    """From applied to offer, over every loop (see the module doc)."""

    offers: int
    """Loops that reached an offer."""
    ended: int
    """Loops closed without one."""
    open: int
    """Loops still open without an offer: not in the rate."""

    @property
    def decided(self) -> int:
        return self.offers + self.ended

    @property
    def rate(self) -> float | None:
        return self.offers / self.decided if self.decided else None

    @property
    def enough_data(self) -> bool:
        return self.decided >= MIN_DECIDED

    def words(self) -> str:
        """'75% (3 of 4 decided loops; 8 still open)', or 'n/a (2 decided loops; ...)'."""
        still = f"; {self.open} still open" if self.open else ""
        if not self.enough_data or self.rate is None:
            return f"n/a ({self.decided} decided {_loops(self.decided)}{still})"
        of = f"{self.offers} of {self.decided} decided {_loops(self.decided)}"
        return f"{self.rate:.0%} ({of}{still})"


@dataclass(frozen=True)
class Funnel:
    loops: int
    stages: list[StageStats]
    replies: list[ReplyStats]
    overall: Overall


def funnel(loops: Iterable[Loop]) -> Funnel:
    """Every number of the funnel screen and `loopdeck stats`."""
    loops = list(loops)
    return Funnel(
        loops=len(loops),
        stages=stage_stats(loops),
        replies=reply_stats(loops),
        overall=overall(loops),
    )


def overall(loops: Iterable[Loop]) -> Overall:
    """How many loops reached an offer, ended without one, or are still open."""
    offers = ended = still_open = 0
    for loop in loops:
        if _reached_offer(loop):
            offers += 1
        elif loop.process.status == ProcessStatus.CLOSED:
            ended += 1
        else:
            still_open += 1
    return Overall(offers=offers, ended=ended, open=still_open)


def rate_words(rate: float | None, count: int, noun: str) -> str:
    """A rate as people read it: '67%', or 'n/a (2 decided)' over too few outcomes."""
    if rate is None or count < MIN_DECIDED:
        return f"n/a ({count} {noun})"
    return f"{rate:.0%}"


def median_words(days: float | None, count: int, noun: str) -> str:
    """A median in days: '7 d', or 'n/a (1 timed)' over too few samples."""
    if days is None or count < MIN_DECIDED:
        return f"n/a ({count} {noun})"
    return f"{days:g} d"


def _reached_offer(loop: Loop) -> bool:
    answered = (CloseReason.ACCEPTED, CloseReason.DECLINED)
    if loop.process.close_reason in answered:
        return True
    return any(r.kind == RoundKind.OFFER and r.status != RoundStatus.CANCELLED for r in loop.rounds)


def _loops(n: int) -> str:
    return "loop" if n == 1 else "loops"


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
