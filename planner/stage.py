"""A loop's stage in one word or label: the board's Stage column and the exports' alike.

How a closed loop ended ("Rejected"), that a loop is paused ("On hold"), that
its application is not sent yet ("Not applied yet"), else the round the loop is
at (`planner.rounds.done_round`: a round due now, else the one awaiting its
outcome, else the next one ahead), else the last round that took place, else
"Applied". The words are also what a spreadsheet's Stage column holds, so
`storage.stagewords.read_stage` reads every one of them back.
"""

from __future__ import annotations

import datetime as dt

from planner.models import (
    ROUND_KIND_LABELS,
    CloseReason,
    Loop,
    ProcessStatus,
    RoundKind,
    RoundStatus,
)
from planner.rounds import round_at

ON_HOLD = "On hold"
NOT_SENT = "Not applied yet"
CLOSED = "Closed"
CLOSED_WORDS: dict[CloseReason, str] = {
    CloseReason.REJECTED: "Rejected",
    CloseReason.WITHDREW: "Withdrew",
    CloseReason.ACCEPTED: "Accepted",
    CloseReason.DECLINED: "Declined",
}

# Read once: an enum member's lookup is slow, and the board asks for every loop's stage.
_CLOSED, _ON_HOLD = ProcessStatus.CLOSED, ProcessStatus.ON_HOLD
_CANCELLED, _PLANNED, _DONE = RoundStatus.CANCELLED, RoundStatus.PLANNED, RoundStatus.DONE
_APPLIED = RoundKind.APPLIED


def stage_of(loop: Loop, today: dt.date) -> str:
    """Where the loop stands (see the module doc)."""
    process = loop.process
    if process.status == _CLOSED:
        return CLOSED_WORDS[process.close_reason] if process.close_reason else CLOSED
    if process.status == _ON_HOLD:
        return ON_HOLD
    live = [r for r in loop.rounds if r.status != _CANCELLED]
    if live and all(r.kind == _APPLIED and r.status == _PLANNED for r in live):
        return NOT_SENT
    timeline = loop.timeline()
    at = round_at(timeline, today)
    if at is not None:
        return at.label
    held = [r for r in timeline if r.status == _DONE]
    return held[-1].label if held else ROUND_KIND_LABELS[_APPLIED]
