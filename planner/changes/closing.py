"""Close a loop, and who made the call (`close`, the app's close form).

Who decided matters: a rejection by the hiring manager before their own call
reads differently from one by the panel, and the next loop's prep should know.
"""

from __future__ import annotations

import datetime as dt

from planner.changes.base import Patch, Refused, update
from planner.dates import day_words
from planner.models import CloseReason, DecidedBy, Loop, ProcessStatus

DEFAULT_DECIDER: dict[CloseReason, DecidedBy] = {
    CloseReason.REJECTED: DecidedBy.UNKNOWN,
    CloseReason.WITHDREW: DecidedBy.ME,
    CloseReason.ACCEPTED: DecidedBy.ME,
    CloseReason.DECLINED: DecidedBy.ME,
}
"""When the user does not say who decided, the reason usually does."""


def close_loop(
    loop: Loop,
    today: dt.date,
    reason: CloseReason,
    by: DecidedBy | None = None,
    on: dt.date | None = None,
) -> Patch:
    """End the loop on `on` (default today); `by` defaults from the reason."""
    process = loop.process
    if process.status == ProcessStatus.CLOSED:
        raise Refused(f"{process.title} is already closed; 'loopdeck resume' reopens it")
    closed_on = today if on is None else on
    if closed_on > today:
        raise Refused(
            f"a loop cannot be closed on {day_words(closed_on, today)}, after today", "closed_on"
        )
    decider = by if by is not None else DEFAULT_DECIDER[reason]
    writes = update(
        process,
        status=ProcessStatus.CLOSED,
        close_reason=reason,
        closed_by=decider,
        closed_on=closed_on,
    )
    summary = f"Closed {process.title}: {reason.value} (by {decider.value.replace('_', ' ')})"
    return Patch(f"close {process.title}", writes, summary, focus=process.id)
