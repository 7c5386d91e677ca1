"""Every human-output command fits `$COLUMNS`: on the demo data and on a file of long names.

A line longer than the terminal wraps into noise, so any line over the width
is a defect: tables shorten their long text columns, notes fold under an
indent, a draft's To and Subject fold (its body is the message, printed whole).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clihelp import Cli, assert_fits

FILES = Path(__file__).parent.parent / "files" / "intake"
QUARRY = "Quarry Systems International Holdings GmbH & Co. KG"
UMBRELLA = "Umbrella Biotechnology Research Corporation"
LONG_STEP = (
    "Tell Dana Kim about the Umbrella deadline and ask whether the onsite panel "
    "could move a week earlier because of the competing offer"
)
LONG_FILE = [
    (
        "add",
        f'{QUARRY} / Principal Distributed Infrastructure Reliability Engineer rec:"Maximiliane '
        "Annegret von Hohenberg-Schwarzenstein <maximiliane.vonhohenberg-schwarzenstein@"
        'quarrysystems-international.example>" next:screen on:+2d at:14:00 #infra #remote',
    ),
    (
        "add",
        f'{UMBRELLA} / Senior Staff Machine Learning Engineer, Computational Biology rec:"Dana '
        'Kim <dana@umbrella.example>" next:onsite',
    ),
    ("log", "umbrella", LONG_STEP, "--due", "today"),
    ("offer", "umbrella", "--base", "310k", "--bonus", "15%", "--deadline", "+5d"),
    ("add", "Initech Enterprise Software Solutions Worldwide / Staff SRE, Payments Platform"),
    ("offer", "initech", "--base", "222800", "--currency", "EUR", "--deadline", "+9d"),
    (
        "contact",
        "quarry",
        "Bartholomew Fitzgerald-Oyelaran-Wickramasinghe",
        "--role",
        "hm",
        "--email",
        "bartholomew.fitzgerald-oyelaran@quarrysystems-international.example",
    ),
    ("stage", "quarry", 'tech on:+1w with:"Priya Rao-Venkataraman" with:"Greta Holm-Lindqvist"'),
    (
        "prep",
        "quarry",
        "--ask",
        "How is on-call shared between the platform team and the product teams in a freeze?",
        "--point",
        "hm",
        "Cut p99 latency from 80 to 20 ms on the ingestion path by rewriting the batching layer",
    ),
    (
        "owner",
        "initech",
        "hiring_manager",
        "--note",
        "She said on the phone she would come back to me with a decision next week",
    ),
    ("config", "profile.visa", "EU citizen, no sponsorship needed anywhere in the European Union"),
]
"""A file whose every name, step and note is longer than a narrow terminal."""

READING = [
    ("next",),
    ("next", "--owner", "me"),
    ("list", "--all"),
    ("offers", "--all"),
    ("stats",),
    ("pace",),
    ("conflicts",),
    ("config",),
    ("check",),
]
DEMO = [
    *READING,
    *(("show", name) for name in ("lumen", "saltmarsh", "quarry", "tidewater", "brightwell")),
    *(("prep", name) for name in ("lumen", "quarry")),
]
LONG = [*READING, *(("show", n) for n in ("quarry", "umbrella", "initech")), ("prep", "quarry")]
WRITING = [
    (
        "add",
        "Globex Planetary Logistics and Advanced Autonomy Laboratories / Principal Applied "
        "Scientist, Multi-Agent Planning next:tech on:sat",
    ),
    ("stage", "umbrella", 'tech on:+3d with:"Anastasia Papadopoulou-Richardson"'),
    ("log", "quarry", "Sent a long thank-you note to the whole recruiting team and the panel"),
    ("offer", "quarry", "--base", "250k", "--deadline", "+10d"),
    ("told", "quarry", "--about", "umbrella"),
    ("edit", "quarry", "--location", "Remote within the European Union, travel to Zurich"),
    (
        "config",
        "profile.other",
        "Four weeks of notice, and a trip booked for the first week of May",
    ),
    ("undo",),
]


@pytest.fixture
def long_db(cli: Cli, db_path: Path) -> Path:
    for args in LONG_FILE:
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    keep_a_conflict(db_path)
    return db_path


def keep_a_conflict(path: Path) -> None:
    """A long note a sync overwrote, kept on Quarry's record as a merge keeps it."""
    document = json.loads(path.read_text())
    quarry = next(r for r in document["processes"].values() if r["company"] == QUARRY)
    quarry["_conflicts"] = [
        {
            "field": "notes",
            "value": "Ask Maximiliane whether the panel can move before the Umbrella deadline",
            "stamp": quarry["_stamps"]["company"],
        }
    ]
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")


