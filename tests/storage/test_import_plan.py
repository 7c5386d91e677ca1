"""The import plan on its own: what a row becomes before anything is written."""

from __future__ import annotations

from builders import TODAY

from planner.models import EventKind, RoundKind, RoundStatus
from storage.importer import plan_import


def test_unquoted_commas_in_a_last_notes_column_stay_in_the_note() -> None:
    plan = plan_import(
        "Company,Role,Notes\nAcme,Engineer,call Ann, then Bob, maybe Cy\n", [], TODAY, "s.csv"
    )
    assert [n.process.notes for n in plan.new] == ["call Ann, then Bob, maybe Cy"]
    assert plan.warnings == []


def test_cells_past_the_last_column_are_a_warning_when_notes_is_not_last() -> None:
    plan = plan_import("Company,Notes,Role\nAcme,hi,Engineer,extra\n", [], TODAY, "s.csv")
    assert len(plan.new) == 1
    assert [str(w) for w in plan.warnings] == ["line 2: 1 cells past the last column left out"]


def test_every_ignored_column_is_named_even_without_a_header() -> None:
    plan = plan_import("Company,,Role,Pay,Time\nAcme,x,Engineer,1,2pm\n", [], TODAY, "s.csv")
    assert plan.ignored == ["column 2 (no header)", "Pay", "Time"]


def test_not_sent_yet_is_a_planned_application_and_my_promise() -> None:
    plan = plan_import(
        "Company,Role,Status,Date\nAcme,Engineer,In Progress (not sent yet),3/20\n",
        [],
        TODAY,
        "s.csv",
    )
    (loop,) = plan.new
    (applied,) = loop.rounds
    assert (applied.kind, applied.status, applied.date) == (
        RoundKind.APPLIED,
        RoundStatus.PLANNED,
        None,
    )
    (promise,) = loop.events
    assert (promise.kind, promise.text, promise.due) == (
        EventKind.PROMISE,
        "Send the application",
        None,
    )


def test_a_next_interview_in_a_closed_loop_is_left_out_with_a_warning() -> None:
    plan = plan_import(
        "Company,Role,Status,Next Interview\nAcme,Engineer,Rejected,2026-03-20\n",
        [],
        TODAY,
        "s.csv",
    )
    assert [r.kind for r in plan.new[0].rounds] == [RoundKind.APPLIED]
    assert [str(w) for w in plan.warnings] == [
        "line 2: next interview Fri 20 Mar left out: the loop is closed"
    ]
