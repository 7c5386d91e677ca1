"""The state of a loop: whose court the ball is in, since when, whom to nudge.

A loop has one state (this module) and any number of to-dos of mine beside it
(`planner.threads`): a to-do never replaces or hides the state.

The state follows where the loop is. Mine (owner "me", no one to nudge):
  - an offer not yet answered: "Decide on the offer" by its deadline;
  - a take-home not yet delivered: due = the round's date;
  - a round with a date today or later: "Prepare for <round> on <date>";
  - the latest round rejected me: I close the loop, knowing who made the call;
  - the offer is answered: I close the loop.
When several of these hold, the one due first is the state (undated last).

Otherwise the latest round (cancelled rounds ignored) says whose court it is:
  - a negotiation under way: the recruiter leads it;
  - a round planned without a date: the recruiter schedules it;
  - a round that took place (its date is past, or it is done) with no outcome:
    the hiring manager decides, and the recruiter is the one to nudge, because
    the recruiter can keep prompting the hiring manager and I cannot;
  - the latest round passed: the recruiter schedules the next step;
  - only the application (or nothing yet): the recruiter screens it.
A manual owner override wins over all of this: it keeps the step, changes the owner.

Signals: a state of mine past due is OVERDUE, due today DUE_TODAY, due within
`due_soon_days` DUE_SOON. A state waiting on them runs on the clock of `planner.touches`:
MISSED (their promised date passed), COOLING (their silence), FOLLOW_UP (no
touch for `follow_up_days`). A latest round passed within `racing_days` of
taking place is RACING when nothing worse applies; a loop on hold is PAUSED.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from planner.dates import day_words
from planner.models import (
    ContactRole,
    DecidedBy,
    Loop,
    Outcome,
    Owner,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.steps import Nudge, Signal, Thread
from planner.touches import Clock, touches, waiting_clock

_ROLE_OF_OWNER: dict[Owner, ContactRole] = {
    Owner.RECRUITER: ContactRole.RECRUITER,
    Owner.HIRING_MANAGER: ContactRole.HIRING_MANAGER,
}
_FALLBACK_NAMES: dict[ContactRole, str] = {
    ContactRole.RECRUITER: "the recruiter",
    ContactRole.HIRING_MANAGER: "the hiring manager",
}
_DECIDERS: dict[DecidedBy | None, str] = {
    DecidedBy.ME: "me",
    DecidedBy.RECRUITER: "the recruiter",
    DecidedBy.HIRING_MANAGER: "the hiring manager",
    DecidedBy.PANEL: "the panel",
    DecidedBy.UNKNOWN: "the company",
    None: "the company",
}


# Read once: an enum member's lookup is slow, and `next_step` asks these of every round
# of every open loop.
_CLOSED, _ON_HOLD = ProcessStatus.CLOSED, ProcessStatus.ON_HOLD
_CANCELLED, _DONE = RoundStatus.CANCELLED, RoundStatus.DONE
_OFFER, _TAKEHOME, _NEGOTIATION = RoundKind.OFFER, RoundKind.TAKEHOME, RoundKind.NEGOTIATION


@dataclass
class _Step:
    """A candidate state before the choice, the override and the signal."""

    what: str
    owner: Owner
    since: dt.date
    due: dt.date | None = None
    round_id: str | None = None
    nudge_role: ContactRole | None = None


def next_step(loop: Loop, today: dt.date, settings: Settings | None = None) -> Thread | None:
    """The loop's state (its STATE thread), or None for a closed loop."""
    settings = settings if settings is not None else Settings.unchecked()
    process = loop.process
    if process.status == _CLOSED:
        return None
    rounds = [r for r in loop.timeline() if r.status != _CANCELLED]
    on_hold = process.status == _ON_HOLD
    step = _on_hold(loop, today) if on_hold else _choose(loop, rounds, today)
    override = process.owner_override
    if override is not None:
        step = replace(step, owner=override, nudge_role=_ROLE_OF_OWNER.get(override))
    waiting_days = max(0, (today - step.since).days)
    waiting_on_them = not on_hold and step.owner != Owner.ME
    clock = waiting_clock(loop, step.since, today, settings) if waiting_on_them else None
    signal = Signal.PAUSED if on_hold else _signal(step, clock, rounds, today, settings)
    return Thread(
        process_id=process.id,
        what=_missed(loop, step.what, clock, today),
        owner=step.owner,
        overridden=override is not None,
        nudge=_nudge(loop, step),
        since=step.since,
        waiting_days=waiting_days,
        due=step.due,
        signal=signal,
        round_id=step.round_id,
        last_touch=clock.last_touch if clock else touches(loop, today).last,
        next_nudge=clock.next_nudge if clock else None,
        expected=clock.expected if clock else None,
    )


