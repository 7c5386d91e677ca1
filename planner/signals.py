"""Who owns a next step, how a loop is doing, what a thread is: the words every layer shares.

Kept apart from the records (`planner.models`, `planner.steps`, which re-export
them) so that the app can draw its first screen, badges and signal colours
included, before the records and the rules are imported.
"""

from __future__ import annotations

from enum import StrEnum


class Owner(StrEnum):
    """Who has the ball for the next step of a loop."""

    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    ME = "me"

    @property
    def label(self) -> str:
        return OWNER_LABELS[self]


OWNER_LABELS: dict[Owner, str] = {
    Owner.RECRUITER: "Recruiter",
    Owner.HIRING_MANAGER: "Hiring manager",
    Owner.ME: "Me",
}


class Signal(StrEnum):
    """How a loop is doing, most urgent first in `SIGNAL_URGENCY`.

    OVERDUE: my own step is past its due date.
    MISSED: they named a date for their answer, it passed (counting working
        days), and nothing came since: a polite nudge is due. Ranked above
        COOLING: it is as much a worry, and it comes with a line to write.
    COOLING: waiting on them for long enough that the loop is probably going cold.
    FOLLOW_UP: waiting on them for about a week: time for a polite nudge.
    DUE_TODAY: my own step falls due today.
    DUE_SOON: my own step falls due within `due_soon_days` (after today).
    RACING: they answered fast; a good sign worth seeing.
    OK: nothing to worry about.
    PAUSED: the loop is on hold.
    """

    OVERDUE = "overdue"
    MISSED = "missed"
    COOLING = "cooling"
    FOLLOW_UP = "follow_up"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    RACING = "racing"
    OK = "ok"
    PAUSED = "paused"


SIGNAL_URGENCY: dict[Signal, int] = {
    Signal.OVERDUE: 0,
    Signal.MISSED: 1,
    Signal.COOLING: 2,
    Signal.FOLLOW_UP: 3,
    Signal.DUE_TODAY: 4,
    Signal.DUE_SOON: 5,
    Signal.RACING: 6,
    Signal.OK: 7,
    Signal.PAUSED: 8,
}


class ThreadKind(StrEnum):
    """What a thread of a loop is: its one state, or a to-do of mine beside it.

    STATE: whose court the ball is in (recruiter, hiring manager or me).
    PROMISE: something I said I would do (a thank-you note, a write-up), open until done.
    PACING: telling this loop's recruiter about another loop's offer deadline.
    """

    STATE = "state"
    PROMISE = "promise"
    PACING = "pacing"
