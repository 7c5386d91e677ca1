"""Human output fits the terminal: no line longer than `$COLUMNS`, the owner and signal kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clihelp import Cli, assert_fits

from planner.signals import OWNER_LABELS, Owner, Signal
from tui.cli.output import SIGNAL_LABELS

WIDTHS = [80, 200]
COMMANDS = [
    ("next",),
    ("next", "--owner", "me"),
    ("list", "--all"),
    ("offers",),
    ("stats",),
    ("show", "lumen"),
    ("show", "saltmarsh"),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_line_is_longer_than_the_width(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch, width: int, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli(*args, db=demo_db)
    assert result.code == 0, result.err
    assert_fits(result.out, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_next_keeps_every_threads_signal_and_owner(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    items = json.loads(cli("next", "--json", db=demo_db).out)
    monkeypatch.setenv("COLUMNS", str(width))
    lines = assert_fits(cli("next", db=demo_db).out, width)
    assert lines[0].split()[:2] == ["SIGNAL", "LOOP"]
    for item, line in zip(items, lines[1:], strict=False):
        assert line.startswith(SIGNAL_LABELS[Signal(item["signal"])])
        assert OWNER_LABELS[Owner(item["owner"])] in line
        assert item["company"][:8] in line  # the loop's name starts its cell
    assert {"Hiring manager", "Recruiter", "Me"} <= {OWNER_LABELS[Owner(i["owner"])] for i in items}


def test_at_80_the_narrow_table_drops_columns_before_it_wraps(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    header = cli("next", db=demo_db).out.splitlines()[0].split()
    assert header == ["SIGNAL", "LOOP", "NEXT", "STEP", "OWNER", "NUDGE"]
    monkeypatch.setenv("COLUMNS", "250")
    wide = cli("next", db=demo_db).out
    assert wide.splitlines()[0].split()[-3:] == ["LAST", "TOUCH", "WHEN"]
    assert "Tell Maya Okafor about the Tidewater Compute deadline (2 days left)" in wide


def test_list_keeps_the_owner_and_signal_of_every_loop(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loops = json.loads(cli("list", "--json", db=demo_db).out)
    monkeypatch.setenv("COLUMNS", "80")
    lines = assert_fits(cli("list", db=demo_db).out, 80)
    for loop, line in zip(loops, lines[1:], strict=True):
        assert line.startswith(loop["id"][:8])
        step = loop["next"]
        assert OWNER_LABELS[Owner(step["owner"])] in line
        assert line.rstrip().endswith(SIGNAL_LABELS[Signal(step["signal"])])


def test_offers_and_stats_keep_their_numbers_at_80(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    offers = assert_fits(cli("offers", db=demo_db).out, 80)
    first_year = next(line for line in offers if line.startswith("First year"))
    assert first_year.split("  ")[-1].strip() == "EUR 210,000"  # amounts are never cut
    stats = assert_fits(cli("stats", db=demo_db).out, 80)
    assert stats[0].startswith("Applied to offer: ")
    assert any(line.startswith("Hiring-manager interview") for line in stats)


def test_show_keeps_the_signal_of_a_long_next_step(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    lines = assert_fits(cli("show", "saltmarsh", db=demo_db).out, 50)
    assert next(line for line in lines if line.startswith("Next: ")).endswith("[missed]")


@pytest.mark.parametrize("args", [("next",), ("list", "--all"), ("offers",), ("stats",)])
def test_json_does_not_depend_on_the_width(
    cli: Cli, demo_db: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    unset = cli(*args, "--json", db=demo_db).out
    monkeypatch.setenv("COLUMNS", "40")
    assert cli(*args, "--json", db=demo_db).out == unset


def test_piped_without_columns_nothing_is_cut(cli: Cli, demo_db: Path) -> None:
    """Into another program (no terminal, no $COLUMNS) every cell is whole, as before."""
    text = cli("next", db=demo_db).out
    assert "Tell Maya Okafor about the Tidewater Compute deadline (2 days left)" in text
    assert "…" not in text


def test_the_installed_command_fits_columns(demo_db: Path) -> None:
    """A real process, as a shell runs it: the width comes from the environment."""
    script = Path(sys.executable).with_name("loopdeck")
    env = {**os.environ, "COLUMNS": "80", "LOOPDECK_TODAY": "2026-03-16"}
    result = subprocess.run(
        [str(script), "--db", str(demo_db), "next"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert_fits(result.stdout, 80)