def next_steps(
    loops: Iterable[Loop], today: dt.date, settings: Settings | None = None
) -> list[Thread]:
    """The state of every open loop, most urgent first (to-dos: `planner.threads`)."""
    steps = (next_step(loop, today, settings) for loop in loops)
    return sorted((s for s in steps if s is not None), key=Thread.urgency_key)


def due_signal(due: dt.date | None, today: dt.date, settings: Settings) -> Signal | None:
    """How a thread of mine with this due date is doing: OVERDUE, DUE_TODAY, DUE_SOON, or None."""
    if due is None:
        return None
    if due < today:
        return Signal.OVERDUE
    if due == today:
        return Signal.DUE_TODAY
    if (due - today).days <= settings.due_soon_days:
        return Signal.DUE_SOON
    return None


def _on_hold(loop: Loop, today: dt.date) -> _Step:
    """A paused loop: nothing moves until the recruiter says it does."""
    what = "On hold: check back with the recruiter"
    return _waiting(what, _last_activity(loop, today), None)


def _choose(loop: Loop, rounds: list[Round], today: dt.date) -> _Step:
    """A round of mine due first if there is one, else whoever the latest round waits on."""
    state = _state_step(loop, rounds, today)
    mine = [*_my_rounds(rounds, today)]
    if state.owner == Owner.ME:
        mine.append(state)
    return min(mine, key=_due_first) if mine else state


def _due_first(step: _Step) -> tuple[dt.date, dt.date]:
    return (step.due or dt.date.max, step.since)


def _my_rounds(rounds: list[Round], today: dt.date) -> Iterable[_Step]:
    """The rounds that put the ball in my court: offers, take-homes, rounds to prepare for."""
    for r in rounds:
        if not _is_mine(r, today):
            continue
        if r.kind == RoundKind.OFFER:
            yield _Step("Decide on the offer", Owner.ME, r.date or r.created_on, r.deadline, r.id)
        elif r.kind == RoundKind.TAKEHOME:
            yield _Step("Deliver the take-home", Owner.ME, r.created_on, r.date, r.id)
        elif r.date is not None:  # always so: `_is_mine` takes other rounds only when dated
            what = f"Prepare for {r.label} on {day_words(r.date, today)}"
            yield _Step(what, Owner.ME, r.created_on, r.date, r.id)


def _is_mine(r: Round, today: dt.date) -> bool:
    """A round that `_my_rounds` covers, so it says nothing about who else acts."""
    if r.status == _DONE:
        return False
    kind = r.kind
    if kind in (_OFFER, _TAKEHOME):
        return True
    return kind != _NEGOTIATION and r.date is not None and r.date >= today


