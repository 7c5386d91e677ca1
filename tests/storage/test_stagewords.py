"""The status words real trackers use, read as loop states; unknown words are kept, not refused."""

from __future__ import annotations

import pytest

from planner.models import CloseReason, DecidedBy, ProcessStatus, RoundKind
from storage.stagewords import GHOSTED_NOTE, StageReading, read_stage

ACTIVE = ProcessStatus.ACTIVE
CLOSED = ProcessStatus.CLOSED


@pytest.mark.parametrize(
    ("word", "kind", "status", "reason"),
    [
        ("Submitted", RoundKind.APPLIED, ACTIVE, None),
        ("Interviewing", RoundKind.OTHER, ACTIVE, None),
        ("Phone Screen", RoundKind.SCREEN, ACTIVE, None),
        ("OA", RoundKind.TAKEHOME, ACTIVE, None),
        ("Online Assessment", RoundKind.TAKEHOME, ACTIVE, None),
        ("Offer", RoundKind.OFFER, ACTIVE, None),
        ("Accepted!", RoundKind.APPLIED, CLOSED, CloseReason.ACCEPTED),
        ("Rejected ", RoundKind.APPLIED, CLOSED, CloseReason.REJECTED),
        ("Withdrawn", RoundKind.APPLIED, CLOSED, CloseReason.WITHDREW),
        ("Ghosted", RoundKind.APPLIED, CLOSED, CloseReason.REJECTED),
        ("Technical", RoundKind.TECH, ACTIVE, None),
        ("On hold", RoundKind.APPLIED, ProcessStatus.ON_HOLD, None),
    ],
)
def test_tracker_words(
    word: str, kind: RoundKind, status: ProcessStatus, reason: CloseReason | None
) -> None:
    reading = read_stage(word)
    assert (reading.kind, reading.status, reading.close_reason) == (kind, status, reason)
    assert reading.known and reading.sent


def test_who_closed_a_loop_follows_the_word() -> None:
    assert read_stage("Accepted!").closed_by == DecidedBy.ME
    assert read_stage("Withdrawn").closed_by == DecidedBy.ME
    assert read_stage("Rejected").closed_by == DecidedBy.UNKNOWN
    assert read_stage("Ghosted").note == GHOSTED_NOTE


def test_an_application_not_sent_yet_is_not_an_application() -> None:
    for word in ("In Progress (not sent yet)", "In progress", "Not applied yet"):
        reading = read_stage(word)
        assert not reading.sent and reading.status == ACTIVE, word


def test_an_unknown_word_is_applied_and_says_so() -> None:
    assert read_stage("Waitlisted") == StageReading(known=False)
    assert read_stage("") == StageReading()
    # "oa" inside a word is not an online assessment.
    assert read_stage("Board meeting").known is False
