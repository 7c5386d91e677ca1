"""Helpers for command-line tests: run the real `main()` on a real temp data file."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from clihelp import Cli, Result

from tui.cli.main import main
from tui.demo import make_demo_copy


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db_path: Path) -> Cli:
    """Run `loopdeck --db <db_path> ARGS...` in this process and capture what it printed."""

    def run(*args: str, db: Path | None = None) -> Result:
        capsys.readouterr()
        code = main(["--db", str(db or db_path), *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def demo_db(frozen_today: dt.date) -> Iterator[Path]:
    """A fresh demo copy with its dates around the frozen today."""
    path = make_demo_copy(frozen_today)
    yield path
    shutil.rmtree(path.parent)
