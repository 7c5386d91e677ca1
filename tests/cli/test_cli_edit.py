"""Every editing command on a real data file, read back through `show --json`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from clihelp import Cli

ACME = 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" hm:"Bo Chen <bo@acme.io>" #llm'


def round_of(data: dict[str, Any], kind: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["rounds"] if r["kind"] == kind)
    return found


def shown(cli: Cli, query: str = "acme") -> dict[str, Any]:
    result = cli("show", query, "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


@pytest.fixture
def acme(cli: Cli) -> Cli:
    """A data file with one loop (recruiter and HM cards), applied three weeks ago."""
    result = cli("add", ACME + " on:-3w")
    assert result.code == 0, result.err
    return cli


def test_add_creates_the_loop_with_its_cards(cli: Cli) -> None:
    result = cli("add", ACME + " next:screen on:fri at:14:00")
    assert result.code == 0
    assert result.out.startswith("Added Acme / ML Engineer (id ")
    assert "Next: Prepare for Recruiter screen on Fri 20 Mar (Me)" in result.out
    data = shown(cli)
    assert data["process"]["tags"] == ["llm"]
    assert [(c["name"], c["role"]) for c in data["contacts"]] == [
        ("Ann Lee", "recruiter"),
        ("Bo Chen", "hiring_manager"),
    ]
    assert [(r["kind"], r["status"], r["date"]) for r in data["rounds"]] == [
        ("applied", "done", "2026-03-16"),
        ("screen", "scheduled", "2026-03-20"),
    ]


def test_stage_adds_a_round(acme: Cli) -> None:
    result = acme("stage", "acme", 'tech on:fri at:14:00 with:"Priya Rao"')
    assert result.code == 0
    assert result.out == "Added Technical interview on Fri 20 Mar to Acme / ML Engineer\n"
    tech = round_of(shown(acme), "tech")
    assert (tech["kind"], tech["time"], tech["interviewers"]) == ("tech", "14:00:00", ["Priya Rao"])


def test_done_marks_the_current_round_and_its_decider(acme: Cli) -> None:
    acme("stage", "acme", "screen on:-3d")
    acme("stage", "acme", "hm on:+1w")
    result = acme("done", "acme", "--outcome", "rejected", "--by", "hiring_manager")
    assert result.code == 0
    assert result.out == "Recruiter screen at Acme / ML Engineer: done on Fri 13 Mar, rejected\n"
    screen = round_of(shown(acme), "screen")
    assert screen["status"] == "done"
    assert screen["outcome"] == "rejected"
    assert screen["outcome_on"] == "2026-03-16"
    assert screen["decided_by"] == "hiring_manager"
    assert round_of(shown(acme), "hm")["status"] == "scheduled"  # the HM call is untouched


def test_done_then_decision_updates_the_round_that_took_place(acme: Cli) -> None:
    acme("stage", "acme", "onsite on:-2d")
    assert acme("done", "acme").code == 0
    assert shown(acme)["next"]["owner"] == "hiring_manager"
    acme("stage", "acme", "offer on:+5d")
    assert acme("done", "acme", "--outcome", "passed").code == 0
    data = shown(acme)
    onsite = round_of(data, "onsite")
    assert (onsite["outcome"], onsite["date"], onsite["outcome_on"]) == (
        "passed",
        "2026-03-14",
        "2026-03-16",
    )
    assert round_of(data, "offer")["status"] == "scheduled"


def test_done_on_a_round_ahead_means_it_was_moved_up(acme: Cli) -> None:
    acme("stage", "acme", "tech on:+3d")
    assert acme("done", "acme", "--on", "yesterday").code == 0
    tech = round_of(shown(acme), "tech")
    assert (tech["status"], tech["date"], tech["outcome"]) == ("done", "2026-03-15", "pending")


def test_log_with_a_contact_sets_their_last_touch(acme: Cli) -> None:
    result = acme("log", "acme", "Sent availability", "--with", "ann", "--kind", "sent")
    assert result.code == 0
    data = shown(acme)
    ann = next(c for c in data["contacts"] if c["name"] == "Ann Lee")
    assert ann["last_touch"] == "2026-03-16"
    assert data["events"][0]["kind"] == "sent"


def test_log_with_a_due_date_is_a_promise_a_todo_beside_the_state(acme: Cli) -> None:
    assert acme("log", "acme", "Thank-you note to Bo", "--due", "tomorrow").code == 0
    data = shown(acme)
    assert data["events"][0]["kind"] == "promise"
    assert data["events"][0]["due"] == "2026-03-17"
    assert data["next"]["owner"] == "recruiter"  # the application still waits on them
    (todo,) = data["todos"]
    assert (todo["kind"], todo["owner"], todo["what"], todo["due"]) == (
        "promise",
        "me",
        "Thank-you note to Bo",
        "2026-03-17",
    )


def test_close_records_reason_and_decider(acme: Cli) -> None:
    result = acme("close", "acme", "--reason", "rejected", "--by", "hiring_manager")
    assert result.code == 0
    process = shown(acme)["process"]
    assert (process["status"], process["close_reason"], process["closed_by"]) == (
        "closed",
        "rejected",
        "hiring_manager",
    )
    assert process["closed_on"] == "2026-03-16"
    assert shown(acme)["next"] is None


def test_close_by_me_is_the_default_for_a_decline(acme: Cli) -> None:
    acme("close", "acme", "--reason", "declined")
    assert shown(acme)["process"]["closed_by"] == "me"


def test_hold_pauses_and_resume_reopens(acme: Cli) -> None:
    assert acme("hold", "acme").code == 0
    assert shown(acme)["next"]["signal"] == "paused"
    assert acme("resume", "acme").code == 0
    assert shown(acme)["process"]["status"] == "active"
    acme("close", "acme", "--reason", "withdrew")
    assert acme("resume", "acme").code == 0
    process = shown(acme)["process"]
    assert (process["status"], process["close_reason"], process["closed_on"]) == (
        "active",
        None,
        None,
    )


def test_owner_override_wins_until_auto(acme: Cli) -> None:
    assert acme("owner", "acme", "hiring_manager", "--note", "HM said Friday").code == 0
    step = shown(acme)["next"]
    assert (step["owner"], step["overridden"]) == ("hiring_manager", True)
    assert step["nudge"]["name"] == "Bo Chen"
    assert acme("owner", "acme", "auto").code == 0
    step = shown(acme)["next"]
    assert (step["owner"], step["overridden"]) == ("recruiter", False)
    assert shown(acme)["process"]["override_note"] == ""


def test_undo_takes_back_the_last_change_in_a_new_run(acme: Cli) -> None:
    acme("log", "acme", "A note")
    result = acme("undo")
    assert result.code == 0
    assert result.out == "Undid: log note at Acme / ML Engineer\n"
    assert shown(acme)["events"] == []


def test_check_reports_a_sound_file(acme: Cli) -> None:
    result = acme("check")
    assert result.code == 0
    assert result.out == "loopdeck.json is sound: 1 loop, 1 round, 2 contacts, 0 log entries\n"


def test_a_dated_round_schedules_the_planned_one_of_its_kind(cli: Cli) -> None:
    """An undated plan ('a recruiter screen') gets the date; no second screen appears."""
    assert cli("add", "Acme / ML Engineer next:screen").code == 0
    result = cli("stage", "acme", "screen on:wed at:10:00")

    assert result.out == (
        "Scheduled the planned Recruiter screen on Wed 18 Mar at Acme / ML Engineer\n"
    )
    screens = [r for r in shown(cli)["rounds"] if r["kind"] == "screen"]
    assert [(s["status"], s["date"], s["time"]) for s in screens] == [
        ("scheduled", "2026-03-18", "10:00:00")
    ]
    assert cli("undo").code == 0
    screens = [r for r in shown(cli)["rounds"] if r["kind"] == "screen"]
    assert [(s["status"], s["date"]) for s in screens] == [("planned", None)]
    # Without a date the user asks for another round on purpose: it is added.
    assert cli("stage", "acme", "screen").out.startswith("Added Recruiter screen")


def test_a_round_on_a_day_off_is_saved_with_a_note(cli: Cli) -> None:
    """Working days are a preference: the round is stored, the user is told."""
    assert cli("add", "Acme / ML Engineer").code == 0
    assert cli("config", "working_days", "mon-thu").code == 0

    friday = cli("stage", "acme", "tech on:fri")
    thursday = cli("stage", "acme", "hm on:thu")

    assert friday.code == 0
    assert friday.out.splitlines()[-1] == (
        "Note: Fri 20 Mar is not one of your working days (Mon, Tue, Wed, Thu)"
    )
    assert "Note:" not in thursday.out
    added = cli("add", "Beta / SRE next:screen on:sat")
    assert added.out.splitlines()[-1].startswith("Note: Sat 21 Mar is not one of your")


def test_a_past_round_on_a_day_off_gets_no_note(cli: Cli) -> None:
    """Logging a weekend round after the fact is not a scheduling choice to warn about."""
    assert cli("add", "Acme / ML Engineer").code == 0
    past = cli("stage", "acme", "tech on:2026-03-14")  # last Saturday
    assert past.code == 0
    assert "Note:" not in past.out
    assert "Note:" not in cli("add", "Beta / SRE next:screen on:-2d").out
