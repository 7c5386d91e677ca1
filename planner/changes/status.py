"""Pause a loop, or bring it back (`hold`, `resume`, the app's edit form).

A loop on hold (a hiring freeze, my own pause) stops raising follow-up and
cooling signals; resuming also reopens a closed loop, clearing how it ended.
"""

from __future__ import annotations

import datetime as dt

from planner.changes.base import Patch, Refused, update
from planner.models import Loop, ProcessStatus


def hold_loop(loop: Loop, today: dt.date) -> Patch:
    """Put an active loop on hold."""
    process = loop.process
    if process.status != ProcessStatus.ACTIVE:
        state = process.status.value.replace("_", " ")
        raise Refused(f"{process.title} is {state}, not active", "status")
    writes = update(process, status=ProcessStatus.ON_HOLD)
    return Patch(f"hold {process.title}", writes, f"{process.title} is on hold", focus=process.id)


def resume_loop(loop: Loop, today: dt.date) -> Patch:
    """Make a loop on hold, or a closed one, active again."""
    process = loop.process
    if process.status == ProcessStatus.ACTIVE:
        raise Refused(f"{process.title} is already active", "status")
    writes = update(
        process,
        status=ProcessStatus.ACTIVE,
        close_reason=None,
        closed_by=None,
        closed_on=None,
    )
    summary = f"{process.title} is active again"
    return Patch(f"resume {process.title}", writes, summary, focus=process.id)
