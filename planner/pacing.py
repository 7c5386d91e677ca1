"""Deadline pacing: an offer deadline in one loop speeds up every other loop.

When a loop has an open offer with a deadline, the other companies can only
hurry if their recruiter knows, and early. So every other *active* loop gets a
to-do of mine, beside its state (`planner.threads`): "Tell <recruiter> about
the <Company> deadline (N days left)".

Where a deadline comes from: an open `Offer` record (verbal, written,
negotiating) with a deadline, or an OFFER round not yet done or cancelled with
a deadline (a loop may have either). The earliest one per loop counts, and
only while it is today or later: a passed deadline no longer paces anything.

"Told" is explicit, never guessed from free text: an `Event` of kind SENT in
the other loop whose `about_process_id` is the offer's loop and whose date is
on or after the day the offer arrived. A newer offer (received later) asks
again. `told_event` builds exactly such an event, so the command line
(`loopdeck told`) and the app (`T`) log the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.dates import day_words
from planner.models import (
    ContactRole,
    Event,
    EventKind,
    Loop,
    ProcessStatus,
    RoundKind,
    RoundStatus,
)
from planner.offers import Offer


@dataclass
class Deadline:
    """One loop's offer deadline that the other loops should hear about."""

    process_id: str
    company: str
    deadline: dt.date
    received_on: dt.date


@dataclass
class Reminder:
    """A pacing to-do in one loop, before `planner.threads` makes it a PACING thread."""

    what: str
    since: dt.date
    due: dt.date
    about_process_id: str


def open_deadlines(
    loops: Iterable[Loop], offers: Iterable[Offer], today: dt.date
) -> list[Deadline]:
    """The earliest open offer deadline (today or later) of each open loop, soonest first."""
    closed = ProcessStatus.CLOSED  # read once: an enum member's lookup is slow
    open_loops = {loop.process.id: loop for loop in loops if loop.process.status != closed}
    found: dict[str, Deadline] = {}
    candidates = [*_from_offers(offers, open_loops), *_from_rounds(open_loops.values())]
    for candidate in candidates:
        if candidate.deadline < today:
            continue
        known = found.get(candidate.process_id)
        if known is None or candidate.deadline < known.deadline:
            found[candidate.process_id] = candidate
    return sorted(found.values(), key=lambda d: (d.deadline, d.company.casefold()))


def reminders(loop: Loop, deadlines: Sequence[Deadline], today: dt.date) -> list[Reminder]:
    """What this loop's recruiter still has to hear about other loops' deadlines."""
    name = recruiter_name(loop)
    created_on = loop.process.created_on
    return [
        Reminder(
            what=notice.what(name),
            since=notice.since(created_on),
            due=notice.deadline.deadline,
            about_process_id=notice.deadline.process_id,
        )
        for notice in (Notice.of(d, today) for d in untold(loop, deadlines))
    ]


@dataclass(frozen=True)
class Notice:
    """One open deadline as the other loops' recruiters are to hear about it.

    Its words depend on the deadline and today alone, so the board works them
    out once per deadline rather than once per loop and deadline: it tells
    every open loop about every open deadline, thousands of to-dos on an archive.
    """

    deadline: Deadline
    about: str
    """What the recruiter is told about: "the Acme deadline (3 days left)"."""

    @classmethod
    def of(cls, deadline: Deadline, today: dt.date) -> Notice:
        return cls(
            deadline, f"the {deadline.company} deadline ({days_left(deadline.deadline, today)})"
        )

    def what(self, recruiter: str) -> str:
        """The to-do's words in a loop whose recruiter is called so."""
        return f"Tell {recruiter} about {self.about}"

    def since(self, created_on: dt.date) -> dt.date:
        """Since when a loop created on that day has owed the telling: a loop started after
        the offer came has waited only since it started."""
        received_on = self.deadline.received_on
        return received_on if received_on >= created_on else created_on


def untold(loop: Loop, deadlines: Sequence[Deadline]) -> list[Deadline]:
    """The other loops' deadlines this loop's recruiter has not heard about; none unless active."""
    if loop.process.status != ProcessStatus.ACTIVE:
        return []
    latest = _latest_told(loop)
    pid = loop.process.id
    if not latest:  # told about no loop at all: every other loop's deadline
        return [d for d in deadlines if d.process_id != pid]
    return [d for d in deadlines if d.process_id != pid and not _told_since(latest, d)]


def told_event(loop: Loop, deadline: Deadline, on: dt.date) -> Event:
    """The SENT touch to this loop's recruiter that names the loop with the deadline.

    Its `about_process_id` is what `told` looks for; the text is for the person
    reading the log later.
    """
    recruiter = loop.contact(ContactRole.RECRUITER)
    return Event(
        process_id=loop.process.id,
        on=on,
        kind=EventKind.SENT,
        text=(
            f"Told {recruiter_name(loop)} about the {deadline.company} offer deadline"
            f" ({day_words(deadline.deadline, on)})"
        ),
        contact_id=recruiter.id if recruiter else None,
        about_process_id=deadline.process_id,
    )


def told_label(loop: Loop, deadline: Deadline) -> str:
    """The undo label of a `told_event` write: the same words from the app and the command line."""
    return f"told {loop.process.title} about {deadline.company}"


def told(loop: Loop, deadline: Deadline) -> bool:
    """This loop logged telling its contact about that deadline since the offer came."""
    return _told_since(_latest_told(loop), deadline)


def _latest_told(loop: Loop) -> dict[str, dt.date]:
    """The latest day this loop's log says it told its contact about each other loop.

    Read once per loop, not once per deadline: the board asks every open loop
    about every open deadline.
    """
    latest: dict[str, dt.date] = {}
    sent = EventKind.SENT  # read once: an enum member's lookup is slow
    for e in loop.events:
        if e.kind == sent and e.about_process_id is not None:
            known = latest.get(e.about_process_id)
            if known is None or e.on > known:
                latest[e.about_process_id] = e.on
    return latest


def _told_since(latest: dict[str, dt.date], deadline: Deadline) -> bool:
    told_on = latest.get(deadline.process_id)
    return told_on is not None and told_on >= deadline.received_on


def recruiter_name(loop: Loop) -> str:
    """Whom a loop's pacing to-dos name: its recruiter's card, else the role."""
    recruiter = loop.contact(ContactRole.RECRUITER)
    return recruiter.name if recruiter is not None else "the recruiter"


def days_left(deadline: dt.date, today: dt.date) -> str:
    """How close a deadline is, in the words a step shows ("2 days left", "deadline today")."""
    days = (deadline - today).days
    if days == 0:
        return "deadline today"
    return "1 day left" if days == 1 else f"{days} days left"


def _from_offers(offers: Iterable[Offer], loops: dict[str, Loop]) -> Iterable[Deadline]:
    for offer in offers:
        loop = loops.get(offer.process_id)
        if loop is not None and offer.status.is_open and offer.deadline is not None:
            yield Deadline(
                offer.process_id, loop.process.company, offer.deadline, offer.received_on
            )


def _from_rounds(loops: Iterable[Loop]) -> Iterable[Deadline]:
    offer, settled = RoundKind.OFFER, (RoundStatus.DONE, RoundStatus.CANCELLED)  # read once
    for loop in loops:
        for r in loop.rounds:
            if r.kind == offer and r.status not in settled and r.deadline is not None:
                received = r.date or r.created_on
                yield Deadline(loop.process.id, loop.process.company, r.deadline, received)
