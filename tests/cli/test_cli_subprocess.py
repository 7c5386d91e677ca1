"""The installed `loopdeck` script, run as a user runs it: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

LOOPDECK = Path(sys.executable).with_name("loopdeck")


def run(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOOPDECK_TODAY": "2026-03-16"}
    if env_db is not None:
        env["LOOPDECK_DB"] = str(env_db)
    return subprocess.run(
        [str(LOOPDECK), *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


@pytest.fixture(autouse=True)
def installed() -> None:
    assert LOOPDECK.exists(), "install the package first: pip install -e ."


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("next", "list", "show", "add", "stage", "done", "log", "close", "undo"):
        assert command in result.stdout


def test_demo_next_json_works_on_a_temp_copy(tmp_path: Path) -> None:
    untouched = tmp_path / "mine.json"
    result = run("--demo", "next", "--json", env_db=untouched)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    states = [i for i in items if i["kind"] == "state"]
    assert len(states) == 11  # the open loops of the demo, each with its state
    assert len(items) > len(states)  # and my to-dos beside some of them

    assert "Quarry Systems" in {i["company"] for i in items}
    assert not untouched.exists()  # the user's own file is never touched


def test_loopdeck_db_environment_variable_is_the_default(tmp_path: Path) -> None:
    db = tmp_path / "env.json"
    assert run("add", "Acme / ML Engineer", env_db=db).returncode == 0
    assert db.exists()
    assert json.loads(run("list", "--json", env_db=db).stdout)[0]["company"] == "Acme"


def test_a_mistake_exits_nonzero_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "data.json"
    run("add", "Acme / ML Engineer", env_db=db)
    before = db.read_bytes()
    result = run("done", "acme", "--on", "2026-13-01", env_db=db)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("loopdeck: '2026-13-01' is not a date: use YYYY-MM-DD")
    assert result.stderr.count("\n") == 1
    assert db.read_bytes() == before


def test_scripted_commands_never_import_textual_or_rich(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"main(['--db', {str(tmp_path / 'x.json')!r}, 'next', '--json'])\n"
        f"main(['--db', {str(tmp_path / 'x.json')!r}, 'list'])\n"
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    """`loopdeck next | head -1`: the closed pipe ends the run quietly."""
    env = {**os.environ, "LOOPDECK_TODAY": "2026-03-16"}
    process = subprocess.Popen(
        [str(LOOPDECK), "--demo", "next"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert errors == b""


def test_move_cancel_and_delete_as_real_processes(tmp_path: Path) -> None:
    db = tmp_path / "loops.json"
    assert run("add", "Acme / ML Engineer next:tech on:fri", env_db=db).returncode == 0
    moved = run("move", "acme", "tech", "mon", "--at", "10:00", env_db=db)
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.startswith("Moved the technical interview at Acme / ML Engineer")
    shown = json.loads(run("show", "acme", "--json", env_db=db).stdout)
    assert [(r["handle"], r["date"]) for r in shown["rounds"]] == [
        ("r1", "2026-03-16"),
        ("r2", "2026-03-23"),
    ]
    assert run("cancel", "acme", "r2", env_db=db).returncode == 0
    before = db.read_bytes()
    unconfirmed = run("delete", "acme", env_db=db)
    assert unconfirmed.returncode == 2
    assert unconfirmed.stderr.startswith("loopdeck: this would delete Acme / ML Engineer")
    assert db.read_bytes() == before
    assert run("delete", "acme", "--yes", env_db=db).returncode == 0
    gone = run("delete", "acme", "--yes", env_db=db)
    assert (gone.returncode, gone.stderr) == (1, "loopdeck: no loop matches 'acme'\n")
