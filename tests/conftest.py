"""Shared fixtures: a frozen "today" and a temp data folder, so every test is deterministic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

FROZEN_TODAY = dt.date(2026, 3, 16)  # a Monday


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked slow run first, the rest in their usual order.

    With the tests spread over workers, a test of twenty seconds that starts
    last keeps one worker busy while the others have nothing left to do.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[dt.date]:
    """Every test runs on the same Monday unless it says otherwise."""
    monkeypatch.setenv("LOOPDECK_TODAY", FROZEN_TODAY.isoformat())
    monkeypatch.delenv("LOOPDECK_DB", raising=False)
    yield FROZEN_TODAY


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
