"""What the rules answer for a loop: its threads, who owns each, whom to nudge.

Kept apart from the rules themselves (`planner.ownership`, `planner.threads`)
so that the storage, the command line and the app can name these types without
pulling in logic. Plain frozen dataclasses, not pydantic models: the rules
build them from records already validated, and validating them again cost
every command a validator build at its first step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.frozen import built
from planner.models import ContactRole, Owner
from planner.signals import SIGNAL_URGENCY as SIGNAL_URGENCY
from planner.signals import Signal as Signal
from planner.signals import ThreadKind as ThreadKind


@dataclass(frozen=True, kw_only=True)
class Nudge:
    """The person to prompt, or the role when the loop has no such card yet."""

    contact_id: str | None
    name: str
    role: ContactRole


@dataclass(frozen=True, kw_only=True)
class Thread:
    """One line of a loop's story: its state, or a to-do of mine beside it.

    A loop has exactly one STATE thread (whose court the ball is in) and any
    number of to-dos (PROMISE, PACING), always owned by me. A to-do never
    replaces the state: both are threads, each with its own signal.

    `since` is when the ball landed in the owner's court; `waiting_days` counts
    from it to today. `due` is set for my own threads that have a date (a round
    to prepare for, a take-home, an offer deadline, a promise).

    The clock of a state that waits on them (`planner.touches`): `last_touch`
    is the latest touch either way with the company side, `next_nudge` the day
    a follow-up falls due, `expected` the day they said I would hear by. All
    three are None on to-dos; `next_nudge` and `expected` are None on a state
    that is mine or paused.

    `event_id` is the promise a PROMISE thread is about; `about_process_id` the
    loop whose offer deadline a PACING thread passes on.
    """

    process_id: str
    kind: ThreadKind = ThreadKind.STATE
    what: str
    owner: Owner
    overridden: bool = False
    nudge: Nudge | None = None
    since: dt.date
    waiting_days: int
    due: dt.date | None = None
    signal: Signal = Signal.OK
    round_id: str | None = None
    last_touch: dt.date | None = None
    next_nudge: dt.date | None = None
    expected: dt.date | None = None
    event_id: str | None = None
    about_process_id: str | None = None

    @classmethod
    def todo(
        cls,
        process_id: str,
        kind: ThreadKind,
        what: str,
        since: dt.date,
        waiting_days: int,
        due: dt.date | None,
        signal: Signal,
        event_id: str | None = None,
        about_process_id: str | None = None,
    ) -> Thread:
        """A to-do of mine: the same thread as `Thread(owner=Owner.ME, ...)` with the rest left
        at their defaults, built without the frozen dataclass's `__init__` (`planner.frozen`):
        on an archive, `next` builds thousands of pacing to-dos."""
        fields = {
            "process_id": process_id,
            "kind": kind,
            "what": what,
            "owner": Owner.ME,
            "overridden": False,
            "nudge": None,
            "since": since,
            "waiting_days": waiting_days,
            "due": due,
            "signal": signal,
            "round_id": None,
            "last_touch": None,
            "next_nudge": None,
            "expected": None,
            "event_id": event_id,
            "about_process_id": about_process_id,
        }
        return built(cls, fields)

    def for_loop(self, process_id: str, what: str, since: dt.date, waiting_days: int) -> Thread:
        """This to-do as another loop owes it: `dataclasses.replace` with these four
        fields, built without the frozen dataclass's `__init__` (see `todo`).

        A pacing to-do differs from one loop to the next in these alone: the
        board builds one per open deadline and copies it into every open loop.
        """
        fields = self.__dict__.copy()
        fields.update(process_id=process_id, what=what, since=since, waiting_days=waiting_days)
        return built(type(self), fields)

    def urgency_key(self) -> tuple[int, dt.date, int]:
        """Sort key: worst signal first, then earliest due, then longest wait."""
        return (SIGNAL_URGENCY[self.signal], self.due or dt.date.max, -self.waiting_days)


# A loop's state thread: what the board, `list` and the exports call its next step.
NextStep = Thread
