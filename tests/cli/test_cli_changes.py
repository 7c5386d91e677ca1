"""The editing commands on a real data file: move, cancel, contact, forget, delete, edit,
and what changed in done, add and owner. Read back through `show --json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clihelp import Cli

ACME = 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" hm:"Bo Chen <bo@acme.io>" applied:-3w'


def shown(cli: Cli, query: str = "acme") -> dict[str, Any]:
    result = cli("show", query, "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def by_handle(data: dict[str, Any], handle: str) -> dict[str, Any]:
    for key in ("rounds", "contacts", "events", "questions", "talking_points"):
        for item in data[key]:
            if item["handle"] == handle:
                found: dict[str, Any] = item
                return found
    raise AssertionError(f"no {handle}")


@pytest.fixture
def acme(cli: Cli) -> Cli:
    """Applied three weeks ago; screen held, tech on Friday 14:00, onsite planned."""
    for args in (
        ("add", ACME),
        ("stage", "acme", "screen on:-1w"),
        ("done", "acme", "--outcome", "passed"),
        ("stage", "acme", "tech on:fri at:14:00"),
        ("stage", "acme", "onsite"),
        ("log", "acme", "Screen went well", "--with", "ann", "--kind", "received", "--on=-6d"),
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    return cli


def test_show_lists_handles_in_date_order_with_undated_rounds_last(acme: Cli) -> None:
    data = shown(acme)
    rounds = [(r["handle"], r["kind"], r["date"]) for r in data["rounds"]]
    assert rounds == [
        ("r1", "applied", "2026-02-23"),
        ("r2", "screen", "2026-03-09"),
        ("r3", "tech", "2026-03-20"),
        ("r4", "onsite", None),
    ]
    assert [(c["handle"], c["name"]) for c in data["contacts"]] == [
        ("p1", "Ann Lee"),
        ("p2", "Bo Chen"),
    ]
    assert [e["handle"] for e in data["events"]] == ["l1"]
    text = acme("show", "acme").out
    assert "  r3  Fri 20 Mar 14:00  Technical interview" in text
    assert "  r4  no date yet       Onsite / panel" in text
    assert "  p1  recruiter       Ann Lee" in text
    assert "  l1  Tue 10 Mar  received Screen went well [Ann Lee]" in text


def test_a_late_dated_application_shows_where_its_date_is(cli: Cli) -> None:
    cli("add", "Initech / SRE")
    cli("stage", "initech", "onsite on:-1w")
    cli("done", "initech")
    assert [r["kind"] for r in shown(cli, "initech")["rounds"]] == ["onsite", "applied"]
    page = cli("export", "--format", "md", "--loop", "initech").out
    assert page.index("| Onsite / panel |") < page.index("| Applied |")


def test_move_gives_the_round_a_new_date_and_keeps_it_one_round(acme: Cli) -> None:
    result = acme("move", "acme", "tech", "mon", "--at", "09:00")
    assert result.code == 0, result.err
    assert result.out == (
        "Moved the technical interview at Acme / ML Engineer to Mon 23 Mar at 09:00\n"
    )
    techs = [r for r in shown(acme)["rounds"] if r["kind"] == "tech"]
    assert [(t["date"], t["time"], t["status"]) for t in techs] == [
        ("2026-03-23", "09:00:00", "scheduled")
    ]
    assert acme("undo").out == "Undid: move Technical interview at Acme / ML Engineer\n"
    assert by_handle(shown(acme), "r3")["date"] == "2026-03-20"


def test_move_without_a_round_moves_the_current_one_and_keeps_its_time(acme: Cli) -> None:
    assert acme("move", "acme", "+1w").code == 0
    tech = by_handle(shown(acme), "r3")
    assert (tech["kind"], tech["date"], tech["time"]) == ("tech", "2026-03-23", "14:00:00")


def test_move_a_planned_round_by_handle_schedules_it_with_a_note_on_a_day_off(acme: Cli) -> None:
    result = acme("move", "acme", "r4", "sat")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Scheduled the onsite / panel at Acme / ML Engineer on Sat 21 Mar",
        "Note: Sat 21 Mar is not one of your working days (Mon, Tue, Wed, Thu, Fri)",
    ]
    assert by_handle(shown(acme), "r4")["status"] == "scheduled"


def test_move_r1_dates_the_application(acme: Cli) -> None:
    assert acme("move", "acme", "r1", "2026-02-20").code == 0
    assert by_handle(shown(acme), "r1")["date"] == "2026-02-20"


def test_cancel_keeps_the_round_marked_and_the_next_step_moves_on(acme: Cli) -> None:
    assert shown(acme)["next"]["round_id"] == by_handle(shown(acme), "r3")["id"]
    result = acme("cancel", "acme")
    assert result.out == "Cancelled the technical interview at Acme / ML Engineer (Fri 20 Mar)\n"
    data = shown(acme)
    assert by_handle(data, "r3")["status"] == "cancelled"
    assert data["next"]["round_id"] == by_handle(data, "r4")["id"]  # the onsite to schedule
    assert "cancelled" in acme("show", "acme").out


def test_done_refuses_a_round_dated_after_today_unless_on_is_given(
    acme: Cli, db_path: Path
) -> None:
    acme("cancel", "acme", "onsite")
    before = db_path.read_bytes()
    refused = acme("done", "acme", "--outcome", "passed")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "loopdeck: the technical interview is dated Fri 20 Mar, after today; "
        "say on which day it took place with --on DATE\n"
    )
    assert db_path.read_bytes() == before
    assert acme("done", "acme", "r3", "--on", "today").code == 0
    assert by_handle(shown(acme), "r3")["date"] == "2026-03-16"


def test_done_keeps_a_past_date_and_sets_an_outcome_later(acme: Cli) -> None:
    acme("stage", "acme", "hm on:-2d")
    assert acme("done", "acme", "hm").out == (
        "Hiring-manager interview at Acme / ML Engineer: done on Sat 14 Mar, pending\n"
    )
    result = acme("done", "acme", "--outcome", "rejected", "--by", "hiring_manager")
    assert result.out == (
        "Hiring-manager interview at Acme / ML Engineer: done on Sat 14 Mar, rejected\n"
    )
    hm = next(r for r in shown(acme)["rounds"] if r["kind"] == "hm")
    assert (hm["date"], hm["outcome"], hm["decided_by"]) == (
        "2026-03-14",
        "rejected",
        "hiring_manager",
    )


def test_contact_adds_a_new_person_then_edits_only_what_is_given(acme: Cli) -> None:
    added = acme("contact", "acme", "Priya Rao", "--role", "interviewer", "--email", "p@acme.io")
    assert added.out == "Added Priya Rao (interviewer) to Acme / ML Engineer\n"
    acme("contact", "acme", "priya rao", "--phone", "+1 555 0100", "--note", "ran the coding round")
    acme("contact", "acme", "p3", "--rename", "Priya R. Rao")
    priya = by_handle(shown(acme), "p3")
    assert (priya["name"], priya["email"], priya["phone"], priya["notes"], priya["role"]) == (
        "Priya R. Rao",
        "p@acme.io",
        "+1 555 0100",
        "ran the coding round",
        "interviewer",
    )


def test_contact_delete_and_the_last_recruiter_rule(acme: Cli, db_path: Path) -> None:
    acme("cancel", "acme", "tech")  # now the recruiter has to schedule the onsite: nudge Ann
    assert shown(acme)["next"]["nudge"]["name"] == "Ann Lee"
    before = db_path.read_bytes()
    refused = acme("contact", "acme", "Ann Lee", "--delete")
    assert refused.code == 1
    assert refused.err == (
        "loopdeck: Ann Lee is the only recruiter of Acme / ML Engineer and its next step "
        "nudges them; add another recruiter first, or force it: the step will then nudge "
        "the recruiter (--force)\n"
    )
    assert db_path.read_bytes() == before
    forced = acme("contact", "acme", "Ann Lee", "--delete", "--force")
    assert forced.out.splitlines() == [
        "Deleted Ann Lee from Acme / ML Engineer",
        "Note: Acme / ML Engineer has no recruiter card now",
    ]
    assert shown(acme)["next"]["nudge"]["name"] == "the recruiter"
    assert acme("contact", "acme", "Bo Chen", "--delete").code == 0  # nobody nudges Bo


@pytest.mark.parametrize(
    ("handle", "key", "summary"),
    [
        ("r4", "rounds", "Deleted the onsite / panel from Acme / ML Engineer"),
        (
            "p2",
            "contacts",
            "Deleted Bo Chen from Acme / ML Engineer\n"
            "Note: Acme / ML Engineer has no hiring manager card now",
        ),
        (
            "l1",
            "events",
            "Deleted the log line 'Screen went well' (Tue 10 Mar) from Acme / ML Engineer",
        ),
        ("q1", "questions", "Deleted the question 'Who decides?' from Acme / ML Engineer"),
        (
            "t1",
            "talking_points",
            "Deleted the talking point 'Cut costs 40%' from Acme / ML Engineer",
        ),
    ],
)
def test_forget_deletes_one_item_by_its_handle_and_undo_brings_it_back(
    acme: Cli, handle: str, key: str, summary: str
) -> None:
    acme("prep", "acme", "--ask", "Who decides?", "--point", "hm", "Cut costs 40%")
    before = shown(acme)[key]
    result = acme("forget", "acme", handle)
    assert result.code == 0, result.err
    assert result.out == f"{summary}\n'loopdeck undo' brings it back\n"
    assert len(shown(acme)[key]) == len(before) - 1
    assert acme("undo").code == 0
    assert shown(acme)[key] == before


def test_delete_without_yes_says_what_and_changes_nothing(acme: Cli, db_path: Path) -> None:
    acme("offer", "acme", "--base", "200k")
    before = db_path.read_bytes()
    result = acme("delete", "acme")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("loopdeck: this would delete Acme / ML Engineer (id ")
    assert result.err.endswith(
        "with 5 rounds, 2 people, 1 log line, 1 offer; add --yes to delete it\n"
    )
    assert db_path.read_bytes() == before


def test_delete_then_undo_brings_the_whole_loop_back(acme: Cli, db_path: Path) -> None:
    loop_id = shown(acme)["process"]["id"]
    acme("offer", "acme", "--base", "200k")
    whole = shown(acme)
    result = acme("delete", loop_id[:8], "--yes")
    assert result.code == 0
    assert result.out.startswith(f"Deleted Acme / ML Engineer (id {loop_id[:8]}): 5 rounds")
    assert json.loads(acme("list", "--all", "--json").out) == []
    assert json.loads(acme("next", "--json").out) == []
    offers = json.loads(db_path.read_text())["offers"].values()
    assert [o["_deleted"] is not None for o in offers] == [True]
    assert acme("undo").out == "Undid: delete loop Acme / ML Engineer\n"
    assert shown(acme) == whole


def test_add_refuses_a_duplicate_unless_again_and_ids_tell_them_apart(
    acme: Cli, db_path: Path
) -> None:
    loop_id = shown(acme)["process"]["id"]
    before = db_path.read_bytes()
    refused = acme("add", "ACME / ml engineer")
    assert refused.code == 1
    assert refused.err == (
        f"loopdeck: Acme / ML Engineer is already an open loop (id {loop_id[:8]}); "
        "a second one must be asked for (--again)\n"
    )
    assert db_path.read_bytes() == before
    again = acme("add", "Acme / ML Engineer", "--again")
    assert again.code == 0
    second = again.out.split("(id ")[1][:8]
    ambiguous = acme("show", "acme")
    assert ambiguous.code == 1
    assert f"Acme / ML Engineer ({loop_id[:8]})" in ambiguous.err
    assert f"Acme / ML Engineer ({second})" in ambiguous.err
    assert shown(acme, second)["process"]["id"].startswith(second)


def test_a_closed_loop_does_not_block_adding_it_again(acme: Cli) -> None:
    acme("close", "acme", "--reason", "rejected")
    assert acme("add", "Acme / ML Engineer").code == 0


def test_edit_changes_the_loops_fields_and_application_date(acme: Cli) -> None:
    result = acme(
        "edit", "acme", "--level", "Staff", "--tags", "llm gpu", "--applied", "2026-02-20"
    )
    assert result.out == "Edited Acme / ML Engineer\n"
    data = shown(acme)
    assert (data["process"]["level"], data["process"]["tags"]) == ("Staff", ["llm", "gpu"])
    assert by_handle(data, "r1")["date"] == "2026-02-20"
    assert acme("undo").out == "Undid: edit Acme / ML Engineer\n"
    assert shown(acme)["process"]["level"] == ""


def test_edit_with_a_handle_changes_only_that_items_given_fields(acme: Cli) -> None:
    acme("prep", "acme", "--ask", "Who decides?", "--point", "hm", "Cut costs 40%")
    result = acme("edit", "acme", "r3", "--format", "video", "--interviewers", "Bo Chen, Cy Park")
    assert result.code == 0, result.err
    tech = by_handle(shown(acme), "r3")
    assert (tech["format"], tech["interviewers"]) == ("video", ["Bo Chen", "Cy Park"])
    assert (tech["date"], tech["time"]) == ("2026-03-20", "14:00:00")

    assert acme("edit", "acme", "l1", "--text", "Screen went very well").code == 0
    line = by_handle(shown(acme), "l1")
    assert (line["text"], line["kind"], line["on"]) == (
        "Screen went very well",
        "received",
        "2026-03-10",
    )
    assert acme("edit", "acme", "q1", "--asked", "yes", "--answer", "Bo and his VP").code == 0
    assert acme("edit", "acme", "t1", "--audience", "recruiter").code == 0
    data = shown(acme)
    question = by_handle(data, "q1")
    assert (question["asked"], question["answer"]) == (True, "Bo and his VP")
    assert by_handle(data, "t1")["audience"] == "recruiter"

    for _ in range(4):
        assert acme("undo").code == 0
    assert by_handle(shown(acme), "r3")["format"] == ""


def test_forget_offer_and_decision_by_name(acme: Cli) -> None:
    acme("offer", "acme", "--base", "200k", "--deadline", "+10d")
    acme("prep", "acme", "--panel", "Bo, Cy", "--decider", "Bo")
    assert acme("forget", "acme", "offer").out.startswith("Deleted the offer of Acme")
    assert json.loads(acme("offers", "--json").out) == []
    result = acme("forget", "acme", "decision")
    assert result.out.startswith("Deleted how Acme / ML Engineer decides")
    again = acme("forget", "acme", "decision")
    assert again.code == 1
    assert "has no decision process to forget" in again.err
    assert acme("undo").code == 0 and acme("undo").code == 0
    assert [o["loop"] for o in json.loads(acme("offers", "--json").out)] == ["Acme / ML Engineer"]


def test_the_owner_note_shows_beside_the_owner(acme: Cli) -> None:
    assert acme(
        "owner", "acme", "hiring_manager", "--note", "Maya said decision by Friday"
    ).out == (
        "Acme / ML Engineer: next step owned by Hiring manager, set by hand: "
        "Maya said decision by Friday\n"
    )
    expected = "Hiring manager, set by hand: Maya said decision by Friday"
    assert f"  owner {expected} since" in acme("show", "acme").out
    assert expected in acme("next").out
    (item,) = json.loads(acme("next", "--json").out)
    assert (item["overridden"], item["override_note"]) == (True, "Maya said decision by Friday")
    assert shown(acme)["next"]["override_note"] == "Maya said decision by Friday"
    (listed,) = json.loads(acme("list", "--json").out)
    assert listed["next"]["override_note"] == "Maya said decision by Friday"
