"""`config`, `stats` and `prep` through the command line, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clihelp import Cli, one_error_line


def test_config_lists_sets_and_syncs_with_the_data_file(cli: Cli, db_path: Path) -> None:
    listing = cli("config")
    assert listing.code == 0
    assert "follow_up_days             7" in listing.out
    assert cli("config", "follow_up_days", "5").out == "follow_up_days = 5\n"
    assert cli("config", "working_days", "mon-wed,fri").out == "working_days = mon,tue,wed,fri\n"
    assert cli("config", "default_stages", "screen, tech").out == "default_stages = screen,tech\n"
    assert cli("config", "profile.visa", "EU citizen").code == 0
    stored = json.loads(db_path.read_text())
    assert stored["settings"]["settings"]["follow_up_days"] == 5
    assert stored["settings"]["settings"]["working_days"] == [1, 2, 3, 5]
    assert stored["profile"]["profile"]["visa"] == "EU citizen"
    assert cli("config", "profile.visa").out == "EU citizen\n"
    assert "(changed)" in cli("config").out


def test_a_threshold_changes_the_signal(cli: Cli) -> None:
    assert cli("add", "Acme / MLE on:-6d").code == 0
    assert json.loads(cli("next", "--json").out)[0]["signal"] == "ok"
    assert cli("config", "follow_up_days", "5").code == 0
    assert json.loads(cli("next", "--json").out)[0]["signal"] == "follow_up"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("config", "nope", "1"), "no setting 'nope'"),
        (("config", "cooling_days", "0"), "cooling"),
        (("config", "cooling_days", "many"), "cooling"),
        (("config", "working_days", "funday"), "'funday' is not a weekday"),
        (("config", "default_stages", "lunch"), "'lunch' is not a stage"),
        (("config", "fx.EUR", "1,08"), "'1,08' is not a rate: use a number such as 1.08"),
        (("config", "fx.EUR", "0"), "the rate of EUR must be a number above 0"),
        (("config", "fx.EURO", "1.1"), "'EURO' is not a currency code"),
        (("config", "base_currency", "euro"), "'euro' is not a currency code"),
    ],
)
def test_bad_settings_are_one_sentence_and_change_nothing(
    cli: Cli, db_path: Path, args: tuple[str, ...], message: str
) -> None:
    assert cli("config", "racing_days", "3").code == 0
    before = db_path.read_bytes()
    assert message in one_error_line(cli(*args))
    assert db_path.read_bytes() == before


def test_stats_numbers_and_json_agree(cli: Cli, demo_db: Path) -> None:
    text = cli("stats", db=demo_db)
    assert text.code == 0, text.err
    assert "PASS-THROUGH" in text.out and "Recruiters" in text.out
    data = json.loads(cli("stats", "--json", db=demo_db).out)
    applied = data["stages"][0]
    assert applied["stage"] == "applied"
    assert f"{applied['passed']}/{applied['passed'] + applied['rejected']}" in text.out
    assert {r["role"] for r in data["replies"]} == {"recruiter", "hiring_manager"}
    overall = data["overall"]
    assert (overall["offers"], overall["ended_without_offer"], overall["open"]) == (3, 1, 8)
    assert overall["rate"] == 0.75 and overall["enough_data"]
    assert text.out.splitlines()[0] == "Applied to offer: 75% (3 of 4 decided loops; 8 still open)."
    tech = next(s for s in data["stages"] if s["stage"] == "tech")
    assert (tech["passed"], tech["rejected"], tech["enough_data"]) == (2, 0, False)
    tech_line = next(line for line in text.out.splitlines() if line.startswith("Technical"))
    assert "n/a (2 decided)" in tech_line and "100%" not in tech_line
    assert cli("stats").out.startswith("No history yet")


def test_prep_adds_questions_points_and_the_decision(cli: Cli) -> None:
    assert cli("add", "Acme / MLE next:hm on:fri").code == 0
    assert cli("config", "profile.notice_period", "1 month").code == 0
    result = cli(
        "prep", "acme", "--ask", "What does success look like?", "--point", "hm",
        "Cut p99 from 80 to 20 ms", "--decider", "the director",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.startswith("Acme / MLE: Hiring-manager interview on Fri 20 Mar")
    assert "  - Cut p99 from 80 to 20 ms" in result.out
    assert "  1. [ ] What does success look like?" in result.out
    assert "Prepare 2 more questions" in result.out
    assert "Decides: the director" in result.out
    assert "1 month" not in result.out  # constraints are for the recruiter's call
    answered = cli("prep", "acme", "--asked", "1", "--answer", "Ship the eval harness")
    assert "1. [x] What does success look like? — Ship the eval harness" in answered.out
    assert "no question 4" in one_error_line(cli("prep", "acme", "--asked", "4"))
    assert "audience" in one_error_line(cli("prep", "acme", "--point", "ceo", "x"))
