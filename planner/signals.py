"""Who owns a next step and how a loop is doing: the words every layer shares.

Kept apart from the pydantic models (`planner.models`, `planner.steps`, which
re-export them) so that the app can draw its first screen, badges and signal
colours included, before pydantic and the models are imported.
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
    COOLING: waiting on them for long enough that the loop is probably going cold.
    FOLLOW_UP: waiting on them for about a week: time for a polite nudge.
    DUE_SOON: my own step falls due within a couple of days.
    RACING: they answered fast; a good sign worth seeing.
    OK: nothing to worry about.
    PAUSED: the loop is on hold.
    """

    OVERDUE = "overdue"
    COOLING = "cooling"
    FOLLOW_UP = "follow_up"
    DUE_SOON = "due_soon"
    RACING = "racing"
    OK = "ok"
    PAUSED = "paused"


SIGNAL_URGENCY: dict[Signal, int] = {
    Signal.OVERDUE: 0,
    Signal.COOLING: 1,
    Signal.FOLLOW_UP: 2,
    Signal.DUE_SOON: 3,
    Signal.RACING: 4,
    Signal.OK: 5,
    Signal.PAUSED: 6,
}
