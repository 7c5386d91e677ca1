"""A loop's stage as one spreadsheet word, and back.

Spreadsheets keep one "Stage" (or "Status") column per row. The export writes
the word a person would type there (what the board's Stage column says: one
rule, `planner.stage.stage_of`), and the import reads the words people
actually type ("Phone Screen", "OA", "Interviewing", "Ghosted", "Accepted!",
"In Progress (not sent yet)") back into a loop state. The two directions live
together so that anything the export writes, the import reads back to the
same state.

A word no rule knows is not an error: the row is still a loop, at "applied",
and the reading says the word was not understood so the importer can keep it
as a note and warn. Refusing a whole tracker over one home-made status is
what made spreadsheets impossible to bring in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from planner.models import ROUND_KIND_LABELS, CloseReason, DecidedBy, Loop, ProcessStatus, RoundKind
from planner.roundwords import ROUND_ALIASES
from planner.stage import stage_of

GHOSTED_NOTE = "Marked as ghosted in the spreadsheet: they never replied"


class _Word(Enum):
    """Meanings that are neither a round kind, a close reason nor a status."""

    NOT_SENT = "not sent"
    GHOSTED = "ghosted"


_Meaning = RoundKind | CloseReason | ProcessStatus | _Word

# Whole cells (lower case, trailing ! . * stripped) a keyword would read wrong.
_EXACT: dict[str, _Meaning] = {
    "oa": RoundKind.TAKEHOME,
    "in progress": _Word.NOT_SENT,
}
# Words inside a longer stage text, tried in order (the first match wins).
_KEYWORDS: tuple[tuple[str, _Meaning], ...] = (
    ("not sent", _Word.NOT_SENT),
    ("not applied", _Word.NOT_SENT),
    ("not submitted", _Word.NOT_SENT),
    ("to apply", _Word.NOT_SENT),
    ("wishlist", _Word.NOT_SENT),
    ("ghost", _Word.GHOSTED),
    ("no response", _Word.GHOSTED),
    ("no reply", _Word.GHOSTED),
    ("reject", CloseReason.REJECTED),
    ("declin", CloseReason.DECLINED),
    ("accept", CloseReason.ACCEPTED),
    ("withdr", CloseReason.WITHDREW),
    ("hold", ProcessStatus.ON_HOLD),
    ("paused", ProcessStatus.ON_HOLD),
    ("negotiat", RoundKind.NEGOTIATION),
    ("offer", RoundKind.OFFER),
    ("take", RoundKind.TAKEHOME),
    ("assessment", RoundKind.TAKEHOME),
    ("hackerrank", RoundKind.TAKEHOME),
    ("codesignal", RoundKind.TAKEHOME),
    ("onsite", RoundKind.ONSITE),
    ("panel", RoundKind.ONSITE),
    ("final", RoundKind.ONSITE),
    ("superday", RoundKind.ONSITE),
    ("hiring", RoundKind.HM),
    ("manager", RoundKind.HM),
    ("screen", RoundKind.SCREEN),
    ("phone", RoundKind.SCREEN),
    ("recruiter", RoundKind.SCREEN),
    ("tech", RoundKind.TECH),
    ("coding", RoundKind.TECH),
    ("design", RoundKind.TECH),
    ("interview", RoundKind.OTHER),
    ("submit", RoundKind.APPLIED),
    ("appl", RoundKind.APPLIED),
)
# Who ends a loop for each reason: I accept, decline or withdraw; the company rejects.
_CLOSED_BY: dict[CloseReason, DecidedBy] = {
    CloseReason.REJECTED: DecidedBy.UNKNOWN,
    CloseReason.WITHDREW: DecidedBy.ME,
    CloseReason.ACCEPTED: DecidedBy.ME,
    CloseReason.DECLINED: DecidedBy.ME,
}


@dataclass(frozen=True)
class StageReading:
    """What a stage word says: the round the loop is at, or how it ended or paused.

    `sent` is False for an application still being written: sending it is my
    step. `known` is False for a word no rule reads (the loop stays at
    "applied"). `note` is a line for the loop's log that the state alone
    cannot say ("ghosted" is a rejection nobody sent).
    """

    kind: RoundKind = RoundKind.APPLIED
    status: ProcessStatus = ProcessStatus.ACTIVE
    close_reason: CloseReason | None = None
    sent: bool = True
    known: bool = True
    note: str = ""

    @property
    def closed_by(self) -> DecidedBy | None:
        """Who ended the loop, as far as the word says."""
        return None if self.close_reason is None else _CLOSED_BY[self.close_reason]


def stage_text(loop: Loop, today: dt.date) -> str:
    """The Stage cell: the board's own rule (`planner.stage.stage_of`), so both say the same."""
    return stage_of(loop, today)


def read_stage(text: str) -> StageReading:
    """The state a typed stage names; an empty cell means applied.

    An unknown word reads as applied with `known` False, so the caller can keep
    the word and say so instead of refusing the row.
    """
    word = " ".join(text.replace("_", " ").casefold().split())
    if not word:
        return StageReading()
    exact = {**{v.casefold(): k for k, v in ROUND_KIND_LABELS.items()}, **ROUND_ALIASES}
    bare = word.rstrip("!.* ")
    if bare in exact:
        return StageReading(kind=exact[bare])
    if bare == "closed":
        return StageReading(status=ProcessStatus.CLOSED)
    if bare in _EXACT:
        return _reading(_EXACT[bare])
    for key, meaning in _KEYWORDS:
        if key in word:
            return _reading(meaning)
    return StageReading(known=False)


def _reading(meaning: _Meaning) -> StageReading:
    if meaning == _Word.NOT_SENT:
        return StageReading(sent=False)
    if meaning == _Word.GHOSTED:
        return StageReading(
            status=ProcessStatus.CLOSED, close_reason=CloseReason.REJECTED, note=GHOSTED_NOTE
        )
    if isinstance(meaning, RoundKind):
        return StageReading(kind=meaning)
    if isinstance(meaning, CloseReason):
        return StageReading(status=ProcessStatus.CLOSED, close_reason=meaning)
    assert isinstance(meaning, ProcessStatus)
    return StageReading(status=meaning)
