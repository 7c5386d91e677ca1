"""What the rules answer for a loop: its next step, who owns it, whom to nudge.

Kept apart from the rules themselves (`planner.ownership`) so that the storage,
the command line and the app can name these types without pulling in logic.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from planner.models import ContactRole, Owner


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


class Nudge(BaseModel):
    """The person to prompt, or the role when the loop has no such card yet."""

    model_config = ConfigDict(frozen=True)

    contact_id: str | None
    name: str
    role: ContactRole


class NextStep(BaseModel):
    """The one thing that moves a loop forward now.

    `since` is when the ball landed in the owner's court; `waiting_days` counts
    from it to today. `due` is set for my own steps that have a date (a round to
    prepare for, a take-home, an offer deadline, a promise).
    """

    model_config = ConfigDict(frozen=True)

    process_id: str
    what: str
    owner: Owner
    overridden: bool = False
    nudge: Nudge | None = None
    since: dt.date
    waiting_days: int
    due: dt.date | None = None
    signal: Signal = Signal.OK
    round_id: str | None = None

    def urgency_key(self) -> tuple[int, dt.date, int]:
        """Sort key: worst signal first, then earliest due, then longest wait."""
        return (SIGNAL_URGENCY[self.signal], self.due or dt.date.max, -self.waiting_days)
