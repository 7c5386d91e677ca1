"""Rounds: which one `done` means, marking it, outcomes, adding, moving, cancelling,
deleting; and the one stage rule."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import TODAY, day
from changehelp import a_round, acme, fields_written, played, round_of

from planner.changes.base import Insert, Refused, Remove
from planner.changes.done import mark_done, round_to_mark, set_outcome
from planner.changes.rounds import add_round, cancel_round, delete_round, move_round
from planner.models import (
    CloseReason,
    DecidedBy,
    Loop,
    Outcome,
    ProcessStatus,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.ownership import next_step
from planner.quickadd import parse_round
from planner.rounds import done_round
from planner.stage import stage_of


def with_rounds(*rounds: object) -> Loop:
    return acme().model_copy(update={"rounds": [acme().rounds[0], *rounds]})


def test_done_marks_a_round_due_now_at_its_own_date() -> None:
    loop = with_rounds(a_round(RoundKind.SCREEN, RoundStatus.SCHEDULED, -3))
    patch = mark_done(loop, TODAY, outcome=Outcome.REJECTED, by=DecidedBy.HIRING_MANAGER)
    screen = round_of(played(loop, patch), "screen")
    assert (screen.status, screen.date, screen.outcome, screen.outcome_on) == (
        RoundStatus.DONE,
        day(-3),
        Outcome.REJECTED,
        TODAY,
    )
    assert screen.decided_by == DecidedBy.HIRING_MANAGER
    assert patch.summary == "Recruiter screen at Acme / ML Engineer: done on Fri 13 Mar, rejected"


def test_done_never_rewrites_a_date_after_today_without_being_told() -> None:
    loop = acme()  # the HM interview is in two days
    with pytest.raises(Refused) as refused:
        mark_done(loop, TODAY)
    assert str(refused.value) == (
        "the hiring-manager interview is dated Wed 18 Mar, after today; "
        "say on which day it took place"
    )
    assert refused.value.field == "date"
    moved_up = played(loop, mark_done(loop, TODAY, on=day(-1)))
    assert round_of(moved_up, "hm").date == day(-1)


def test_done_on_a_day_after_today_is_refused() -> None:
    with pytest.raises(Refused, match="cannot have taken place on Tue 17 Mar, after today"):
        mark_done(acme(), TODAY, on=day(1))


def test_an_undated_round_is_done_today() -> None:
    loop = with_rounds(a_round(RoundKind.TECH, RoundStatus.PLANNED, None))
    assert round_of(played(loop, mark_done(loop, TODAY)), "tech").date == TODAY


def test_the_round_a_loop_is_at_prefers_a_decision_over_a_round_ahead() -> None:
    """The app's d and the command line: one rule, whatever the outcome about to be given."""
    loop = with_rounds(
        a_round(RoundKind.ONSITE, RoundStatus.DONE, -2),
        a_round(RoundKind.OFFER, RoundStatus.SCHEDULED, 5),
    )
    assert done_round(loop, TODAY) == round_of(loop, "onsite")
    assert round_to_mark(loop, TODAY).id == "onsite"
    patch = mark_done(loop, TODAY, outcome=Outcome.PASSED)
    onsite = round_of(played(loop, patch), "onsite")
    assert (onsite.outcome, onsite.date, onsite.outcome_on) == (Outcome.PASSED, day(-2), TODAY)
    assert fields_written(patch) == {"onsite": frozenset({"outcome", "outcome_on"})}


def test_done_again_without_an_outcome_is_refused_not_ignored() -> None:
    loop = with_rounds(a_round(RoundKind.ONSITE, RoundStatus.DONE, -2))
    with pytest.raises(Refused) as refused:
        mark_done(loop, TODAY)
    assert "took place on Sat 14 Mar; give its outcome" in str(refused.value)
    assert refused.value.field == "outcome"


@pytest.mark.parametrize(
    ("loop", "sentence"),
    [
        (with_rounds(), "Acme / ML Engineer has no open round; add one first"),
        (
            with_rounds(a_round(RoundKind.TECH, RoundStatus.CANCELLED, -1)),
            "Acme / ML Engineer has no open round; add one first",
        ),
    ],
)
def test_nothing_to_mark_is_one_sentence(loop: Loop, sentence: str) -> None:
    with pytest.raises(Refused, match=sentence):
        mark_done(loop, TODAY)


def test_a_named_cancelled_round_or_the_application_cannot_be_done() -> None:
    loop = with_rounds(a_round(RoundKind.TECH, RoundStatus.CANCELLED, -1))
    with pytest.raises(Refused, match="was cancelled"):
        mark_done(loop, TODAY, "tech")
    with pytest.raises(Refused, match="the application is not a round to mark done"):
        mark_done(loop, TODAY, "applied")


def test_set_outcome_only_on_a_round_that_took_place() -> None:
    loop = acme()
    with pytest.raises(Refused, match="has not taken place yet"):
        set_outcome(loop, TODAY, "hm", Outcome.PASSED)
    patch = set_outcome(loop, TODAY, "screen", Outcome.REJECTED, by=DecidedBy.PANEL)
    screen = round_of(played(loop, patch), "screen")
    assert (screen.outcome, screen.decided_by, screen.outcome_on) == (
        Outcome.REJECTED,
        DecidedBy.PANEL,
        TODAY,
    )


