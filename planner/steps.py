"""What the rules answer for a loop: its next step, who owns it, whom to nudge.

Kept apart from the rules themselves (`planner.ownership`) so that the storage,
the command line and the app can name these types without pulling in logic.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from planner.models import ContactRole, Owner
from planner.signals import SIGNAL_URGENCY as SIGNAL_URGENCY
from planner.signals import Signal as Signal


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
