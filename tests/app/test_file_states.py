"""A file that is damaged, missing, or changed by someone else while the app is open."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from apphelp import make_app, screen_text, settle, stored_loops, type_text

from planner.models import Process
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.quick_line import QuickLineScreen
from tui.widgets.processes_table import ProcessesTable
from tui.widgets.read_only_banner import ReadOnlyBanner


async def test_damaged_file_opens_read_only_and_editing_keys_explain(demo_db: Path) -> None:
    text = demo_db.read_text(encoding="utf-8")
    demo_db.write_text("<<<<<<< HEAD\n" + text, encoding="utf-8")
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        banner = app.query_one("#banner", ReadOnlyBanner)
        assert banner.display
        assert banner.reason is not None
        shown = screen_text(app)
        assert "Read-only:" in shown
        for key in ("a", "s", "c", "l", "d", "e", "o", "x", "u"):
            await pilot.press(key)
            await settle(pilot)
            assert not isinstance(app.screen, QuickLineScreen)
            assert app.screen is app.screen_stack[0], f"{key} opened a form on a read-only file"
    assert demo_db.read_bytes() == before


async def test_missing_file_starts_empty_and_the_first_loop_creates_it(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one("#processes", ProcessesTable).row_count == 0
        assert "Press a to add one" in screen_text(app)
        assert app.main.check_action("add_round", ()) is None, "no loop: s is greyed out"
        await pilot.press("s")
        assert app.screen is app.screen_stack[0]
        await pilot.press("a")
        await type_text(pilot, "Acme / ML Engineer")
        await pilot.press("enter")
        await settle(pilot)
    assert [loop.process.title for loop in stored_loops(db_path)] == ["Acme / ML Engineer"]


async def test_change_on_disk_reloads_and_keeps_the_selection(demo_db: Path) -> None:
    app = make_app(demo_db, watch_interval=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await pilot.pause()
        selected = app.main.selected_id
        other_window = Repository.open(demo_db)
        with other_window.transaction("add from another window") as tx:
            tx.put(Process(company="Zephyr Labs", role="ML Lead", created_on=dt.date(2026, 3, 16)))
        for _ in range(40):
            await asyncio.sleep(0.05)
            await pilot.pause()
            if app.board and any(r.loop.process.company == "Zephyr Labs" for r in app.board.rows):
                break
        await settle(pilot)
        assert "Zephyr Labs" in screen_text(app)
        assert app.main.selected_id == selected


async def test_resize_keeps_the_cursor_on_the_same_loop(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        selected = app.main.selected_id
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.main.selected_id == selected
        table = app.query_one("#processes", ProcessesTable)
        assert table.cursor_row == 3


async def test_a_file_with_a_malformed_table_opens_read_only_with_a_banner(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text('{"processes": []}\n', encoding="utf-8")
    app = LoopdeckApp(db_path, dt.date(2026, 3, 16), watch_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Opening the file" not in shown
        assert "Read-only:" in shown and "table 'processes' is not a set of records" in shown
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
    assert db_path.read_text(encoding="utf-8") == '{"processes": []}\n'
