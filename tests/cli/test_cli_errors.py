"""Wrong input never crashes and never touches the data file.

Each case runs one mistaken command against a file with two loops and checks
the exit code, the single `loopdeck: ` line on stderr, and that the file's
bytes are exactly what they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clihelp import Cli, one_error_line

BAD_COMMANDS: list[tuple[tuple[str, ...], int, str]] = [
    (("done", "ml eng", "--on", "2026-02-30"), 1, "'2026-02-30' is not a date"),
    (("log", "ml eng", "hi", "--due", "someday"), 1, "'someday' is not a date"),
    (("add", "Acme ML Engineer"), 1, "missing ' / ' between company and role"),
    (("add", " / ML Engineer"), 1, "company"),
    (("add", 'Beta / Infra rec:"Ann <not-an-email>"'), 1, "email"),
    (("stage", "infra", "lunch on:fri"), 1, "lunch"),
    (("log", "ml eng", "   "), 1, "text"),
    (("show", "zzz"), 1, "no loop matches 'zzz'"),
    (("show", "acme"), 1, "matches 2 loops: Acme / Infra ("),
    (("done", "acme"), 1, "matches 2 loops"),
    (("log", "ml eng", "hi", "--with", "bob"), 1, "'bob' matches no contact"),
    (("done", "infra"), 1, "Acme / Infra has no open round"),
    (("done", "ml eng", "--on", "tomorrow"), 1, "cannot have taken place on Tue 17 Mar"),
    (("resume", "infra"), 1, "already active"),
    (("close", "infra"), 2, "--reason"),
    (("close", "infra", "--reason", "ghosted"), 2, "invalid choice: 'ghosted'"),
    (("owner", "infra", "boss"), 2, "invalid choice: 'boss'"),
    (("next", "--owner", "ceo"), 2, "invalid choice: 'ceo'"),
    (("frobnicate",), 2, "invalid choice: 'frobnicate'"),
    (("--demo", "next"), 2, "--demo and --db cannot be used together"),
]


@pytest.fixture
def two_loops(cli: Cli, db_path: Path) -> bytes:
    """A file with 'Acme / ML Engineer' (a round past due) and 'Acme / Infra'; its bytes."""
    assert cli("add", 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" on:-2w').code == 0
    assert cli("stage", "ml eng", "screen on:-1d").code == 0
    assert cli("add", "Acme / Infra").code == 0
    return db_path.read_bytes()


@pytest.mark.parametrize(("args", "code", "message"), BAD_COMMANDS)
def test_a_mistake_gives_one_line_and_leaves_the_file_alone(
    cli: Cli, db_path: Path, two_loops: bytes, args: tuple[str, ...], code: int, message: str
) -> None:
    result = cli(*args)
    assert result.code == code
    assert message in one_error_line(result)
    assert db_path.read_bytes() == two_loops


def test_undo_with_nothing_to_undo_creates_no_file(cli: Cli, db_path: Path) -> None:
    result = cli("undo")
    assert result.code == 1
    assert one_error_line(result) == "loopdeck: nothing to undo"
    assert not db_path.exists()


def test_bad_loopdeck_today_is_one_clear_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    monkeypatch.setenv("LOOPDECK_TODAY", "soon")
    result = cli("next")
    assert result.code == 1
    assert "LOOPDECK_TODAY='soon' is not a date" in one_error_line(result)
    assert not db_path.exists()


DAMAGED = {
    "truncated": b'{"meta": {"schema": {"schema_version": 1}}, "processes": {',
    "conflict markers": b"<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n",
    "duplicate keys": b'{"meta": {"schema": {"schema_version": 1}}, "meta": {}}\n',
    "newer schema": b'{"meta": {"schema": {"schema_version": 99}}}\n',
}
WRITES: list[tuple[str, ...]] = [
    ("add", "Beta / Infra"),
    ("stage", "acme", "tech on:fri"),
    ("done", "acme"),
    ("log", "acme", "hi"),
    ("close", "acme", "--reason", "withdrew"),
    ("hold", "acme"),
    ("owner", "acme", "me"),
    ("undo",),
]


@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_a_damaged_file_is_never_written(cli: Cli, db_path: Path, damage: str) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(DAMAGED[damage])
    for args in WRITES:
        result = cli(*args)
        assert result.code == 1, args
        one_error_line(result)
        assert db_path.read_bytes() == DAMAGED[damage]
    check = cli("check")
    assert check.code == 1
    assert "read-only" in one_error_line(check)


def test_reading_a_damaged_file_is_an_error_not_an_empty_list(cli: Cli, db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(DAMAGED["conflict markers"])
    result = cli("next", "--json")
    assert result.code == 1
    assert "conflict markers" in one_error_line(result)
    assert db_path.read_bytes() == DAMAGED["conflict markers"]


def test_state_mistakes_leave_the_file_alone(cli: Cli, db_path: Path, two_loops: bytes) -> None:
    assert cli("close", "infra", "--reason", "withdrew").code == 0
    closed = db_path.read_bytes()
    for args, message in [
        (("close", "infra", "--reason", "rejected"), "already closed"),
        (("hold", "infra"), "is closed, not active"),
    ]:
        result = cli(*args)
        assert result.code == 1
        assert message in one_error_line(result)
        assert db_path.read_bytes() == closed


def test_help_returns_zero_instead_of_exiting(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0
    assert "usage: loopdeck" in result.out
    assert cli("next", "--help").code == 0


def test_check_of_a_missing_file_is_fine_and_creates_nothing(cli: Cli, db_path: Path) -> None:
    result = cli("check")
    assert result.code == 0
    assert result.out.startswith("No data file at ")
    assert not db_path.exists()
