"""The clock of a loop that waits on them: touches move it, their promises set it.

When the ball is in their court (the recruiter's or the hiring manager's), three
things decide how the loop is doing, all read from the loop's log:

- **A touch moves the follow-up clock.** A follow-up falls due `follow_up_days`
  after the latest of: the day the ball landed in their court, my last sent
  touch, their last received touch. So a nudge sent today means no nudge is
  due for another `follow_up_days`: asking again the day after is pestering.
- **Their silence cools a loop, not my nudges.** It is COOLING `cooling_days`
  after the ball landed or after their last received touch, whichever is later,
  however often I nudged meanwhile.
- **Their promise sets the date.** A received touch may carry `expect` ("you'll
  hear by Friday"). Until that day the loop is fine, whatever the thresholds
  say; from the first working day after it (`Settings.working_days`), with
  nothing received since, their promise is MISSED and a polite nudge is due.
  A later received touch clears it (only the latest received touch counts), and
  so does a round update: a promise made before the ball landed where it is
  now was about an earlier state.

A touch is a SENT or RECEIVED log entry with someone on the company side: any
contact of the loop but a referrer (who vouches for me and owns no step), or
no contact named at all (a loop's log is about that company). Entries dated
after today do not count yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.models import ContactRole, Event, EventKind, Loop, Settings
from planner.signals import Signal


@dataclass
class Touches:
    """The latest touch either way with the company side, up to today."""

    last_sent: dt.date | None
    last_received: dt.date | None
    latest_received: Event | None
    """The received touch itself: it may carry their promise (`expect`)."""

    @property
    def last(self) -> dt.date | None:
        """The latest touch either way, or None when nothing was ever logged."""
        dates = [d for d in (self.last_sent, self.last_received) if d is not None]
        return max(dates) if dates else None


@dataclass
class Clock:
    """How a state that waits on them is doing."""

    worry: Signal | None
    """MISSED, COOLING or FOLLOW_UP, or None when nothing is wrong."""
    last_touch: dt.date | None
    next_nudge: dt.date
    """The day a follow-up falls due (today or earlier: it is due now)."""
    expected: dt.date | None
    """The day they said I would hear by, while that promise stands."""
    promised_by: Event | None
    """The received touch whose promise lapsed (for the step to name them), else None."""


def touches(loop: Loop, today: dt.date) -> Touches:
    """The latest sent and received touches of a loop with the company side."""
    sent: dt.date | None = None
    received: Event | None = None
    latest: tuple[dt.date, bool, dt.date] | None = None  # the order of `received`
    referrers = _referrers(loop)
    # Read once: an enum member's lookup is slow, and this runs for every open loop's log.
    sent_kind, received_kind = EventKind.SENT, EventKind.RECEIVED
    for event in loop.events:
        if event.on > today or event.contact_id in referrers:
            continue
        kind = event.kind
        if kind == sent_kind:
            if sent is None or event.on > sent:
                sent = event.on
        elif kind == received_kind:
            order = _received_order(event)
            if latest is None or order > latest:
                received, latest = event, order
    return Touches(sent, received.on if received else None, received)


def waiting_clock(loop: Loop, landed: dt.date, today: dt.date, settings: Settings) -> Clock:
    """The clock of a state whose ball landed in their court on `landed`."""
    seen = touches(loop, today)
    heard = seen.last_received
    promise = seen.latest_received
    if promise is not None and promise.expect is not None and promise.on >= landed:
        lapse = first_working_day_after(promise.expect, settings)
        # Nudged once it lapsed: the next nudge waits its turn like any other.
        nudged = seen.last_sent
        next_nudge = lapse
        if nudged is not None and nudged >= lapse:
            next_nudge = nudged + _days(settings.follow_up_days)
        missed = today >= lapse
        return Clock(
            worry=Signal.MISSED if missed else None,
            last_touch=seen.last,
            next_nudge=next_nudge,
            expected=promise.expect,
            promised_by=promise if missed else None,
        )
    follow_from = max(d for d in (landed, seen.last_sent, heard) if d is not None)
    silent_from = max(landed, heard) if heard is not None else landed
    next_nudge = follow_from + _days(settings.follow_up_days)
    worry: Signal | None = None
    if today >= silent_from + _days(settings.cooling_days):
        worry = Signal.COOLING
    elif today >= next_nudge:
        worry = Signal.FOLLOW_UP
    return Clock(worry, seen.last, next_nudge, None, None)


def first_working_day_after(day: dt.date, settings: Settings) -> dt.date:
    """The first of my working days strictly after `day` (a promise for Friday lapses Monday)."""
    after = day + _days(1)
    while after.isoweekday() not in settings.working_days:
        after += _days(1)
    return after


def _referrers(loop: Loop) -> frozenset[str]:
    """The ids of the loop's referrers: a touch with one of them is not with the company side.

    Gathered once per loop rather than looking each touch's contact up among
    all the loop's contacts (a touch with no contact, or with someone else, is).
    """
    referrer = ContactRole.REFERRER
    return frozenset(c.id for c in loop.contacts if c.role == referrer)


def _received_order(event: Event) -> tuple[dt.date, bool, dt.date]:
    """The latest day first; on one day, a touch naming a date wins over one that does not."""
    return (event.on, event.expect is not None, event.expect or dt.date.min)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)
