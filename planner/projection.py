"""When each open loop could reach an offer, and whether that is too late for another offer.

For each active loop without an offer yet, the rounds it still has are:
  1. its own rounds not decided yet, in timeline order: planned, scheduled,
     and those that took place and still wait for an outcome;
  2. then the part of the usual sequence (`planner.pace`) after the furthest
     kind the loop has reached, so a loop that has only planned its next
     round is not projected to end after it.
Each round takes its kind's pace (`Pace.of`); a round already under way counts
only what is left of it (its pace minus the days since it began), and a
dated round is not decided before its date. The projected offer date is
today plus those days (rounded to the nearest day); the range runs the same
sum on the low pace (rounded down) and the high pace (rounded up). A loop
on hold, whose latest round rejected me, or with an offer already is not
projected.

A loop is **behind** when another loop's open offer deadline
(`pacing.open_deadlines`) comes before its projected offer date: unless it
speeds up, the other offer expires first. `speed_up_note` is the sentence the
loop's pacing step shows; a `deadline` draft is the message that asks.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.dates import day_words
from planner.models import (
    ContactRole,
    Loop,
    Outcome,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.offers import Offer
from planner.pace import NOT_INTERVIEWS, Pace, StagePace, observed_pace
from planner.pacing import Deadline, open_deadlines

# Read once: an enum member's lookup is slow, and the board projects every open loop
# that owes a deadline, asking these of each of its rounds.
_ACTIVE, _CANCELLED = ProcessStatus.ACTIVE, RoundStatus.CANCELLED
_PENDING, _REJECTED = Outcome.PENDING, Outcome.REJECTED
_OFFERED = (RoundKind.OFFER, RoundKind.NEGOTIATION)


class RoundSource(StrEnum):
    """Where a round still ahead comes from."""

    PLANNED = "planned"
    HISTORY = "history"
    DEFAULTS = "defaults"


@dataclass
class RoundAhead:
    """One round a loop still has to pass, and the days it is expected to take from now."""

    kind: RoundKind
    source: RoundSource
    days: float
    round_id: str | None = None


@dataclass
class Projection:
    """A loop's projected offer date, its range, and the deadline it would miss."""

    process_id: str
    title: str
    recruiter: str
    rounds: tuple[RoundAhead, ...]
    offer_on: dt.date
    earliest: dt.date
    latest: dt.date
    deadline: Deadline | None = None

    @property
    def behind(self) -> bool:
        """Another loop's offer deadline comes before this loop's projected offer."""
        return self.deadline is not None


def projections(
    loops: Iterable[Loop], offers: Iterable[Offer], today: dt.date, settings: Settings
) -> list[Projection]:
    """Every projectable open loop, soonest projected offer first.

    `loops` must hold closed loops too: they are most of the history the pace
    is read from.
    """
    loops = list(loops)
    pace = observed_pace(loops, settings)
    deadlines = open_deadlines(loops, offers, today)
    found = (project(loop, today, pace, deadlines) for loop in loops)
    return sorted(
        (p for p in found if p is not None), key=lambda p: (p.offer_on, p.title.casefold())
    )


def project(
    loop: Loop, today: dt.date, pace: Pace, deadlines: Sequence[Deadline] = ()
) -> Projection | None:
    """This loop's projection, or None when there is nothing to project (see the module doc)."""
    plan = _rounds_ahead(loop, today, pace)
    if plan is None:
        return None
    own, ahead = plan
    offer_on = _finish(own, ahead, today, pace, lambda p: p.days, _nearest)
    low = _finish(own, ahead, today, pace, lambda p: p.low, math.floor)
    high = _finish(own, ahead, today, pace, lambda p: p.high, math.ceil)
    recruiter = loop.contact(ContactRole.RECRUITER)
    return Projection(
        process_id=loop.process.id,
        title=loop.process.title,
        recruiter=recruiter.name if recruiter else "the recruiter",
        rounds=tuple(ahead),
        offer_on=offer_on,
        earliest=min(low, offer_on),
        latest=max(high, offer_on),
        deadline=_first_missed(loop, offer_on, deadlines),
    )


