"""A round took place, and how it went (`done`, the app's `d`).

Which round: the one named, else `planner.rounds.done_round` (the round the
loop is at), the same for the command line and the app. A date is never
rewritten silently: a round dated after today needs the day it really took
place, and a past date stays unless another one is given.
"""

from __future__ import annotations

import datetime as dt

from planner.changes.base import Patch, Refused, pick, update
from planner.dates import day_words
from planner.models import DecidedBy, Loop, Outcome, Round, RoundKind, RoundStatus
from planner.rounds import done_round


def round_to_mark(loop: Loop, today: dt.date, round_id: str | None = None) -> Round:
    """The round `mark_done` would mark: for a form's title before it asks anything."""
    title = loop.process.title
    if round_id is not None:
        found = pick(loop.rounds, round_id, "round")
    else:
        target = done_round(loop, today)
        if target is None:
            raise Refused(f"{title} has no open round; add one first", "round")
        found = target
    if found.kind == RoundKind.APPLIED:
        raise Refused("the application is not a round to mark done", "round")
    if found.status == RoundStatus.CANCELLED:
        raise Refused(f"the {found.label.lower()} at {title} was cancelled", "round")
    return found


def mark_done(
    loop: Loop,
    today: dt.date,
    round_id: str | None = None,
    outcome: Outcome = Outcome.PENDING,
    on: dt.date | None = None,
    by: DecidedBy | None = None,
) -> Patch:
    """Mark the round done on `on` (default: its date, or today when it has none).

    A round that already took place gets its outcome (`set_outcome`); asking
    again for "done, pending" on it is a refusal rather than a silent no-op.
    """
    target = round_to_mark(loop, today, round_id)
    title = loop.process.title
    if target.status == RoundStatus.DONE:
        if outcome == Outcome.PENDING and on is None and by is None:
            raise Refused(
                f"the {target.label.lower()} at {title} took place on {_day(target.date, today)}; "
                "give its outcome (passed or rejected)",
                "outcome",
            )
        return set_outcome(loop, today, target.id, outcome, by=by, on=on)
    took_place = _took_place(target, today, on)
    writes = update(
        target,
        status=RoundStatus.DONE,
        date=took_place,
        outcome=outcome,
        outcome_on=None if outcome == Outcome.PENDING else today,
        decided_by=by if by is not None else target.decided_by,
    )
    summary = f"{target.label} at {title}: done on {day_words(took_place, today)}, {outcome.value}"
    return Patch(f"{target.label} done at {title}", writes, summary, focus=target.id)


def set_outcome(
    loop: Loop,
    today: dt.date,
    round_id: str,
    outcome: Outcome,
    by: DecidedBy | None = None,
    on: dt.date | None = None,
) -> Patch:
    """The decision on a round that took place (or a correction of its date with `on`)."""
    target = pick(loop.rounds, round_id, "round")
    title = loop.process.title
    if target.status != RoundStatus.DONE:
        raise Refused(f"the {target.label.lower()} at {title} has not taken place yet", "outcome")
    took_place = target.date if on is None else _took_place(target, today, on)
    changed = outcome != target.outcome
    writes = update(
        target,
        date=took_place,
        outcome=outcome,
        outcome_on=(None if outcome == Outcome.PENDING else today)
        if changed
        else target.outcome_on,
        decided_by=by if by is not None else target.decided_by,
    )
    summary = f"{target.label} at {title}: done on {_day(took_place, today)}, {outcome.value}"
    return Patch(f"{target.label} outcome at {title}", writes, summary, focus=target.id)


def _took_place(target: Round, today: dt.date, on: dt.date | None) -> dt.date:
    if on is not None:
        if on > today:
            raise Refused(
                f"a round cannot have taken place on {day_words(on, today)}, after today", "date"
            )
        return on
    if target.date is None:
        return today
    if target.date > today:
        raise Refused(
            f"the {target.label.lower()} is dated {_day(target.date, today)}, after today; "
            "say on which day it took place",
            "date",
        )
    return target.date


def _day(day: dt.date | None, today: dt.date) -> str:
    return day_words(day, today) if day is not None else "an unknown day"
