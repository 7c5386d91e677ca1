"""Small things a daily user reads: one date format, "due today", no off-day note for the past.

Dates for people come from `planner.dates.day_words` ("Fri 20 Mar"); ISO
dates are for machines (`--json`, CSV, calendar files) and ids.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clihelp import Cli

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FILES = Path(__file__).parent.parent / "files" / "intake"


@pytest.mark.parametrize(
    "args",
    [
        ("next",),
        ("list", "--all"),
        ("offers", "--all"),
        ("pace",),
        ("stats",),
        *(("show", name) for name in ("lumen", "saltmarsh", "quarry", "tidewater", "brightwell")),
        ("prep", "quarry"),
        ("told", "lumen", "--about", "tidewater"),
        ("offer", "kestrel", "--base", "200k", "--deadline", "+10d", "--start", "2026-05-01"),
    ],
    ids=" ".join,
)
def test_human_output_writes_no_iso_date(cli: Cli, demo_db: Path, args: tuple[str, ...]) -> None:
    result = cli(*args, db=demo_db)
    assert result.code == 0, result.err
    assert not ISO.findall(result.out), result.out


def test_an_intake_preview_writes_the_day_as_everywhere_else(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert cli("add", 'Acme Robotics / ML Engineer rec:"Ann Lee <ann@acmerobotics.com>"').code == 0
    out = cli("intake", str(FILES / "google_technical.ics")).out
    assert "Technical interview: scheduled, Tue 24 Mar 18:00; with Priya Rao, Sam Wu;" in out
    assert not ISO.findall(out), out


def test_a_step_due_today_says_due_today(cli: Cli) -> None:
    assert cli("add", "Acme / ML Engineer next:screen on:today").code == 0
    assert cli("add", "Beta / SRE next:screen on:+2d").code == 0
    assert cli("log", "beta", "Send the slides", "--due", "today").code == 0

    rows = cli("next").out.splitlines()[1:]
    signals = {(row[:10].strip(), row.split("  ")[-1]) for row in rows}
    assert [row[:10].strip() for row in rows if "Acme" in row] == ["due today"]
    assert [row[:10].strip() for row in rows if "Send the slides" in row] == ["due today"]
    assert [row[:10].strip() for row in rows if "Prepare" in row and "Beta" in row] == [
        "due soon"
    ], signals
    todo = next(line for line in cli("show", "beta").out.splitlines() if "Send the slides" in line)
    assert todo.endswith("due Mon 16 Mar (today)  [due today]")


def test_a_round_added_in_the_past_gets_no_working_days_note(cli: Cli) -> None:
    assert cli("add", "Acme / ML Engineer").code == 0
    past = cli("stage", "acme", "screen on:2026-03-14")  # last Saturday: it took place
    assert past.code == 0, past.err
    assert past.out == "Added Recruiter screen on Sat 14 Mar to Acme / ML Engineer\n"
    ahead = cli("stage", "acme", "tech on:2026-03-21")  # next Saturday: still a choice
    assert ahead.out.splitlines()[-1] == (
        "Note: Sat 21 Mar is not one of your working days (Mon, Tue, Wed, Thu, Fri)"
    )
    moved = cli("done", "acme", "screen", "--on", "2026-03-15")  # a Sunday, in the past
    assert moved.code == 0, moved.err
    assert "working days" not in moved.out
