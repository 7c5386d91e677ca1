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
from planner.pacing import Deadline, Notice, open_deadlines, recruiter_name, untold
from planner.projection import Projection, behind
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
    that tell which loops cannot finish before it. Each loop is asked once
    which deadlines it has not passed on, and each deadline's to-do is worded
    once for all loops (`_Pacing`).
    """
    loops = list(loops)
    settings = settings if settings is not None else Settings.unchecked()
    deadlines = open_deadlines(loops, list(offers), today)
    pace = observed_pace(loops, settings) if deadlines else None
    pacing = _Pacing(deadlines, today, settings)
    closed = ProcessStatus.CLOSED  # read once: an enum member's lookup is slow
    found: dict[str, list[Thread]] = {}
    for loop in loops:
        if loop.process.status == closed:  # history for the pace, never asked its log
            found[loop.process.id] = []
            continue
        owed = untold(loop, deadlines)
        # Only a loop with a deadline still to pass on has a pacing to-do to add it to.
        late = behind(loop, today, pace, deadlines) if pace is not None and owed else None
        mine = _promises(loop, today, settings) + pacing.todos(loop, owed, late)
        found[loop.process.id] = _with_state(loop, today, settings, mine)
    return found


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
    return _with_state(loop, today, settings, todos(loop, today, settings, deadlines, projection))


def _with_state(loop: Loop, today: dt.date, settings: Settings, mine: list[Thread]) -> list[Thread]:
    """The loop's state, then my to-dos in it most urgent first; nothing for a closed loop."""
    state = next_step(loop, today, settings)
    if state is None:
        return []
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
    pacing = _Pacing(deadlines, today, settings)
    late = None
    if projection is not None and projection.deadline is not None:
        late = (projection.deadline, projection.offer_on)
    return _promises(loop, today, settings) + pacing.todos(loop, untold(loop, deadlines), late)


def _promises(loop: Loop, today: dt.date, settings: Settings) -> list[Thread]:
    """The promises I logged in this loop and have not kept yet."""
    pid, promise = loop.process.id, EventKind.PROMISE
    return [
        _mine(pid, ThreadKind.PROMISE, e.text, e.on, e.due, today, settings, event_id=e.id)
        for e in loop.events
        if e.kind == promise and not e.done
    ]


class _Pacing:
    """Every open deadline's pacing to-do, worked out once for all the loops it goes to.

    Its words after the recruiter's name, its due date and its signal are the
    same in every loop: each loop only names its recruiter, counts its own
    wait (`Notice.since`) and, when it would finish after the deadline, adds
    why to hurry. On an archive that is thousands of to-dos from a few dozen deadlines.
    """

    def __init__(self, deadlines: Sequence[Deadline], today: dt.date, settings: Settings) -> None:
        self.today = today
        # By identity: `untold` hands back these very deadlines, and two may name one loop.
        self._prepared: dict[int, tuple[Notice, Thread]] = {
            id(d): (Notice.of(d, today), _pacing_todo(d, today, settings)) for d in deadlines
        }

    def todos(
        self, loop: Loop, untold: Sequence[Deadline], late: tuple[Deadline, dt.date] | None
    ) -> list[Thread]:
        """The loop's pacing to-dos, one per deadline of `untold` (`pacing.untold`).

        `late`: the deadline the loop's projected offer comes after first, and that
        offer date (`projection.behind`); that deadline's to-do says why to hurry.
        """
        if not untold:
            return []
        name, pid, created_on = recruiter_name(loop), loop.process.id, loop.process.created_on
        today, prepared = self.today, self._prepared
        late_id, offer_on = (late[0].process_id, late[1]) if late is not None else (None, today)
        found = []
        for deadline in untold:
            notice, prototype = prepared[id(deadline)]
            what = notice.what(name)
            if deadline.process_id == late_id:
                what = _with_speed_up(what, offer_on, today)
            since = notice.since(created_on)
            found.append(prototype.for_loop(pid, what, since, max(0, (today - since).days)))
        return found


def _pacing_todo(deadline: Deadline, today: dt.date, settings: Settings) -> Thread:
    """A deadline's pacing to-do with what is the same in every loop; `Thread.for_loop`
    fills in the rest."""
    return _mine(
        "",
        ThreadKind.PACING,
        "",
        deadline.received_on,
        deadline.deadline,
        today,
        settings,
        about_process_id=deadline.process_id,
    )


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


def _with_speed_up(what: str, offer_on: dt.date, today: dt.date) -> str:
    """A pacing to-do's words, and why to hurry: the loop's offer is projected after that deadline.

    The to-do already names the deadline, so only the projected date is added
    (the offers view and `pace` give the whole `speed_up_note`).
    """
    projected = day_words(offer_on, today)
    return f"{what} and ask them to speed up: an offer here is projected around {projected}"
