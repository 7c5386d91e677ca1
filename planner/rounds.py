"""Which round a loop is at: what `done` marks (the command and the app's `d`) and its stage.

"Current" is the earliest round not done or cancelled whose date is today or
past, else the earliest one still ahead (an interview moved up), else the
earliest one without a date. The round a loop *is at* (`done_round`) is the
current round when it is due (dated today or earlier); else the latest round
that took place and still waits for its outcome (the answer is what comes
next); else the current round ahead or undated.
"""

from __future__ import annotations

import datetime as dt

from planner import clock
from planner.dates import day_words
from planner.models import Loop, Outcome, Round, RoundKind, RoundStatus, Settings

# Read once: an enum member's lookup is slow, and the board asks every open loop its round.
_OPEN, _DONE = (RoundStatus.PLANNED, RoundStatus.SCHEDULED), RoundStatus.DONE
_PENDING, _APPLIED = Outcome.PENDING, RoundKind.APPLIED


def current_round(loop: Loop, today: dt.date) -> Round | None:
    """The round `done` applies to; the application itself never counts."""
    return _current(loop.timeline(), today)


def awaiting_outcome(loop: Loop) -> Round | None:
    """The latest round that took place and has no outcome yet."""
    return _awaiting(loop.timeline())


def done_round(loop: Loop, today: dt.date) -> Round | None:
    """The round a loop is at: what `done` and `d` mark when no round is named.

    One rule whatever the outcome about to be given, so the form can name the
    round before the user picks one, and the command line agrees with it.
    """
    return round_at(loop.timeline(), today)


def round_at(timeline: list[Round], today: dt.date) -> Round | None:
    """`done_round` of the loop whose `Loop.timeline` this is, for a caller that reads
    the timeline again (the stage): a loop's rounds are sorted once."""
    current = _current(timeline, today)
    if current is not None and current.date is not None and current.date <= today:
        return current
    return _awaiting(timeline) or current


def _current(timeline: list[Round], today: dt.date) -> Round | None:
    """The first open round due (dated today or earlier), else the first ahead, else the
    first undated (see `current_round`)."""
    ahead: Round | None = None
    undated: Round | None = None
    for r in timeline:
        if r.status not in _OPEN or r.kind == _APPLIED:
            continue
        if r.date is None:
            undated = undated or r
        elif r.date <= today:
            return r
        else:
            ahead = ahead or r
    return ahead or undated


def _awaiting(timeline: list[Round]) -> Round | None:
    waiting = [
        r for r in timeline if r.status == _DONE and r.outcome == _PENDING and r.kind != _APPLIED
    ]
    return waiting[-1] if waiting else None


def off_day_note(
    day: dt.date | None, settings: Settings, today: dt.date | None = None
) -> str | None:
    """A word when a round ahead falls on a day I said I am not available (`working_days`).

    A note, not an error: the company may have no other slot, and I may agree.
    Only for today or later: a round that already took place (logged after the
    fact) was not a choice to warn about. `today` defaults to `planner.clock`'s.
    """
    if day is None or day.isoweekday() in settings.working_days:
        return None
    if day < (today if today is not None else clock.today()):
        return None
    days = ", ".join(dt.date(2024, 1, d).strftime("%a") for d in settings.working_days)
    return f"{day_words(day, today)} is not one of your working days ({days})"


def placement_label(loop: Loop, placed: Round) -> str:
    """The undo label of storing a round `RoundDraft.place` gave: added, or a planned one
    scheduled. The same words from the app and the command line."""
    if any(r.id == placed.id for r in loop.rounds):
        return f"schedule {placed.label} at {loop.process.title}"
    return f"add {placed.label} to {loop.process.title}"