def test_add_round_schedules_the_planned_round_of_its_kind() -> None:
    loop = acme()
    patch = add_round(loop, TODAY, parse_round("tech on:fri at:14:00", TODAY), Settings())
    assert fields_written(patch) == {"tech": frozenset({"status", "date", "time"})}
    assert (
        patch.summary
        == "Scheduled the planned Technical interview on Fri 20 Mar at Acme / ML Engineer"
    )
    assert patch.label == "schedule Technical interview at Acme / ML Engineer"


def test_add_round_adds_a_new_one_with_a_note_on_a_day_off() -> None:
    patch = add_round(acme(), TODAY, parse_round("onsite on:sat", TODAY), Settings())
    (write,) = patch.writes
    assert isinstance(write, Insert)
    assert patch.summary == "Added Onsite / panel on Sat 21 Mar to Acme / ML Engineer"
    assert patch.notes == ("Sat 21 Mar is not one of your working days (Mon, Tue, Wed, Thu, Fri)",)


def test_move_keeps_the_round_and_its_time_unless_given() -> None:
    loop = acme().model_copy(
        update={
            "rounds": [
                *acme().rounds[:2],
                a_round(RoundKind.HM, RoundStatus.SCHEDULED, 2, time=dt.time(14)),
            ]
        }
    )
    patch = move_round(loop, TODAY, "hm", day(7))
    assert fields_written(patch) == {"hm": frozenset({"date"})}
    assert (
        patch.summary
        == "Moved the hiring-manager interview at Acme / ML Engineer to Mon 23 Mar at 14:00"
    )
    timed = move_round(loop, TODAY, "hm", day(7), dt.time(9, 30))
    assert round_of(played(loop, timed), "hm").time == dt.time(9, 30)


def test_move_a_planned_round_schedules_it() -> None:
    loop = acme()
    patch = move_round(loop, TODAY, "tech", day(3))
    assert round_of(played(loop, patch), "tech").status == RoundStatus.SCHEDULED
    assert patch.label == "schedule Technical interview at Acme / ML Engineer"


def test_move_to_the_same_day_writes_nothing() -> None:
    patch = move_round(acme(), TODAY, "hm", day(2))
    assert patch.empty
    assert "already on Wed 18 Mar; nothing changed" in patch.summary


@pytest.mark.parametrize(
    ("round_id", "date", "field", "sentence"),
    [
        ("hm", -1, "date", "cannot move a round to Sun 15 Mar, before today"),
        ("screen", 3, "round", "took place on Fri 06 Mar; 'done --on DATE' corrects that date"),
        ("applied", 1, "applied_on", "the application cannot be dated Tue 17 Mar, after today"),
    ],
)
def test_move_refusals(round_id: str, date: int, field: str, sentence: str) -> None:
    with pytest.raises(Refused) as refused:
        move_round(acme(), TODAY, round_id, day(date))
    assert sentence in str(refused.value)
    assert refused.value.field == field


def test_move_the_application_follows_the_application_date_rule() -> None:
    loop = acme()
    patch = move_round(loop, TODAY, "applied", day(-28))
    assert round_of(played(loop, patch), "applied").date == day(-28)


def test_a_cancelled_round_stays_in_the_timeline_and_stops_counting() -> None:
    loop = acme()
    assert next_step(loop, TODAY) is not None
    cancelled = played(loop, cancel_round(loop, TODAY, "hm"))
    assert round_of(cancelled, "hm").status == RoundStatus.CANCELLED
    step = next_step(cancelled, TODAY)
    assert step is not None and step.round_id != "hm"
    with pytest.raises(Refused, match="already cancelled"):
        cancel_round(cancelled, TODAY, "hm")
    with pytest.raises(Refused, match="cannot be cancelled"):
        cancel_round(loop, TODAY, "screen")


def test_delete_round_is_a_tombstone_but_never_the_application() -> None:
    loop = acme()
    patch = delete_round(loop, TODAY, "tech")
    assert patch.writes == (Remove(round_of(loop, "tech")),)
    with pytest.raises(Refused, match="the application opens the loop"):
        delete_round(loop, TODAY, "applied")


def test_a_round_deleted_meanwhile_is_a_refusal() -> None:
    with pytest.raises(Refused, match="no longer there"):
        move_round(acme(), TODAY, "gone", day(3))


@pytest.mark.parametrize(
    ("loop", "stage"),
    [
        (acme(), "Hiring-manager interview"),  # the next round ahead
        (with_rounds(a_round(RoundKind.SCREEN, RoundStatus.DONE, -4)), "Recruiter screen"),
        (
            with_rounds(
                a_round(RoundKind.SCREEN, RoundStatus.DONE, -4, outcome=Outcome.PASSED),
                a_round(RoundKind.HM, RoundStatus.PLANNED, None),
            ),
            "Hiring-manager interview",
        ),
        (with_rounds(), "Applied"),
        (acme(status=ProcessStatus.ON_HOLD), "On hold"),
        (
            acme(
                status=ProcessStatus.CLOSED,
                close_reason=CloseReason.REJECTED,
                closed_on=TODAY,
            ),
            "Rejected",
        ),
    ],
)
def test_the_stage_is_where_the_loop_stands(loop: Loop, stage: str) -> None:
    assert stage_of(loop, TODAY) == stage
