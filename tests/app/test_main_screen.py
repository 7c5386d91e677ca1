"""The main screen on the demo data: summary, urgency order, panes following the cursor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from apphelp import make_app, screen_text, settle, type_text
from textual.geometry import Size

from planner.models import Owner
from planner.steps import SIGNAL_URGENCY
from tui.screens.main import MainScreen
from tui.widgets.processes_table import ProcessesTable


async def test_summary_counts_owners_and_the_table_lists_open_loops_by_urgency(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        open_rows = [r for r in app.board.rows if not r.closed]
        steps = [r.step for r in open_rows if r.step is not None]
        on_me = sum(1 for s in steps if s.owner == Owner.ME)
        text = screen_text(app)
        assert f"{len(open_rows)} active" in text
        assert f" ME  {on_me}" in text
        assert "Mon 16 Mar 2026" in text
        table = app.query_one("#processes", ProcessesTable)
        assert table.row_count == len(open_rows)
        urgencies = [SIGNAL_URGENCY[s.signal] for s in steps]
        assert urgencies == sorted(urgencies)
        first = open_rows[0].loop.process
        assert app.main.selected_id == first.id
        assert first.title in text.replace("\n", "") or first.company in text


async def test_moving_the_cursor_updates_timeline_and_contacts(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        second = [r for r in app.board.rows if not r.closed][1]
        await pilot.press("down")
        await pilot.pause()
        assert app.main.selected_id == second.process_id
        text = screen_text(app)
        assert second.loop.process.company in text
        recruiter = second.loop.contacts[0].name
        assert recruiter in text


async def test_filter_narrows_the_list_and_escape_restores_it(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.query_one("#processes", ProcessesTable)
        everything = table.row_count
        await pilot.press("slash")
        await type_text(pilot, "lumen")
        await pilot.pause()
        assert table.row_count == 1
        assert "Lumen Forge" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == everything
        assert table.has_focus


async def test_closed_loops_hide_until_toggled(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        closed = [r for r in app.board.rows if r.closed]
        assert closed, "the demo has closed loops"
        table = app.query_one("#processes", ProcessesTable)
        before = table.row_count
        await pilot.press("t")
        await pilot.pause()
        assert table.row_count == before + len(closed)
        assert "closed shown" in screen_text(app)


async def test_narrow_terminal_stacks_the_panes(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one("#processes")
        timeline = app.query_one("#timeline")
        assert app.screen.has_class("-narrow")
        assert timeline.region.y > table.region.y
        assert table.region.width == 80


async def test_a_resize_to_the_size_it_has_lays_nothing_out_again(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's own size events at start-up come after the first frame, at the size it
    was drawn at: each used to arrange and repaint the whole screen."""
    arranged: list[Size] = []
    real = MainScreen.arrange

    def counted(screen: MainScreen, size: Size, **options: Any) -> Any:
        arranged.append(size)
        return real(screen, size, **options)

    monkeypatch.setattr(MainScreen, "arrange", counted)
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        arranged.clear()
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert arranged == []

        await pilot.resize_terminal(100, 30)  # a new size is laid out, as always
        await settle(pilot)
        assert Size(100, 30) in arranged
