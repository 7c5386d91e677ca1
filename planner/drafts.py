"""A short message to the right person, written from the loop's own context.

Who gets it, by kind (the recruiter is the candidate's day-to-day contact,
and the one who can prod a slow hiring manager):
  - nudge: the recruiter, about what the loop waits on and for how long;
  - thanks: after the latest round that took place, the hiring manager when
    it was their interview and I have their card, else the recruiter, naming
    the interviewers;
  - deadline: the recruiter, about another loop's open offer deadline;
  - withdraw, accept, decline: the recruiter.
`to` (part of a name) picks anyone else of the loop: a card, or an
interviewer named on a round.

The words come from `planner.draftwords` (defaults, or the user's own
template); this module works out the values. Nothing here reads files or
the clock: the caller passes today, the template text, the deadlines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.draftwords import DEFAULT_TEMPLATES, VALUE_NAMES, DraftKind, render
from planner.models import (
    Contact,
    ContactRole,
    Event,
    EventKind,
    Loop,
    Owner,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.ownership import next_step
from planner.pacing import Deadline
from planner.steps import NextStep, Thread, ThreadKind


class DraftError(ValueError):
    """No such draft can be written for this loop; the sentence says why."""


@dataclass(frozen=True)
class Recipient:
    """Whom the draft is for: a card of the loop, or a name alone (an interviewer)."""

    name: str
    email: str = ""
    contact_id: str | None = None

    @property
    def address(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


@dataclass(frozen=True)
class Draft:
    """A message ready to copy: recipient, subject, body, and what it is about."""

    kind: DraftKind
    process_id: str
    to: Recipient
    subject: str
    body: str
    about_process_id: str | None = None

    @property
    def text(self) -> str:
        return f"To: {self.to.address}\nSubject: {self.subject}\n\n{self.body}"

    def sent_event(self, on: dt.date) -> Event:
        """The SENT touch that logs this draft; a deadline draft also counts as "told"."""
        return Event(
            process_id=self.process_id,
            on=on,
            kind=EventKind.SENT,
            text=f"Sent ({self.kind.value}): {self.subject}",
            contact_id=self.to.contact_id,
            about_process_id=self.about_process_id,
        )


def write_draft(
    loop: Loop,
    kind: DraftKind,
    today: dt.date,
    *,
    settings: Settings | None = None,
    deadlines: Sequence[Deadline] = (),
    about: str | None = None,
    to: str | None = None,
    template: str | None = None,
    template_name: str = "",
) -> Draft:
    """The draft of `kind` for `loop`; `about` picks the deadline's loop for a deadline draft.

    `deadlines` are the open offer deadlines of all loops (`pacing.open_deadlines`);
    `template` replaces the default words of this kind.
    """
    # The loop's own state, without the pacing steps other loops' deadlines add.
    step = next_step(loop, today, settings)
    values = _base_values(loop, step, today)
    deadline = None
    if kind == DraftKind.NUDGE:
        if step is None or (step.owner == Owner.ME and not step.overridden):
            what = step.what if step else "the loop is closed"
            raise DraftError(f"{loop.process.title} waits on me ({what}); nobody to nudge")
    elif kind == DraftKind.THANKS:
        values |= _round_values(_latest_round(loop, today))
    elif kind == DraftKind.DEADLINE:
        deadline = _deadline(loop, deadlines, about)
        values |= {
            "other_company": deadline.company,
            "deadline": spoken_date(deadline.deadline),
            "days_left": _days_words(max(0, (deadline.deadline - today).days)),
        }
    elif kind in (DraftKind.ACCEPT, DraftKind.DECLINE) and not _has_offer(loop):
        raise DraftError(f"{loop.process.title} has no offer to {kind.value}")
    recipient = _recipient(loop, kind, today, to)
    values |= {"to_name": recipient.name, "to_first": recipient.name.split()[0]}
    if kind == DraftKind.THANKS:
        values["interviewers"] = _people(_latest_round(loop, today).interviewers, recipient)
    name = template_name or f"the {kind.value} template"
    subject, body = render(template or DEFAULT_TEMPLATES[kind], values, name)
    about_id = deadline.process_id if deadline else None
    return Draft(kind, loop.process.id, recipient, subject, body, about_id)


def suggested_kind(loop: Loop, thread: Thread | None, today: dt.date) -> DraftKind:
    """The draft a thread calls for: deadline for a pacing to-do, thanks for a promise,
    a nudge while the loop waits on them; on me, accept once there is an offer, else
    thanks once a round took place."""
    if thread is not None and thread.kind == ThreadKind.PACING:
        return DraftKind.DEADLINE
    if thread is not None and thread.kind == ThreadKind.PROMISE:
        return DraftKind.THANKS
    if thread is None or thread.owner != Owner.ME or thread.overridden:
        return DraftKind.NUDGE
    if _has_offer(loop):
        return DraftKind.ACCEPT
    try:
        _latest_round(loop, today)
    except DraftError:
        return DraftKind.NUDGE
    return DraftKind.THANKS


def spoken_date(day: dt.date) -> str:
    """A date as a message says it: 'Tuesday, March 10'."""
    return f"{day:%A}, {day:%B} {day.day}"


def _base_values(loop: Loop, step: NextStep | None, today: dt.date) -> dict[str, str]:
    values = dict.fromkeys(VALUE_NAMES, "")
    values |= {
        "company": loop.process.company,
        "role": loop.process.role,
        "steps_left": _steps_left(loop),
    }
    if step is not None:
        waited = max(0, (today - step.since).days)
        values |= {
            "topic": _topic(loop, step),
            "waited": _days_words(waited),
            "days_waited": str(waited),
            "since": spoken_date(step.since),
        }
        r = _round(loop, step.round_id)
        if r is not None and r.kind != RoundKind.APPLIED:
            values |= _round_values(r)
    return values


def _topic(loop: Loop, step: NextStep) -> str:
    """What the loop waits on, as the middle of a sentence."""
    r = _round(loop, step.round_id)
    if r is None or r.kind == RoundKind.APPLIED:
        return f"my application for the {loop.process.role} role"
    label = r.label.lower()
    if r.kind == RoundKind.NEGOTIATION:
        return "the offer terms we discussed"
    if r.status == RoundStatus.PLANNED and r.date is None:
        return f"scheduling the {label}"
    if r.date is not None:
        return f"my {label} on {spoken_date(r.date)}"
    return f"the {label}"


def _round_values(r: Round) -> dict[str, str]:
    return {
        "round": r.label.lower(),
        "round_date": spoken_date(r.date) if r.date else "",
        "interviewers": _people(r.interviewers),
    }


def _people(names: Sequence[str], recipient: Recipient | None = None) -> str:
    """'Priya Rao and Sam Wu'; the recipient among them is 'you'; nobody named is 'the team'."""
    mine = recipient.name.casefold() if recipient else None
    others = [n for n in names if n.casefold() != mine]
    people = (["you"] if len(others) < len(names) else []) + others
    if not people:
        return "the team"
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]


def _latest_round(loop: Loop, today: dt.date) -> Round:
    """The latest round that took place: done, or dated today or earlier."""
    happened = [
        r
        for r in loop.timeline()
        if r.kind not in (RoundKind.APPLIED, RoundKind.OFFER, RoundKind.NEGOTIATION)
        and r.status != RoundStatus.CANCELLED
        and (r.status == RoundStatus.DONE or (r.date is not None and r.date <= today))
    ]
    if not happened:
        raise DraftError(f"no round of {loop.process.title} has taken place yet")
    return happened[-1]


def _deadline(loop: Loop, deadlines: Sequence[Deadline], about: str | None) -> Deadline:
    others = [d for d in deadlines if d.process_id != loop.process.id]
    if about is not None:
        others = [d for d in others if d.process_id == about]
        if not others:
            raise DraftError("that loop has no open offer deadline")
    if not others:
        raise DraftError("no other loop has an open offer deadline")
    return min(others, key=lambda d: d.deadline)


def _has_offer(loop: Loop) -> bool:
    return any(
        r.kind in (RoundKind.OFFER, RoundKind.NEGOTIATION) and r.status != RoundStatus.CANCELLED
        for r in loop.rounds
    )


def _recipient(loop: Loop, kind: DraftKind, today: dt.date, to: str | None) -> Recipient:
    if to is not None:
        return _named(loop, to)
    if kind == DraftKind.THANKS and _latest_round(loop, today).kind == RoundKind.HM:
        manager = loop.contact(ContactRole.HIRING_MANAGER)
        if manager is not None:
            return _card(manager)
    recruiter = loop.contact(ContactRole.RECRUITER)
    if recruiter is None:
        raise DraftError(
            f"{loop.process.title} has no recruiter card; add one or say whom with --to"
        )
    return _card(recruiter)


def _named(loop: Loop, name: str) -> Recipient:
    """The one card (or interviewer named on a round) whose name contains `name`."""
    wanted = " ".join(name.casefold().split())
    cards = [c for c in loop.contacts if wanted in c.name.casefold()]
    carded = {c.name.casefold() for c in loop.contacts}
    interviewers = sorted(
        {
            n
            for r in loop.rounds
            for n in r.interviewers
            if wanted in n.casefold() and n.casefold() not in carded
        }
    )
    found = [_card(c) for c in cards] + [Recipient(n) for n in interviewers]
    if len(found) == 1:
        return found[0]
    known = ", ".join(c.name for c in loop.contacts) or "none yet"
    problem = "matches several people" if found else "matches nobody"
    raise DraftError(f"'{name}' {problem} in {loop.process.title} (contacts: {known})")


def _card(contact: Contact) -> Recipient:
    return Recipient(contact.name, contact.email, contact.id)


def _round(loop: Loop, round_id: str | None) -> Round | None:
    return next((r for r in loop.rounds if r.id == round_id), None)


def _days_words(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def _steps_left(loop: Loop) -> str:
    """The loop's rounds still to come, in words: what a deadline asks to speed up."""
    labels = [
        r.label.lower()
        for r in loop.timeline()
        if r.kind not in (RoundKind.APPLIED, RoundKind.OFFER, RoundKind.NEGOTIATION)
        and r.status in (RoundStatus.PLANNED, RoundStatus.SCHEDULED)
    ]
    return f"the steps still ahead ({_people(labels)})" if labels else "the remaining steps"
