"""Starting on a path: the board in the first frame, or a frame saying the file is opening.

The app started on a path (as `loopdeck` starts it) opens the file in a thread
and waits a little for the first board before its first frame. Some tests hold
the thread at the door (`Repository.open` waits for an event) to look at the
screen of a file slower to open than that.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from apphelp import TODAY, settle, write_demo
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Static

from storage import repository
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.board import BoardRow
from tui.screens import main as main_module
from tui.theme import Palette
from tui.widgets.loop_pane import UNSIZED, Sheet
from tui.widgets.processes_table import ProcessesTable
from tui.widgets.timeline_pane import TimelinePane

ROOT = Path(__file__).resolve().parents[2]


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


class CountedStatic(Static):
    """A `Static` that counts the lines it draws."""

    drawn = 0

    def render_line(self, y: int) -> Strip:
        CountedStatic.drawn += 1
        return super().render_line(y)


async def test_a_file_that_opens_in_time_is_listed_in_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No "Opening the file…" frame before it: the board is shown as the screen mounts,
    and the panes are composed with the screen, not mounted in the place of that line."""
    monkeypatch.setattr(main_module, "Static", CountedStatic)
    CountedStatic.drawn = 0
    mounted_later: list[bool] = []
    monkeypatch.setattr(
        main_module.MainScreen, "_mount_detail", lambda screen: mounted_later.append(True)
    )
    path = write_demo(tmp_path / "loopdeck.json")
    app = LoopdeckApp(path, TODAY, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        assert app.board is not None  # as soon as the app is running, before any pause
        assert table_ids(app) == [row.process_id for row in app.board.rows if not row.closed]
        await settle(pilot)
        assert app.query("#timeline") and app.query("#contacts")

    assert CountedStatic.drawn == 0  # the "Opening the file…" line was never drawn
    assert mounted_later == []


async def test_a_file_that_fails_to_open_says_so_and_the_app_stays_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Storage turns a bad file into a read-only board; anything else raised is a bug,
    said in one sentence rather than a crash."""

    def failing_open(cls: type[Repository], path: Path, **options: bool) -> Repository:
        raise OSError("the disk went away")

    monkeypatch.setattr(repository.Repository, "open", classmethod(failing_open))
    path = write_demo(tmp_path / "loopdeck.json")
    app = LoopdeckApp(path, TODAY, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        said = [notice.message for notice in app._notifications]
        assert app.board is None and app.is_running
        assert "Could not open the file: the disk went away" in said
        assert app.main.check_action("add_loop", ()) is False


async def test_the_frame_comes_before_a_slow_file_opens_then_the_board_fills_it(
    tmp_path: Path, held_open: threading.Event
) -> None:
    path = write_demo(tmp_path / "loopdeck.json")
    app = LoopdeckApp(path, TODAY, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.sleep(0.3)  # frames come; the worker waits at the door
        assert app.board is None and app.session is None
        assert table_ids(app) == []
        assert "Opening the file" in str(app.query_one("#opening").render())
        # Editing waits for the file: its keys are not offered yet.
        assert app.main.check_action("add_loop", ()) is False
        assert app.main.check_action("undo", ()) is False

        held_open.set()
        await settle(pilot)

        assert app.board is not None
        assert table_ids(app) == [row.process_id for row in app.board.rows if not row.closed]
        assert not app.query("#opening")
        assert app.query("#timeline") and app.query("#contacts")
        await pilot.press("a")
        assert len(app.screen_stack) == 2


async def test_the_main_screen_has_its_breakpoint_class_before_its_first_resize(
    tmp_path: Path,
) -> None:
    """Textual gives the screen its width's class on its first resize, once the screen is
    mounted; a class changing then restyles every widget of the screen."""
    path = write_demo(tmp_path / "loopdeck.json")
    app = LoopdeckApp(Repository.open(path), TODAY, watch_interval=None)
    at_resize: list[set[str]] = []

    def hook(message: Message) -> None:
        main = getattr(app, "main", None)  # the app's own first resize comes before it
        if isinstance(message, events.Resize) and main is not None and main.is_mounted:
            at_resize.append(set(main.classes))

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)

    assert at_resize and "-wide" in at_resize[0] and "-narrow" not in at_resize[0]


def test_the_app_module_paints_without_pydantic_the_models_or_storage() -> None:
    """What the first frame must not wait for, checked in a fresh interpreter."""
    heavy = ["pydantic", "planner.models", "storage.repository", "tinydb", "tui.session"]
    probe = f"import sys, tui.cli.main, tui.app; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


async def test_the_first_board_lists_a_screenful_then_appends_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows below the first screenful are appended a frame later, never refilled."""
    monkeypatch.setattr(main_module, "FIRST_SCREEN_ROWS", 3)
    fills: list[int] = []
    real_fill = ProcessesTable._fill

    def counted_fill(table: ProcessesTable, keep: str | None, count: int) -> None:
        fills.append(count)
        real_fill(table, keep, count)

    monkeypatch.setattr(ProcessesTable, "_fill", counted_fill)
    path = write_demo(tmp_path / "loopdeck.json")
    app = LoopdeckApp(path, TODAY, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)

        assert app.board is not None
        open_rows = [row.process_id for row in app.board.rows if not row.closed]
        assert table_ids(app) == open_rows and len(open_rows) > 3
        assert [count for count in fills if count] == [3]  # appended below, never refilled


async def test_the_first_loop_is_laid_out_once_at_the_panes_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panes have no width before the first layout: the first board's loop waits for
    it (the frame that draws it) rather than being laid out for a stand-in width first."""
    widths: list[int] = []
    real_content = TimelinePane.content

    def counted_content(
        pane: TimelinePane, row: BoardRow, palette: Palette, today: dt.date, width: int
    ) -> Sheet:
        widths.append(width)
        return real_content(pane, row, palette, today, width)

    monkeypatch.setattr(TimelinePane, "content", counted_content)
    path = write_demo(tmp_path / "loopdeck.json")
    app = LoopdeckApp(path, TODAY, watch_interval=None)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = app.query_one("#timeline", TimelinePane)
        # The first frame's loop, at the width it is drawn at; the loops one key away
        # may follow (prepared after the frame), never a second layout of the first.
        assert widths[0] == timeline.scrollable_content_region.width > 0
        assert UNSIZED not in widths


ADD = "import sys; from tui.cli.main import main; sys.exit(main(sys.argv[1:]))"
APP_PROBE = """
import asyncio, datetime as dt, sys
from pathlib import Path
from tui.app import LoopdeckApp

async def browse() -> None:
    app = LoopdeckApp(Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]), watch_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.board is not None and len(app.board.rows) == 2, app.board
        for key in ("down", "up", "n", "escape"):
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        validating = ("pydantic", "pydantic_core", "planner.checking")
        print(sorted(m for m in validating if m in sys.modules))

asyncio.run(browse())
"""


def test_browsing_a_file_this_machine_wrote_never_imports_pydantic(tmp_path: Path) -> None:
    """Its records were validated when written: the app reads them back as they are,
    moves between loops and opens the next steps without pydantic (a fresh interpreter)."""
    data = tmp_path / "loopdeck.json"
    for line in ("Acme / ML Engineer rec:Ann next:screen on:+2d", "Borealis / SRE"):
        added = subprocess.run(
            [sys.executable, "-c", ADD, "--db", str(data), "add", line],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "LOOPDECK_TODAY": TODAY.isoformat()},
        )
        assert added.returncode == 0, added.stderr

    result = subprocess.run(
        [sys.executable, "-c", APP_PROBE, str(data), TODAY.isoformat()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
