"""A loop's stage as one spreadsheet word, and back.

Spreadsheets keep one "Stage" (or "Status") column per row. The export writes
the word a person would type there, and the import reads the words people
actually type ("Phone screen", "Onsite", "Rejected", "On hold") back into a
loop state. The two directions live together so that anything the export
writes, the import reads back to the same state.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.models import (
    ROUND_KIND_LABELS,
    CloseReason,
    Loop,
    ProcessStatus,
    RoundKind,
    RoundStatus,
)
from planner.quickadd import ROUND_ALIASES

ON_HOLD = "On hold"
CLOSED_WORDS: dict[CloseReason, str] = {
    CloseReason.REJECTED: "Rejected",
    CloseReason.WITHDREW: "Withdrew",
    CloseReason.ACCEPTED: "Accepted",
    CloseReason.DECLINED: "Declined",
}
# Words inside a longer stage text, tried in order (the first match wins).
_KEYWORDS: tuple[tuple[str, RoundKind | CloseReason | ProcessStatus], ...] = (
    ("reject", CloseReason.REJECTED),
    ("declin", CloseReason.DECLINED),
    ("accept", CloseReason.ACCEPTED),
    ("withdr", CloseReason.WITHDREW),
    ("hold", ProcessStatus.ON_HOLD),
    ("paused", ProcessStatus.ON_HOLD),
    ("negotiat", RoundKind.NEGOTIATION),
    ("offer", RoundKind.OFFER),
    ("take", RoundKind.TAKEHOME),
    ("onsite", RoundKind.ONSITE),
    ("panel", RoundKind.ONSITE),
    ("final", RoundKind.ONSITE),
    ("hiring", RoundKind.HM),
    ("manager", RoundKind.HM),
    ("screen", RoundKind.SCREEN),
    ("phone", RoundKind.SCREEN),
    ("recruiter", RoundKind.SCREEN),
    ("tech", RoundKind.TECH),
    ("coding", RoundKind.TECH),
    ("design", RoundKind.TECH),
    ("interview", RoundKind.OTHER),
    ("appl", RoundKind.APPLIED),
)
# How far a loop got: a planned screen after an offer does not move it back.
_STAGE_ORDER = [RoundKind.OTHER, *(k for k in RoundKind if k != RoundKind.OTHER)]
KNOWN_WORDS = "applied, screen, hm, tech, take-home, onsite, offer, rejected, withdrew, on hold"


@dataclass(frozen=True)
class StageReading:
    """What a stage word says: the round the loop is at, or how it ended or paused."""

    kind: RoundKind = RoundKind.APPLIED
    status: ProcessStatus = ProcessStatus.ACTIVE
    close_reason: CloseReason | None = None


def stage_text(loop: Loop) -> str:
    """One word or label: how the loop ended, that it is paused, or the furthest stage reached."""
    process = loop.process
    if process.status == ProcessStatus.CLOSED:
        return (
            CLOSED_WORDS.get(process.close_reason, "Closed") if process.close_reason else "Closed"
        )
    if process.status == ProcessStatus.ON_HOLD:
        return ON_HOLD
    reached = [r.kind for r in loop.rounds if r.status != RoundStatus.CANCELLED]
    furthest = max(reached, key=_STAGE_ORDER.index, default=RoundKind.APPLIED)
    return ROUND_KIND_LABELS[furthest]


def read_stage(text: str) -> StageReading | None:
    """The state a typed stage names; an empty cell means applied; None when unknown."""
    word = " ".join(text.replace("_", " ").casefold().split())
    if not word:
        return StageReading()
    exact = {**{v.casefold(): k for k, v in ROUND_KIND_LABELS.items()}, **ROUND_ALIASES}
    if word in exact:
        return StageReading(kind=exact[word])
    if word == "closed":
        return StageReading(status=ProcessStatus.CLOSED)
    for key, meaning in _KEYWORDS:
        if key in word:
            return _reading(meaning)
    return None


def _reading(meaning: RoundKind | CloseReason | ProcessStatus) -> StageReading:
    if isinstance(meaning, RoundKind):
        return StageReading(kind=meaning)
    if isinstance(meaning, CloseReason):
        return StageReading(status=ProcessStatus.CLOSED, close_reason=meaning)
    return StageReading(status=meaning)
