"""`next`, `list` and `show` on the demo data: what a user reads every morning."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from clihelp import Cli

from planner.offers import Offer
from planner.steps import Thread
from planner.threads import threads
from storage.repository import Repository

NEXT_KEYS = {
    "process_id",
    "company",
    "role",
    "kind",
    "what",
    "owner",
    "overridden",
    "override_note",
    "nudge",
    "since",
    "due",
    "waiting_days",
    "signal",
    "round_id",
    "last_touch",
    "next_nudge",
    "expected",
}


def planner_answer(db: Path, today: dt.date) -> list[Thread]:
    """What the rules say about the file, computed without the command line."""
    repo = Repository.open(db)
    return threads(repo.loops(), today, repo.settings(), repo.records(Offer))


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def test_next_json_is_the_planners_answer_in_the_documented_shape(
    cli: Cli, demo_db: Path, frozen_today: dt.date
) -> None:
    result = cli("next", "--json", db=demo_db)
    assert result.code == 0
    items = json.loads(result.out)
    assert all(set(item) == NEXT_KEYS for item in items)
    expected = planner_answer(demo_db, frozen_today)
    assert [i["process_id"] for i in items] == [s.process_id for s in expected]
    assert sum(i["kind"] == "state" for i in items) == 11  # twelve loops, one closed
    for item, step in zip(items, expected, strict=True):
        assert (item["kind"], item["what"], item["owner"], item["signal"]) == (
            step.kind.value,
            step.what,
            step.owner.value,
            step.signal.value,
        )
        assert (item["since"], item["waiting_days"]) == (step.since.isoformat(), step.waiting_days)
        assert item["due"] == iso(step.due)
        assert (item["last_touch"], item["next_nudge"], item["expected"]) == (
            iso(step.last_touch),
            iso(step.next_nudge),
            iso(step.expected),
        )
        if step.nudge is None:
            assert item["nudge"] is None
        else:
            assert item["nudge"] == {
                "name": step.nudge.name,
                "role": step.nudge.role.value,
                "contact_id": step.nudge.contact_id,
            }
    lumen = next(i for i in items if i["company"] == "Lumen Forge")
    assert lumen["role"] == "Staff ML Engineer, Ranking"


def test_next_owner_filter_keeps_only_that_owner(cli: Cli, demo_db: Path) -> None:
    mine = json.loads(cli("next", "--owner", "me", "--json", db=demo_db).out)
    assert mine
    assert {i["owner"] for i in mine} == {"me"}
    assert all(i["nudge"] is None for i in mine)
    assert {i["company"] for i in mine} >= {"Fernhill Robotics", "Tidewater Compute"}


def test_next_human_output_lists_loops_and_offer_deadlines(
    cli: Cli, demo_db: Path, frozen_today: dt.date
) -> None:
    result = cli("next", db=demo_db)
    assert result.code == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0].split() == [
        "SIGNAL",
        "LOOP",
        "KIND",
        "NEXT",
        "STEP",
        "OWNER",
        "NUDGE",
        "WAITING",
        "LAST",
        "TOUCH",
        "WHEN",
    ]
    expected = planner_answer(demo_db, frozen_today)
    assert lines[len(expected) + 1] == ""  # one line per thread, then the deadlines
    assert [line.split()[0] for line in lines[1:4]] == ["OVERDUE", "missed", "cooling"]
    lumen = [line for line in lines if line.startswith("follow up") and "Lumen Forge" in line]
    assert len(lumen) == 1
    assert "  state  " in lumen[0] and lumen[0].rstrip().endswith("nudge Sun 15 Mar (yesterday)")
    larkspur = next(line for line in lines if "Larkspur" in line and "  state  " in line)
    assert larkspur.endswith("expected Thu 19 Mar (in 3 days)")
    assert lines[len(expected) + 2] == "Offer deadlines (tell the other recruiters early):"
    assert lines[len(expected) + 3].split() == [
        "Wed",
        "18",
        "Mar",
        "(in",
        "2",
        "days)",
        "Tidewater",
        "Compute",
    ]
    assert "Brightwell Labs" in lines[len(expected) + 4]
    assert "Cobalt Ridge" not in result.out  # closed


def test_list_hides_closed_loops_unless_all(cli: Cli, demo_db: Path) -> None:
    open_only = json.loads(cli("list", "--json", db=demo_db).out)
    everything = json.loads(cli("list", "--all", "--json", db=demo_db).out)
    assert len(open_only) == 11
    assert len(everything) == 12
    cobalt = everything[-1]  # closed loops come last
    assert cobalt["company"] == "Cobalt Ridge"
    assert cobalt["status"] == "closed"
    assert cobalt["close_reason"] == "rejected"
    assert cobalt["closed_by"] == "hiring_manager"
    assert cobalt["next"] is None
    assert all(item["next"] is not None for item in open_only)


def test_list_human_output_shows_who_closed_a_loop(cli: Cli, demo_db: Path) -> None:
    result = cli("list", "--all", db=demo_db)
    assert result.code == 0
    assert "closed: rejected by hiring manager" in result.out
    assert "on hold" in result.out


def test_show_json_holds_the_whole_loop(cli: Cli, demo_db: Path) -> None:
    result = cli("show", "larkspur", "--json", db=demo_db)
    assert result.code == 0
    data = json.loads(result.out)
    assert set(data) == {
        "process",
        "next",
        "todos",
        "rounds",
        "contacts",
        "events",
        "questions",
        "talking_points",
    }
    assert data["process"]["company"] == "Larkspur Genomics"
    assert [r["kind"] for r in data["rounds"]] == ["applied", "screen", "hm"]
    assert set(data["next"]) == NEXT_KEYS - {"process_id", "company", "role"}
    assert (data["next"]["kind"], data["next"]["owner"]) == ("state", "hiring_manager")
    assert (data["next"]["last_touch"], data["next"]["expected"]) == ("2026-03-15", "2026-03-19")
    assert data["next"]["next_nudge"] == "2026-03-20"  # the working day after their Thursday
    assert [(t["kind"], t["owner"], t["due"]) for t in data["todos"]] == [
        ("promise", "me", "2026-03-16")
    ]

    dana = next(c for c in data["contacts"] if c["name"] == "Dana Whitfield")
    assert dana["last_touch"] == "2026-03-15"
    assert "promise" in [e["kind"] for e in data["events"]]
    assert [e["on"] for e in data["events"]] == sorted(e["on"] for e in data["events"])


def test_show_human_output_has_timeline_people_and_log(cli: Cli, demo_db: Path) -> None:
    result = cli("show", "quarry", db=demo_db)
    assert result.code == 0
    assert result.out.startswith("Quarry Systems / Principal Infrastructure Engineer\n")
    for heading in ("Next: ", "Timeline", "People", "Log"):
        assert heading in result.out
    assert "jonas.weber@quarrysys.example" in result.out
    assert "done, passed" in result.out


def test_empty_file_says_how_to_start(cli: Cli, db_path: Path) -> None:
    assert cli("next").out.startswith("No loops yet")
    assert cli("list").out.startswith("No loops yet")
    assert json.loads(cli("next", "--json").out) == []
    assert not db_path.exists()  # reading never creates the file


def test_json_output_is_the_text_the_standard_encoder_gives(cli: Cli, demo_db: Path) -> None:
    """The fast encoder must not change a byte a script may depend on."""
    for command in (["next"], ["list", "--all"], ["stats"]):
        text = cli(*command, "--json", db=demo_db).out
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
        assert len(text) > 100
