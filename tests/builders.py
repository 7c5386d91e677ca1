"""Planner records built for tests: the frozen "today", dates around it, and a loop made of parts.

Most rule tests need a loop (a process with its rounds, cards and log) on a known
day, and each module used to build it with its own copy of the same few lines.
Here is one copy: a test names what matters to it (its rounds, its people, how old
the loop is, its status) and takes the usual rest from here.

Importable as `builders` from every folder of the tests: the tests are not a
package, so pytest puts this folder on `sys.path` when it loads tests/conftest.py,
whether it runs one file or the whole suite over several workers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planner.models import (
    Contact,
    ContactRole,
    Event,
    EventKind,
    Loop,
    Process,
    Round,
    RoundKind,
    RoundStatus,
)

TODAY = dt.date(2026, 3, 16)  # a Monday; tests/conftest.py freezes it for every test


def day(offset: int) -> dt.date:
    """The date `offset` days from TODAY, so that a test reads "three days ago" as day(-3)."""
    return TODAY + dt.timedelta(days=offset)


def recruiter(pid: str, company: str) -> Contact:
    """The loop's recruiter card, named after its company ("Acme Rec")."""
    return Contact(
        id=f"{pid}-rec", process_id=pid, name=f"{company} Rec", role=ContactRole.RECRUITER
    )


def hiring_manager(pid: str, company: str) -> Contact:
    """The loop's hiring manager card, named after its company ("Acme HM")."""
    return Contact(
        id=f"{pid}-hm", process_id=pid, name=f"{company} HM", role=ContactRole.HIRING_MANAGER
    )


def make_loop(
    pid: str,
    company: str,
    *rounds: Round,
    role: str = "ML Engineer",
    created_on: dt.date | None = None,
    contacts: Iterable[Contact] | None = None,
    events: Iterable[Event] = (),
    **process: object,
) -> Loop:
    """A loop `pid` at `company` with these rounds, added a month ago.

    Its people are the recruiter card unless `contacts` says otherwise; any other
    field of the process (a status, an owner override) goes in `process`.
    """
    added = day(-30) if created_on is None else created_on
    fields = {"id": pid, "company": company, "role": role, "created_on": added}
    return Loop(
        process=Process.model_validate({**fields, **process}),
        rounds=list(rounds),
        contacts=[recruiter(pid, company)] if contacts is None else list(contacts),
        events=list(events),
    )


def round_on(
    pid: str, kind: RoundKind, status: RoundStatus, on: int, deadline: dt.date | None = None
) -> Round:
    """A round dated `on` days from today and added to the loop that same day."""
    return Round(
        process_id=pid,
        kind=kind,
        status=status,
        date=day(on),
        deadline=deadline,
        created_on=day(on),
    )


def applied(pid: str, on: int) -> Round:
    """The application, sent `on` days from today."""
    return round_on(pid, RoundKind.APPLIED, RoundStatus.DONE, on)


def held(pid: str, kind: RoundKind, on: int) -> Round:
    """A round that took place `on` days from today, added a week before, no outcome yet."""
    return Round(
        process_id=pid, kind=kind, status=RoundStatus.DONE, date=day(on), created_on=day(on - 7)
    )


def open_offer(pid: str, on: int, deadline: int) -> Round:
    """An offer made `on` days from today, to answer by `deadline` days from today."""
    return round_on(pid, RoundKind.OFFER, RoundStatus.SCHEDULED, on, day(deadline))


def promise(pid: str, text: str, due: int | None, *, on: int = -2, done: bool = False) -> Event:
    """A promise of mine, made `on` days from today, due `due` days from today (or undated)."""
    return Event(
        process_id=pid,
        on=day(on),
        kind=EventKind.PROMISE,
        text=text,
        due=None if due is None else day(due),
        done=done,
    )
