"""The cached first screen: painted before the file is open, replaced by the real board.

The app started on a path (as `loopdeck` starts it) lists the loops it saved
last time for this very version of the file and today, while a worker opens
the file. These tests hold the worker at the door (`Repository.open` waits
for an event) to look at the screen in between.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from apphelp import TODAY, settle, write_demo

from storage import repository
from storage.repository import Repository
from tui import first_screen
from tui.app import LoopdeckApp
from tui.first_screen import FirstScreen
from tui.screens import main as main_module
from tui.session import Session
from tui.views import RowView
from tui.widgets.processes_table import ProcessesTable

ROOT = Path(__file__).resolve().parents[2]


def saved_board(path: Path) -> FirstScreen:
    """Compute the board once (which saves the first screen) and read the cache back."""
    Session(Repository.open(path), TODAY).board()
    found = first_screen.load(path, TODAY)
    assert found is not None
    return found


def table_companies(app: LoopdeckApp) -> list[str]:
    """The company column as drawn (a long name ends in an ellipsis)."""
    table = app.query_one("#processes", ProcessesTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def table_ids(app: LoopdeckApp) -> list[str]:
    table = app.query_one("#processes", ProcessesTable)
    return [str(row.key.value) for row in table.ordered_rows]


@pytest.fixture
def held_open(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """`Repository.open` waits until the test sets the event."""
    gate = threading.Event()
    real_open = repository.Repository.open.__func__  # type: ignore[attr-defined]

    def waiting_open(cls: type[Repository], path: Path, **options: bool) -> Repository:
        assert gate.wait(10), "the test never let the file open"
        return real_open(cls, path, **options)

    monkeypatch.setattr(repository.Repository, "open", classmethod(waiting_open))
    return gate


def test_every_board_saves_what_the_next_start_lists(tmp_path: Path) -> None:
    path = write_demo(tmp_path / "loopdeck.json")
    board = Session(Repository.open(path), TODAY).board()

    found = first_screen.load(path, TODAY)

    assert found is not None
    assert found.rows == [row.view for row in board.rows]
    assert found.summary == board.summary


def test_another_version_of_the_file_or_another_day_is_a_miss(tmp_path: Path) -> None:
    path = write_demo(tmp_path / "loopdeck.json")
    saved_board(path)

    assert first_screen.load(path, TODAY + dt.timedelta(days=1)) is None
    path.write_bytes(path.read_bytes() + b"\n")  # any change: size and mtime move
    assert first_screen.load(path, TODAY) is None


@pytest.mark.parametrize("damage", [b"", b"{}", b'{"key": 1}', b"\x80 not json"])
def test_a_damaged_cache_is_a_miss(tmp_path: Path, damage: bytes) -> None:
    path = write_demo(tmp_path / "loopdeck.json")
    saved_board(path)
    first_screen.cache_path(path).write_bytes(damage)

    assert first_screen.load(path, TODAY) is None


async def test_the_cached_rows_show_before_the_file_opens_then_the_board_replaces_them(
    tmp_path: Path, held_open: threading.Event
) -> None:
    path = write_demo(tmp_path / "loopdeck.json")
    held_open.set()
    real = saved_board(path)
    held_open.clear()
    # A first screen that differs from the file, to tell the two apart on screen.
    cached = FirstScreen(real.summary, [_renamed(real.rows[0], "Cached Co"), *real.rows[1:]])
    app = LoopdeckApp(path, TODAY, first=cached, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.sleep(0.3)  # frames come; the worker waits at the door
        assert table_companies(app)[0] == "Cached Co"
        assert app.board is None and app.session is None
        assert "Opening the file" in str(app.query_one("#opening").render())
        # Editing waits for the file: its keys are not offered yet.
        assert app.main.check_action("add_loop", ()) is False
        assert app.main.check_action("undo", ()) is False

        held_open.set()
        await settle(pilot)

        assert app.board is not None
        assert table_ids(app)[0] == real.rows[0].process_id
        assert table_companies(app)[0] != "Cached Co"
        assert not app.query("#opening")
        assert app.query("#timeline") and app.query("#contacts")
        await pilot.press("a")
        assert len(app.screen_stack) == 2


async def test_without_a_cache_the_app_opens_the_file_and_saves_one(tmp_path: Path) -> None:
    path = write_demo(tmp_path / "loopdeck.json")
    assert first_screen.load(path, TODAY) is None
    app = LoopdeckApp(path, TODAY, first=None, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        expected = [row.process_id for row in app.board.rows if not row.closed]
        assert table_ids(app) == expected

    found = first_screen.load(path, TODAY)
    assert found is not None and found.rows[0].process_id == expected[0]


def test_the_app_module_paints_without_pydantic_the_models_or_storage() -> None:
    """What the first paint must not wait for, checked in a fresh interpreter."""
    heavy = ["pydantic", "planner.models", "storage.repository", "tinydb", "tui.session"]
    probe = f"import sys, tui.cli.main, tui.app; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def _renamed(row: RowView, company: str) -> RowView:
    return RowView(
        row.process_id,
        company,
        row.role,
        row.stage,
        row.closed,
        row.owner,
        row.overridden,
        row.waiting_days,
        row.signal,
    )


async def test_an_unchanged_first_screen_is_completed_not_redrawn(
    tmp_path: Path, held_open: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cached top rows stay; the board only appends the rows below them."""
    monkeypatch.setattr(main_module, "FIRST_SCREEN_ROWS", 3)
    fills: list[int] = []
    real_fill = ProcessesTable._fill

    def counted_fill(table: ProcessesTable, keep: str | None, count: int) -> None:
        fills.append(count)
        real_fill(table, keep, count)

    monkeypatch.setattr(ProcessesTable, "_fill", counted_fill)
    path = write_demo(tmp_path / "loopdeck.json")
    held_open.set()
    cached = saved_board(path)
    held_open.clear()
    app = LoopdeckApp(path, TODAY, first=cached, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.sleep(0.3)
        assert table_ids(app) == [row.process_id for row in cached.rows[:3]]
        assert fills == [3]
        held_open.set()
        await settle(pilot)

        open_rows = [row.process_id for row in cached.rows if not row.closed]
        assert table_ids(app) == open_rows and len(open_rows) > 3
        assert fills == [3]  # appended below, never cleared and refilled
