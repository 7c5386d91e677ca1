"""The README's promises, checked: its TinyDB recipe runs on a real file, and its tables of
round kinds and signals name every one the code has."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.models import RoundKind
from planner.roundwords import ROUND_ALIASES
from planner.signals import Signal
from tui.cli.main import main
from tui.cli.output import SIGNAL_LABELS

README = Path(__file__).resolve().parent.parent / "README.md"


def section(title: str) -> str:
    """The README's text under `## title`, up to the next heading of that level."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def recipe() -> str:
    """The one Python block of the section on scripts."""
    blocks = re.findall(r"```python\n(.*?)```", section("Your data from a script"), re.S)
    assert len(blocks) == 1
    return str(blocks[0])


def loopdeck(db: Path, *args: str) -> None:
    assert main(["--db", str(db), *args]) == 0


def test_the_tinydb_recipe_lists_the_active_loops_of_a_real_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "loopdeck.json"
    loopdeck(db, "add", "Acme / ML Engineer next:screen on:fri")
    loopdeck(db, "stage", "acme", "tech on:+1w")
    loopdeck(db, "add", "Beta / SRE")
    loopdeck(db, "add", "Gone / Deleted next:hm")
    loopdeck(db, "undo")  # a tombstone now: the recipe must not list it
    loopdeck(db, "add", "Held / Infra")
    loopdeck(db, "hold", "held")
    capsys.readouterr()
    before = db.read_bytes()
    script = tmp_path / "loops.py"
    script.write_text(recipe(), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, str(script), str(db)], capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()) == [
        "Acme / ML Engineer: 3 rounds",  # applied, screen, tech
        "Beta / SRE: 1 rounds",
    ]
    assert db.read_bytes() == before  # the recipe only reads


def test_every_round_kind_and_its_words_are_in_the_table() -> None:
    table = section("Who owns the next step")
    for kind in RoundKind:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{kind.value}` |"))
        assert f"| {kind.label} |" in row
        for word, named in ROUND_ALIASES.items():
            if named == kind:
                assert f"`{word}`" in row, (kind, word)


def test_every_signal_is_explained() -> None:
    table = section("Who owns the next step")
    for signal in Signal:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{signal.value}` |"))
        label = SIGNAL_LABELS[signal] or "(blank on the command line)"
        assert f"| {label} |" in row, signal


def test_the_quick_start_is_two_commands_then_the_keys_then_the_command_line() -> None:
    block = re.search(r"```sh\n(.*?)```", section("Quick start"), re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert commands == ["make demo", "make test"]
    headings = re.findall(r"^## (.+)$", README.read_text(encoding="utf-8"), re.M)
    assert headings[:3] == ["Quick start", "Keys", "Command line"]


def test_installing_and_completion_for_each_shell_are_documented() -> None:
    quick = section("Quick start")
    assert "pipx install ." in quick and "uv tool install ." in quick and "make install" in quick
    commands = section("Command line")
    for shell in ("bash", "zsh", "fish"):
        assert f"loopdeck completion {shell}" in commands, shell
