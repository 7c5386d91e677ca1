"""`loopdeck did` ticks off a promise of mine, and `log --expect` records the day they said
I would hear by, on a real file; bad input leaves the file byte for byte as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clihelp import Cli, one_error_line

ACME = 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" on:-3w'


def todos(cli: Cli) -> list[str]:
    """The open to-dos of Acme, as `next --json` lists them."""
    result = cli("next", "--json")
    assert result.code == 0, result.err
    found: list[dict[str, Any]] = json.loads(result.out)
    return [i["what"] for i in found if i["kind"] != "state"]


def shown_handles(cli: Cli) -> dict[str, str]:
    """To-do text -> the handle `show` prints beside it."""
    out = cli("show", "acme").out
    block = out.split("To-dos (mine)\n")[1].split("\n\n")[0]
    found = {}
    for line in block.splitlines():
        handle, kind, *words = line.split()
        assert kind == "promise"
        found[" ".join(words).split(",")[0]] = handle
    return found


@pytest.fixture
def acme(cli: Cli) -> Cli:
    """A loop with a note and two promises of mine in its log."""
    assert cli("add", ACME).code == 0
    # A day apart each: the log (and so its handles) runs by date.
    assert cli("log", "acme", "Screen went well", "--on", "2026-03-13").code == 0
    said = ("Thank-you note to Ann", "--due", "tomorrow", "--on", "2026-03-14")
    assert cli("log", "acme", *said).code == 0
    assert cli("log", "acme", "Send the write-up", "--due", "+3d", "--on", "2026-03-15").code == 0
    return cli


def test_show_prints_the_handle_did_takes_and_undo_brings_it_back(acme: Cli, db_path: Path) -> None:
    assert shown_handles(acme) == {"Thank-you note to Ann": "l2", "Send the write-up": "l3"}
    done = acme("did", "acme", "l3")
    assert (done.code, done.out, done.err) == (0, "Done: Send the write-up\n", "")
    assert todos(acme) == ["Thank-you note to Ann"]
    assert "(due Thu 19 Mar, done)" in acme("show", "acme").out
    assert acme("undo").code == 0
    assert sorted(todos(acme)) == ["Send the write-up", "Thank-you note to Ann"]
    assert "done)" not in acme("show", "acme").out


def test_a_word_names_it_and_the_last_one_needs_no_name(acme: Cli) -> None:
    assert acme("did", "acme", "THANK").out == "Done: Thank-you note to Ann\n"
    assert todos(acme) == ["Send the write-up"]
    assert acme("did", "acme").out == "Done: Send the write-up\n"
    assert todos(acme) == []


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ("did", "acme"),
            "loopdeck: Acme / ML Engineer has 2 open promises: l2 'Thank-you note to Ann', "
            "l3 'Send the write-up'; say which",
        ),
        (
            ("did", "acme", "n"),
            "loopdeck: 'n' matches 2 open promises of Acme / ML Engineer: "
            "l2 'Thank-you note to Ann', l3 'Send the write-up'; name one by its handle",
        ),
        (
            ("did", "acme", "l1"),
            "loopdeck: l1 is not an open promise of Acme / ML Engineer "
            "(open: l2 'Thank-you note to Ann', l3 'Send the write-up')",
        ),
        (
            ("log", "acme", "Decision by Friday", "--kind", "received", "--expect", "2026-03-13"),
            "loopdeck: the day they said I would hear by, Fri 13 Mar, is already past; "
            "give today or later",
        ),
        (
            ("log", "acme", "Decision by Friday", "--expect", "fri"),
            "loopdeck: only a received touch can say when they promised I would hear, not a note",
        ),
        (
            ("log", "acme", "Asked Ann", "--kind", "sent", "--expect", "fri"),
            "loopdeck: only a received touch can say when they promised I would hear, not a sent",
        ),
    ],
)
def test_bad_input_is_one_line_and_the_file_is_unchanged(
    acme: Cli, db_path: Path, args: tuple[str, ...], sentence: str
) -> None:
    before = db_path.read_bytes()
    result = acme(*args)
    assert result.code == 1
    assert one_error_line(result) == sentence
    assert db_path.read_bytes() == before


def test_no_open_promise_is_one_line_and_the_file_is_unchanged(acme: Cli, db_path: Path) -> None:
    assert acme("did", "acme", "l2").code == 0
    assert acme("did", "acme").code == 0
    before = db_path.read_bytes()
    result = acme("did", "acme")
    assert result.code == 1
    assert one_error_line(result) == (
        "loopdeck: Acme / ML Engineer has no open promise to tick off"
    )
    assert db_path.read_bytes() == before


def test_telling_a_recruiter_is_not_ticked_off_by_did(acme: Cli, db_path: Path) -> None:
    assert acme("add", 'Umbrella / Infra rec:"Uma Ray <uma@umbrella.io>" on:-6w').code == 0
    assert acme("offer", "umbrella", "--base", "200k", "--deadline", "+6d").code == 0
    pacing = (
        "Tell Ann Lee about the Umbrella deadline (6 days left) and ask them to speed up: "
        "an offer here is projected around Mon 13 Apr"
    )
    assert pacing in todos(acme)
    before = db_path.read_bytes()
    result = acme("did", "acme", "umbrella")
    assert result.code == 1
    assert one_error_line(result) == (
        "loopdeck: 'Tell Ann Lee about the Umbrella deadline (6 days left)' is done by "
        "logging the telling (told), not ticked off"
    )
    assert db_path.read_bytes() == before
