"""The command registry imports only the command modules a command line needs."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.commands import COMMANDS, modules_for
from tui.cli.parsing import CliParser


@pytest.mark.parametrize(("module", "names"), COMMANDS)
def test_each_module_registers_the_names_the_registry_lists(
    module: str, names: tuple[str, ...]
) -> None:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(parser_class=CliParser)
    importlib.import_module(f"tui.cli.{module}").register(subparsers)
    assert tuple(subparsers.choices) == names


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], []),
        (["--db", "next"], []),  # a data file named like a command is still the app
        (["--demo", "--db=x.json"], []),
        (["--db", "x.json", "next", "--json"], ["next_steps"]),
        (["resume", "acme"], ["hold"]),
        (["show", "next"], ["show"]),
    ],
)
def test_the_first_free_word_picks_the_module(argv: list[str], expected: list[str]) -> None:
    assert modules_for(argv) == expected


@pytest.mark.parametrize("argv", [["--help"], ["nxt"], ["--de"]])
def test_help_typos_and_abbreviations_register_every_command(argv: list[str]) -> None:
    assert modules_for(argv) == [module for module, _ in COMMANDS]


def test_opening_the_app_and_running_next_skip_the_other_commands(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from tui.cli.main import build_parser, main\n"
        f"build_parser(['--db', {str(tmp_path / 'x.json')!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.cli.')))\n"
        f"main(['--db', {str(tmp_path / 'x.json')!r}, 'next'])\n"
        "print('icalendar' in sys.modules, 'tui.cli.export' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    first, *_, last = result.stdout.splitlines()
    assert "tui.cli.next_steps" not in first and "tui.cli.export" not in first
    assert last == "False False"
