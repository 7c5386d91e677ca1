"""Shared fixtures: a frozen "today" and a temp data folder, so every test is deterministic."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import TODAY


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` starts two workers per CPU.

    An app test spends most of its time asleep: Textual's pilot sleeps in
    steps of 20 ms until the app is idle, three times for a key, so a key
    takes about 80 ms of which under 30 ms is work (the board's arrow keys,
    measured). Sync tests wait for git. With one worker per CPU the CPUs
    idle meanwhile. PYTEST_XDIST_AUTO_NUM_WORKERS still decides when set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cpus or 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked slow run first, the rest in their usual order.

    With the tests spread over workers, a test of twenty seconds that starts
    last keeps one worker busy while the others have nothing left to do.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[dt.date]:
    """Every test runs on the same Monday unless it says otherwise."""
    monkeypatch.setenv("LOOPDECK_TODAY", TODAY.isoformat())
    monkeypatch.delenv("LOOPDECK_DB", raising=False)
    yield TODAY


@pytest.fixture(autouse=True)
def no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Human output fits `$COLUMNS` when set (pytest-xdist's workers set it to 80): tests
    that want a width set it themselves."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Caches of parsed files go to a folder of the test's own, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("LOOPDECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def private_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """My own files (draft templates) come from a folder of the test's own, never the user's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("LOOPDECK_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's data file lives: a real file in a temp folder."""
    return tmp_path / "data" / "loopdeck.json"