def behind(
    loop: Loop, today: dt.date, pace: Pace, deadlines: Sequence[Deadline]
) -> tuple[Deadline, dt.date] | None:
    """The deadline this loop's projected offer comes after first, and that offer date; None
    when the loop is not behind (or not projected).

    What a pacing to-do takes of `project` (its `deadline` and `offer_on`), without the
    range and the rest: the board asks it of every open loop that owes a deadline.
    """
    plan = _rounds_ahead(loop, today, pace)
    if plan is None:
        return None
    own, ahead = plan
    offer_on = _finish(own, ahead, today, pace, lambda p: p.days, _nearest)
    missed = _first_missed(loop, offer_on, deadlines)
    return (missed, offer_on) if missed is not None else None


def _rounds_ahead(
    loop: Loop, today: dt.date, pace: Pace
) -> tuple[list[Round], list[RoundAhead]] | None:
    """The loop's own rounds still to pass and every round ahead (see the module doc), or None
    when there is nothing to project."""
    if loop.process.status != _ACTIVE:
        return None
    timeline = loop.timeline()
    if not _still_interviewing(timeline):
        return None
    own = [r for r in timeline if _undecided(r)]
    ahead = [_own_round(r, pace.of(r.kind), today) for r in own]
    ahead += _usual_tail(loop, pace)
    return own, ahead


def _first_missed(loop: Loop, offer_on: dt.date, deadlines: Sequence[Deadline]) -> Deadline | None:
    """The earliest other loop's deadline before the projected offer date."""
    missed = [d for d in deadlines if d.process_id != loop.process.id and d.deadline < offer_on]
    return min(missed, key=lambda d: d.deadline) if missed else None


def speed_up_note(projection: Projection, today: dt.date | None = None) -> str | None:
    """What the loop's pacing step says when it is behind another offer's deadline, else None.

    Dates as people read them (`planner.dates.day_words`; the year when not `today`'s).
    """
    deadline = projection.deadline
    if deadline is None:
        return None
    return (
        f"Offer projected around {day_words(projection.offer_on, today)}, after the"
        f" {deadline.company} deadline on {day_words(deadline.deadline, today)}:"
        f" ask {projection.recruiter} to speed up"
    )


def _still_interviewing(timeline: list[Round]) -> bool:
    """No offer yet, and the latest decided round (of the loop's `timeline`) did not reject me."""
    rounds = [r for r in timeline if r.status != _CANCELLED]
    if any(r.kind in _OFFERED for r in rounds):
        return False
    decided = [r for r in rounds if r.outcome != _PENDING]
    return not decided or decided[-1].outcome != _REJECTED


def _undecided(r: Round) -> bool:
    """A round of the loop still to pass: not cancelled, no outcome, not the application."""
    if r.kind in NOT_INTERVIEWS or r.status == _CANCELLED:
        return False
    return r.outcome == _PENDING


def _own_round(r: Round, pace: StagePace, today: dt.date) -> RoundAhead:
    return RoundAhead(r.kind, RoundSource.PLANNED, _left(r, pace.days, today), r.id)


def _left(r: Round, days: float, today: dt.date) -> float:
    """What is left of a round's usual time, counted from the day it began."""
    began = min(r.created_on, r.date) if r.date is not None else r.created_on
    return max(0.0, days - max(0, (today - began).days))


def _usual_tail(loop: Loop, pace: Pace) -> list[RoundAhead]:
    """The usual rounds after the furthest one this loop has reached or planned."""
    reached = {r.kind for r in loop.rounds if r.status != _CANCELLED}
    positions = [i for i, kind in enumerate(pace.usual) if kind in reached]
    start = max(positions) + 1 if positions else 0
    source = RoundSource.HISTORY if pace.usual_from_history else RoundSource.DEFAULTS
    return [RoundAhead(k, source, pace.of(k).days) for k in pace.usual[start:]]


def _finish(
    own: list[Round],
    ahead: list[RoundAhead],
    today: dt.date,
    pace: Pace,
    days_of: Callable[[StagePace], float],
    rounding: Callable[[float], int],
) -> dt.date:
    """The day the last round ahead is decided, each round on the pace `days_of` picks."""
    offset = 0.0
    for index, step in enumerate(ahead):
        stage = pace.of(step.kind)
        if index < len(own):
            r = own[index]
            offset += _left(r, days_of(stage), today)
            if r.date is not None:
                offset = max(offset, float((r.date - today).days))
        else:
            offset += days_of(stage)
    return today + dt.timedelta(days=rounding(offset))


def _nearest(days: float) -> int:
    """Half a day up: a projection is a day, not an hour."""
    return math.floor(days + 0.5)
