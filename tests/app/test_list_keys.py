"""j/k, g/G and Home/End beside the arrows in every list; K opens the kept conflicts;
a loop key with no loop selected says so."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, open_on, open_prep, settle, type_text
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import OptionList

from tui.app import LoopdeckApp
from tui.screens.conflicts_view import ConflictsScreen
from tui.widgets.loop_pane import LoopPane
from tui.widgets.processes_table import ProcessesTable


def table(app: LoopdeckApp) -> ProcessesTable:
    return app.main.query_one("#processes", ProcessesTable)


async def test_j_k_g_and_G_move_the_loop_cursor_like_the_arrows(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = table(app).row_count
        assert rows > 3 and table(app).cursor_row == 0
        await pilot.press("j", "j")
        assert table(app).cursor_row == 2
        await pilot.press("k")
        assert table(app).cursor_row == 1
        await pilot.press("G")
        assert table(app).cursor_row == rows - 1
        await pilot.press("g")
        assert table(app).cursor_row == 0
        await pilot.press("end")
        assert table(app).cursor_row == rows - 1
        await pilot.press("home")
        assert table(app).cursor_row == 0
        assert not isinstance(app.screen, ConflictsScreen)  # k moves, it opens nothing


async def test_j_k_g_G_walk_a_pane_s_items(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        await pilot.press("tab")
        pane = app.focused
        assert isinstance(pane, LoopPane) and len(pane.items) > 2
        await pilot.press("j", "j")
        assert pane.cursor == 2
        await pilot.press("k")
        assert pane.cursor == 1
        await pilot.press("G")
        assert pane.cursor == len(pane.items) - 1
        await pilot.press("g")
        assert pane.cursor == 0
        await pilot.press("end")
        assert pane.cursor == len(pane.items) - 1
        await pilot.press("home")
        assert pane.cursor == 0


async def test_j_k_g_G_move_through_the_prep_questions(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, "Kestrel Grid")
        questions = app.screen.query_one("#prep-questions", OptionList)
        assert questions.option_count == 4 and questions.highlighted == 0
        await pilot.press("j", "j")
        assert questions.highlighted == 2
        await pilot.press("k")
        assert questions.highlighted == 1
        await pilot.press("G")
        assert questions.highlighted == 3
        await pilot.press("g")
        assert questions.highlighted == 0


async def test_capital_K_opens_the_kept_conflicts_and_closes_them(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("K")
        await settle(pilot)
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("K")
        assert not isinstance(app.screen, ConflictsScreen)


async def test_a_loop_key_with_no_loop_selected_says_so(demo_db: Path) -> None:
    app = make_app(demo_db)
    said: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            said.append(message.notification.message)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "no such loop anywhere")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.selected_row() is None
        for key in ("s", "T", "p", "d"):
            said.clear()
            await pilot.press(key)
            assert app.screen is app.main, key
            assert said == ["Select a loop first (add one with a)."], key