@pytest.mark.parametrize("args", DEMO, ids=" ".join)
def test_every_command_fits_80_columns_on_the_demo(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*args, db=demo_db)
    assert result.code == 0, result.err
    assert_fits(result.out, 80)


@pytest.mark.parametrize("args", LONG + WRITING, ids=" ".join)
def test_every_command_fits_80_columns_with_long_names(
    cli: Cli, long_db: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*args)
    assert result.code == 0, result.err
    assert_fits(result.out, 80)


def test_the_long_step_shortens_and_is_whole_when_piped(
    cli: Cli, long_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert LONG_STEP in cli("next").out  # no width: nothing is cut
    monkeypatch.setenv("COLUMNS", "80")
    row = next(line for line in cli("next").out.splitlines() if "Tell Dana Kim" in line)
    assert row.startswith("due today") and "…" in row


@pytest.mark.parametrize("width", [80, 150])
def test_pace_fits_and_keeps_the_deadline_it_misses(
    cli: Cli, long_db: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = assert_fits(cli("pace").out, width)
    assert lines[0].split()[:2] == ["LOOP", "ROUNDS"]
    assert lines[0].split()[-1] == "BEHIND"
    note = " ".join(line.strip() for line in lines[lines.index("") + 1 :])
    assert "ask Maximiliane Annegret von Hohenberg-Schwarzenstein to speed up" in note
    assert ("RANGE" in lines[0]) == (width == 150)  # the range goes first at 80


@pytest.mark.parametrize("width", [80, 150])
def test_an_intake_preview_fits_and_folds_its_notes(
    cli: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    assert cli("add", f"{QUARRY} / Principal Engineer next:onsite").code == 0
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("intake", str(FILES / "outlook_onsite_panel.ics"), "--loop", "quarry")
    assert result.code == 0, result.err
    lines = assert_fits(result.out, width)
    assert lines[0].startswith(f"Loop: {QUARRY}")
    round_line = next(line for line in lines if line.startswith("       -> "))
    assert round_line.startswith("       -> Onsite / panel: scheduled, Thu 02 Apr")
    assert round_line.endswith("…")  # the meeting link, last, is what is cut
    assert ("Microsoft Teams https://teams.microsoft.com/" in round_line) == (width == 150)
    assert lines[-1] == "Nothing written yet: run again with --yes to apply it."


@pytest.mark.parametrize("width", [80, 150])
def test_a_draft_folds_its_headers_and_prints_its_body_whole(
    cli: Cli, long_db: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    draft = ("draft", "quarry", "--kind", "deadline", "--about", "umbrella")
    whole = cli(*draft).out
    monkeypatch.setenv("COLUMNS", str(width))
    printed = cli(*draft).out
    head, _, body = printed.partition("\n\n")
    assert_fits(head, width)
    assert body == whole.partition("\n\n")[2]  # the message itself is never cut
    assert " ".join(line.strip() for line in head.splitlines()) == " ".join(
        whole.partition("\n\n")[0].splitlines()
    )


@pytest.mark.parametrize("args", [("pace",), ("next",), ("list", "--all")])
def test_json_is_the_same_at_any_width(
    cli: Cli, long_db: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    unset = cli(*args, "--json").out
    monkeypatch.setenv("COLUMNS", "80")
    assert cli(*args, "--json").out == unset
    assert json.loads(unset)


@pytest.mark.parametrize("command", ["next", "list"])
def test_an_owner_set_by_hand_keeps_its_whole_word_at_80(
    cli: Cli, long_db: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    rows = [line for line in cli(command).out.splitlines() if "Initech" in line]
    assert any("Hiring manager…" in line for line in rows), rows  # the note is cut, not the role
