"""Every thread of every open loop: its state, and my to-dos beside it.

The morning question has two halves: where is each loop (its state: whose
court, since when, whom to nudge; `planner.ownership`), and what do I owe
(to-dos). A to-do is a thread of its own, owned by me, with its own signal;
it never replaces or hides the state, so a loop waiting on the hiring manager
keeps saying so, cooling included, while I still owe its recruiter a word
about another loop's offer deadline.

To-dos of mine:
  - PROMISE: a promise I logged (a thank-you note, a write-up), until done;
  - PACING: telling this loop's recruiter about another loop's open offer
    deadline, until told (`planner.pacing`). When the loop cannot finish
    before that deadline (`planner.projection`: its projected offer date comes
    after it), the to-do says so and asks the recruiter to speed up.
Their signal is OVERDUE past the due date, DUE_TODAY on it, DUE_SOON within
`due_soon_days`, else OK. A manual owner override is about the state: to-dos stay mine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from planner.dates import day_words
from planner.models import EventKind, Loop, ProcessStatus, Settings
from planner.offers import Offer
from planner.ownership import due_signal, next_step
from planner.pace import observed_pace
from planner.pacing import Deadline, open_deadlines, reminders, untold
from planner.projection import Projection, project
from planner.steps import Signal, Thread, ThreadKind


def threads(
    loops: Iterable[Loop],
    today: dt.date,
    settings: Settings | None = None,
    offers: Iterable[Offer] = (),
) -> list[Thread]:
    """Every open loop's state and to-dos, most urgent first; offer deadlines paced in.

    `loops` must hold every open loop: one loop's offer deadline is a to-do in
    every other one. Closed loops may come along: they add no thread, only the
    history the pace of a projection is read from.
    """
    from itertools import chain

    found = threads_by_loop(loops, today, settings, offers)
    return sorted(chain.from_iterable(found.values()), key=Thread.urgency_key)


def threads_by_loop(
    loops: Iterable[Loop],
    today: dt.date,
    settings: Settings | None = None,
    offers: Iterable[Offer] = (),
) -> dict[str, list[Thread]]:
    """Each loop's threads by process id (`loop_threads`; [] for a closed loop).

    The one computation behind `loopdeck next` and the app's board: the
    deadlines of every loop, and, only when there is one, the projections
    that tell which loops cannot finish before it.
    """
    loops = list(loops)
    settings = settings if settings is not None else Settings.unchecked()
    offers = list(offers)
    deadlines = open_deadlines(loops, offers, today)
    pace = observed_pace(loops, settings) if deadlines else None

    def projection(loop: Loop) -> Projection | None:
        """Only a loop with a deadline still to pass on has a pacing to-do to add it to."""
        if pace is None or not untold(loop, deadlines):
            return None
        return project(loop, today, pace, deadlines)

    def of(loop: Loop) -> list[Thread]:
        """A closed loop has no thread: it is history for the pace, never asked its log."""
        if loop.process.status == ProcessStatus.CLOSED:
            return []
        return loop_threads(loop, today, settings, deadlines, projection(loop))

    return {loop.process.id: of(loop) for loop in loops}


def loop_threads(
    loop: Loop,
    today: dt.date,
    settings: Settings,
    deadlines: Sequence[Deadline] = (),
    projection: Projection | None = None,
) -> list[Thread]:
    """One loop's state first, then its to-dos, most urgent first; nothing for a closed loop.

    `deadlines` are all loops' open offer deadlines (`pacing.open_deadlines`);
    `projection` is this loop's (`projection.project`), when known.
    """
    state = next_step(loop, today, settings)
    if state is None:
        return []
    mine = todos(loop, today, settings, deadlines, projection)
    return [state, *sorted(mine, key=Thread.urgency_key)]


def todos(
    loop: Loop,
    today: dt.date,
    settings: Settings,
    deadlines: Sequence[Deadline] = (),
    projection: Projection | None = None,
) -> list[Thread]:
    """What I owe in this loop: open promises, then other loops' deadlines to pass on.

    The deadline the loop's `projection` misses first gets its speed-up sentence.
    """
    if loop.process.status == ProcessStatus.CLOSED:
        return []
    pid = loop.process.id
    found = [
        _mine(pid, ThreadKind.PROMISE, e.text, e.on, e.due, today, settings, event_id=e.id)
        for e in loop.events
        if e.kind == EventKind.PROMISE and not e.done
    ]
    found += [
        _mine(
            pid,
            ThreadKind.PACING,
            _with_speed_up(r.what, r.about_process_id, projection, today),
            r.since,
            r.due,
            today,
            settings,
            about_process_id=r.about_process_id,
        )
        for r in reminders(loop, deadlines, today)
    ]
    return found


def _mine(
    process_id: str,
    kind: ThreadKind,
    what: str,
    since: dt.date,
    due: dt.date | None,
    today: dt.date,
    settings: Settings,
    event_id: str | None = None,
    about_process_id: str | None = None,
) -> Thread:
    return Thread.todo(
        process_id,
        kind,
        what,
        since,
        max(0, (today - since).days),
        due,
        due_signal(due, today, settings) or Signal.OK,
        event_id,
        about_process_id,
    )


def _with_speed_up(what: str, about: str, projection: Projection | None, today: dt.date) -> str:
    """A pacing to-do's words, and why to hurry when the loop would finish after that deadline.

    The to-do already names the deadline, so only the projected date is added
    (the offers view and `pace` give the whole `speed_up_note`).
    """
    if projection is None or projection.deadline is None:
        return what
    if projection.deadline.process_id != about:
        return what
    offer_on = day_words(projection.offer_on, today)
    return f"{what} and ask them to speed up: an offer here is projected around {offer_on}"
