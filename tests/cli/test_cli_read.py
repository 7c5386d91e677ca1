"""`next`, `list` and `show` on the demo data: what a user reads every morning."""

from __future__ import annotations

import json
from pathlib import Path

from clihelp import Cli

NEXT_KEYS = {
    "process_id",
    "company",
    "role",
    "what",
    "owner",
    "overridden",
    "nudge",
    "since",
    "due",
    "waiting_days",
    "signal",
    "round_id",
}


def test_next_json_has_the_documented_shape(cli: Cli, demo_db: Path) -> None:
    result = cli("next", "--json", db=demo_db)
    assert result.code == 0
    items = json.loads(result.out)
    assert len(items) == 10  # eleven loops, one closed
    assert all(set(item) == NEXT_KEYS for item in items)
    quarry = next(i for i in items if i["company"] == "Quarry Systems")
    assert quarry["signal"] == "cooling"
    assert quarry["owner"] == "hiring_manager"
    assert quarry["nudge"]["name"] == "Jonas Weber"
    assert quarry["nudge"]["role"] == "recruiter"
    assert quarry["waiting_days"] == 16
    assert quarry["since"] == "2026-02-28"
    assert items[0]["company"] == "Quarry Systems"  # the worst signal comes first


def test_next_owner_filter_keeps_only_that_owner(cli: Cli, demo_db: Path) -> None:
    mine = json.loads(cli("next", "--owner", "me", "--json", db=demo_db).out)
    assert mine
    assert {i["owner"] for i in mine} == {"me"}
    assert all(i["nudge"] is None for i in mine)
    assert {i["company"] for i in mine} >= {"Fernhill Robotics", "Tidewater Compute"}


def test_next_human_output_lists_loops_and_offer_deadlines(cli: Cli, demo_db: Path) -> None:
    result = cli("next", db=demo_db)
    assert result.code == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0].split() == [
        "SIGNAL",
        "LOOP",
        "NEXT",
        "STEP",
        "OWNER",
        "NUDGE",
        "WAITING",
        "DUE",
    ]
    assert lines[1].startswith("cooling")
    assert "Maya Okafor (recruiter)" in result.out
    assert "Offer deadlines" in result.out
    assert "2026-03-18 (in 2 days)  Tidewater Compute" in result.out
    assert "Cobalt Ridge" not in result.out  # closed


def test_list_hides_closed_loops_unless_all(cli: Cli, demo_db: Path) -> None:
    open_only = json.loads(cli("list", "--json", db=demo_db).out)
    everything = json.loads(cli("list", "--all", "--json", db=demo_db).out)
    assert len(open_only) == 10
    assert len(everything) == 11
    cobalt = everything[-1]  # closed loops come last
    assert cobalt["company"] == "Cobalt Ridge"
    assert cobalt["status"] == "closed"
    assert cobalt["close_reason"] == "rejected"
    assert cobalt["closed_by"] == "hiring_manager"
    assert cobalt["next"] is None
    assert open_only[0]["next"]["signal"] == "cooling"


def test_list_human_output_shows_who_closed_a_loop(cli: Cli, demo_db: Path) -> None:
    result = cli("list", "--all", db=demo_db)
    assert result.code == 0
    assert "closed: rejected by hiring manager" in result.out
    assert "on hold" in result.out


def test_show_json_holds_the_whole_loop(cli: Cli, demo_db: Path) -> None:
    result = cli("show", "larkspur", "--json", db=demo_db)
    assert result.code == 0
    data = json.loads(result.out)
    assert set(data) == {"process", "next", "rounds", "contacts", "events"}
    assert data["process"]["company"] == "Larkspur Genomics"
    assert [r["kind"] for r in data["rounds"]] == ["applied", "screen", "hm"]
    assert data["next"]["what"].startswith("Send Dana the thank-you note")
    dana = next(c for c in data["contacts"] if c["name"] == "Dana Whitfield")
    assert dana["last_touch"] == "2026-03-15"
    assert data["events"][0]["kind"] == "promise"


def test_show_human_output_has_timeline_people_and_log(cli: Cli, demo_db: Path) -> None:
    result = cli("show", "quarry", db=demo_db)
    assert result.code == 0
    assert result.out.startswith("Quarry Systems / Principal Infrastructure Engineer\n")
    for heading in ("Next: Waiting for a decision", "Timeline", "People", "Log"):
        assert heading in result.out
    assert "jonas.weber@quarrysys.example" in result.out
    assert "done, passed" in result.out


def test_empty_file_says_how_to_start(cli: Cli, db_path: Path) -> None:
    assert cli("next").out.startswith("No loops yet")
    assert cli("list").out.startswith("No loops yet")
    assert json.loads(cli("next", "--json").out) == []
    assert not db_path.exists()  # reading never creates the file
