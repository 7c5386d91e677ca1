"""What the main screen's header and loop list show, as plain values.

`tui.board` computes these from the models and the rules. Neither the widgets
that draw them nor this module import pydantic or the models, so the main
screen's first frame comes before those load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.signals import Owner, Signal


@dataclass(frozen=True)
class Summary:
    """The header's answer to "how is my search going"."""

    active: int
    on_me: int
    on_recruiter: int
    on_hiring_manager: int
    cooling: int
    todos: int
    """My open to-dos (promises, deadlines to pass on), counted apart from the loops."""
    today: dt.date


@dataclass(frozen=True)
class RowView:
    """One line of the loops pane: what it says, not how it was worked out."""

    process_id: str
    company: str
    role: str
    stage: str
    closed: bool
    owner: Owner | None
    """Who owns the next step; None for a closed loop."""
    overridden: bool
    waiting_days: int
    signal: Signal | None
    next_step: str = ""
    """The state's what and whom to nudge; empty for a closed loop."""
    todos: int = 0
    """My open to-dos beside the state."""
