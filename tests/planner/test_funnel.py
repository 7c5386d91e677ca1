"""Funnel numbers against a small history computed by hand (see the comments)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.funnel import ReplyStats, StageStats, funnel
from planner.models import (
    CloseReason,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Loop,
    Outcome,
    Process,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
)

START = dt.date(2026, 1, 5)


def d(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def rnd(pid: str, kind: RoundKind, created: int, **fields: Any) -> Round:
    if "date" in fields:
        fields["date"] = d(fields["date"])
    if "outcome_on" in fields:
        fields["outcome_on"] = d(fields["outcome_on"])
    return Round(process_id=pid, kind=kind, created_on=d(created), **fields)


def touch(pid: str, contact: str, kind: EventKind, on: int) -> Event:
    return Event(process_id=pid, contact_id=contact, kind=kind, on=d(on), text="touch")


def process(pid: str, **fields: Any) -> Process:
    return Process(id=pid, company=pid.upper(), role="Engineer", created_on=d(0), **fields)


SENT, RECEIVED = EventKind.SENT, EventKind.RECEIVED
PASSED, REJECTED = Outcome.PASSED, Outcome.REJECTED
DONE = RoundStatus.DONE

# A: rejected after the HM round (its pending outcome counts as a rejection).
LOOP_A = Loop(
    process=process(
        "a", status=ProcessStatus.CLOSED, close_reason=CloseReason.REJECTED, closed_on=d(20)
    ),
    rounds=[
        rnd("a", RoundKind.APPLIED, 0, date=0, status=DONE, outcome=PASSED, outcome_on=3),  # 3 d
        rnd("a", RoundKind.SCREEN, 3, date=5, status=DONE, outcome=PASSED, outcome_on=6),  # 3 d
        rnd("a", RoundKind.HM, 6, date=10, status=DONE),
    ],
    contacts=[
        Contact(id="r1", process_id="a", name="Rae", role=ContactRole.RECRUITER),
        Contact(id="h1", process_id="a", name="Hu", role=ContactRole.HIRING_MANAGER),
    ],
    events=[
        touch("a", "r1", SENT, 1),
        touch("a", "r1", SENT, 2),  # a second nudge: the wait still runs from day 1
        touch("a", "r1", RECEIVED, 4),  # recruiter: 3 days
        touch("a", "r1", SENT, 5),
        touch("a", "r1", RECEIVED, 5),  # recruiter: 0 days
        touch("a", "h1", SENT, 6),
        touch("a", "h1", RECEIVED, 12),  # hiring manager: 6 days
        touch("a", "h1", RECEIVED, 13),  # nothing of mine to answer: no sample
    ],
)
# B: the application was never marked, but a screen followed (a pass); the screen failed.
LOOP_B = Loop(
    process=process("b"),
    rounds=[
        rnd("b", RoundKind.APPLIED, 0, date=0),
        rnd("b", RoundKind.SCREEN, 10, date=12, status=DONE, outcome=REJECTED, outcome_on=13),
    ],
    contacts=[Contact(id="r2", process_id="b", name="Ro", role=ContactRole.RECRUITER)],
    events=[
        touch("b", "r2", SENT, 0),
        touch("b", "r2", RECEIVED, 1),  # recruiter: 1 day
        touch("b", "r2", SENT, 20),  # unanswered: no sample
    ],
)
# C: rejected from the application after a week.
LOOP_C = Loop(
    process=process("c"),
    rounds=[rnd("c", RoundKind.APPLIED, 0, status=DONE, outcome=REJECTED, outcome_on=7)],
)
# D: still waiting on the application; a cancelled tech round is left out entirely.
LOOP_D = Loop(
    process=process("d"),
    rounds=[
        rnd("d", RoundKind.APPLIED, 0, date=0),
        rnd("d", RoundKind.TECH, 2, date=9, status=RoundStatus.CANCELLED),
    ],
)


def test_stage_numbers_match_the_hand_computation() -> None:
    result = funnel([LOOP_A, LOOP_B, LOOP_C, LOOP_D])
    assert result.loops == 4
    assert result.stages == [
        # passed A, B; rejected C; pending D. Days: A 3, C 7 -> median 5.
        StageStats(RoundKind.APPLIED, 2, 1, 1, 2 / 3, 5, 2),
        # passed A (3 days), rejected B (day 10 -> 13: 3 days).
        StageStats(RoundKind.SCREEN, 1, 1, 0, 0.5, 3, 2),
        # A's pending last round in a loop closed as rejected.
        StageStats(RoundKind.HM, 0, 1, 0, 0.0, None, 0),
    ]


def test_reply_times_match_the_hand_computation() -> None:
    result = funnel([LOOP_A, LOOP_B, LOOP_C, LOOP_D])
    assert result.replies == [
        ReplyStats(ContactRole.RECRUITER, 3, 1),  # 3, 0, 1 days
        ReplyStats(ContactRole.HIRING_MANAGER, 1, 6),
    ]


def test_no_history_gives_no_stages_and_no_medians() -> None:
    result = funnel([])
    assert result.stages == []
    assert [r.median_days for r in result.replies] == [None, None]


def test_a_withdrawn_loop_leaves_its_last_round_pending() -> None:
    withdrew = LOOP_A.model_copy(
        update={"process": LOOP_A.process.model_copy(update={"close_reason": CloseReason.WITHDREW})}
    )
    hm = next(s for s in funnel([withdrew]).stages if s.kind == RoundKind.HM)
    assert (hm.rejected, hm.pending, hm.pass_rate) == (0, 1, None)


def offer_loop(pid: str, **fields: Any) -> Loop:
    """A loop that reached an offer round (answered or not)."""
    return Loop(process=process(pid, **fields), rounds=[rnd(pid, RoundKind.OFFER, 5, date=5)])


def test_applied_to_offer_counts_decided_loops_only() -> None:
    accepted = Loop(
        process=process("e", status=ProcessStatus.CLOSED, close_reason=CloseReason.ACCEPTED)
    )
    cancelled = Loop(
        process=process("f"),
        rounds=[rnd("f", RoundKind.OFFER, 5, status=RoundStatus.CANCELLED)],
    )
    result = funnel([LOOP_A, LOOP_B, LOOP_C, LOOP_D, offer_loop("g"), accepted, cancelled])
    # Offers: g (an offer round), e (closed as accepted). Ended: A (rejected). Open: B, C, D, f.
    assert (result.overall.offers, result.overall.ended, result.overall.open) == (2, 1, 4)
    assert result.overall.rate == 2 / 3
    assert result.overall.words() == "67% (2 of 3 decided loops; 4 still open)"


def test_too_few_outcomes_say_so_instead_of_a_rate() -> None:
    result = funnel([LOOP_A, LOOP_B, LOOP_C, LOOP_D])
    applied, screen, hm = result.stages
    assert (applied.rate_words(), applied.enough_data) == ("67%", True)  # 2 of 3 decided
    assert (screen.rate_words(), screen.enough_data) == ("n/a (2 decided)", False)
    assert screen.pass_rate == 0.5  # still computed, for scripts
    assert hm.median_words() == "n/a (0 timed)"
    assert result.replies[0].median_words() == "1 d"  # three replies
    assert result.replies[1].median_words() == "n/a (1 reply)"
    assert result.overall.words() == "n/a (1 decided loop; 3 still open)"


def test_the_offer_ends_the_funnel_and_has_no_pass_through() -> None:
    loops = [offer_loop(pid) for pid in "xyz"]
    for loop in loops:
        loop.rounds[0] = loop.rounds[0].model_copy(
            update={"status": DONE, "outcome": PASSED, "outcome_on": d(8)}
        )
    (stage,) = funnel(loops).stages
    assert (stage.kind, stage.passed, stage.enough_data) == (RoundKind.OFFER, 3, False)
    assert stage.rate_words() == "n/a (the end)"
    assert stage.median_words() == "3 d"