def _state_step(loop: Loop, rounds: list[Round], today: dt.date) -> _Step:
    """What the latest round not already on my plate says about the loop."""
    if not rounds:
        return _screening(loop.process.created_on, None)
    last = rounds[-1]
    if _is_mine(last, today):
        return _state_step(loop, rounds[:-1], today)
    if last.kind == RoundKind.APPLIED and last.outcome == Outcome.PENDING:
        return _screening(last.date or last.created_on, last.id)
    if last.status != RoundStatus.DONE:
        if last.kind == RoundKind.NEGOTIATION:
            what = "Negotiation: the recruiter works out the terms with the hiring manager"
            return _waiting(what, last.date or last.created_on, last.id)
        if last.date is None:
            return _waiting(f"Schedule the {last.label.lower()}", last.created_on, last.id)
        return _awaiting_decision(last, last.date)
    happened = last.outcome_on or last.date or last.created_on
    if last.outcome == Outcome.REJECTED:
        what = f"Close the loop: rejected by {_DECIDERS[last.decided_by]}"
        return _Step(what, Owner.ME, happened, round_id=last.id)
    if last.kind in (RoundKind.OFFER, RoundKind.NEGOTIATION):
        return _Step("Close the loop: the offer is answered", Owner.ME, happened, round_id=last.id)
    if last.outcome == Outcome.PENDING:
        return _awaiting_decision(last, last.date or happened)
    return _waiting("Schedule the next step", happened, last.id)


def _screening(since: dt.date, round_id: str | None) -> _Step:
    return _waiting("Waiting for a reply to the application", since, round_id)


def _waiting(what: str, since: dt.date, round_id: str | None) -> _Step:
    """A step the recruiter owns: screening, scheduling, negotiating."""
    return _Step(what, Owner.RECRUITER, since, None, round_id, ContactRole.RECRUITER)


def _awaiting_decision(r: Round, since: dt.date) -> _Step:
    """The hiring manager decides; the recruiter is the one who can prod them."""
    what = f"Waiting for a decision on the {r.label.lower()}"
    return _Step(what, Owner.HIRING_MANAGER, since, None, r.id, ContactRole.RECRUITER)


def _last_activity(loop: Loop, today: dt.date) -> dt.date:
    """The latest date anything happened in the loop: how long it has been on hold."""
    dates = [loop.process.created_on, *(e.on for e in loop.events)]
    for r in loop.rounds:
        dates += [d for d in (r.date, r.outcome_on) if d is not None]
    return max((d for d in dates if d <= today), default=loop.process.created_on)


def _nudge(loop: Loop, step: _Step) -> Nudge | None:
    """The card to prompt for this step, or the role's name when the loop has no card."""
    if step.owner == Owner.ME or step.nudge_role is None:
        return None
    contact = loop.contact(step.nudge_role)
    if contact is None:
        return Nudge(contact_id=None, name=_FALLBACK_NAMES[step.nudge_role], role=step.nudge_role)
    return Nudge(contact_id=contact.id, name=contact.name, role=contact.role)


def _missed(loop: Loop, what: str, clock: Clock | None, today: dt.date) -> str:
    """The state's words, led by whose promise lapsed when one did."""
    if clock is None or clock.promised_by is None or clock.expected is None:
        return what
    contact = loop.contact_by_id(clock.promised_by.contact_id)
    who = contact.name if contact is not None else "the company"
    lapsed = f"No word from {who} by {day_words(clock.expected, today)} as promised"
    return f"{lapsed}; {what[:1].lower()}{what[1:]}"


def _signal(
    step: _Step, clock: Clock | None, rounds: list[Round], today: dt.date, settings: Settings
) -> Signal:
    """How the loop is doing, worst first; racing only shows when nothing is wrong."""
    worry = clock.worry if clock is not None else due_signal(step.due, today, settings)
    if worry is not None:
        return worry
    return Signal.RACING if _racing(rounds, settings) else Signal.OK


def _racing(rounds: list[Round], settings: Settings) -> bool:
    """The latest decision was a pass that came within `racing_days` of the round."""
    done = [r for r in rounds if r.status == _DONE]
    if not done:
        return False
    last = done[-1]
    if last.outcome != Outcome.PASSED or last.outcome_on is None or last.date is None:
        return False
    return (last.outcome_on - last.date).days <= settings.racing_days
