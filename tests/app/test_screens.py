"""Next steps (`n`), help (`?`), the command palette and themes."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, open_next_steps, screen_text, settle, type_text
from textual.widgets import OptionList

from planner.models import Owner
from tui.app import LoopdeckApp
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.next_steps import NextStepsScreen
from tui.widgets.contact_cards import ContactCards
from tui.widgets.timeline_pane import TimelinePane


async def test_next_steps_groups_by_owner_and_enter_jumps_to_the_loop(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        open_rows = [r for r in app.board.rows if r.step is not None]
        await pilot.press("n")
        assert isinstance(app.screen, NextStepsScreen)
        for owner in (Owner.RECRUITER, Owner.HIRING_MANAGER, Owner.ME):
            column = app.screen.query_one(f"#steps-{owner.value}", OptionList)
            expected = [r for r in open_rows if r.step is not None and r.step.owner == owner]
            todos = sum(len(r.todos) for r in open_rows) if owner == Owner.ME else 0
            assert column.option_count == len(expected) + todos
        text = screen_text(app)
        assert "Recruiter  (" in text and "Hiring manager  (" in text and "Me  (" in text

        await pilot.press("left")  # from my column to the hiring manager's
        hm_column = app.screen.query_one("#steps-hiring_manager", OptionList)
        assert hm_column.has_focus
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, NextStepsScreen)
        chosen = hm_column.get_option_at_index(1).id
        assert app.main.selected_id == chosen


async def test_escape_leaves_next_steps_without_moving(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.main.selected_id
        await pilot.press("n", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, NextStepsScreen)
        assert app.main.selected_id == before


async def test_help_lists_every_binding_with_its_description(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 90)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        everywhere = [*LoopdeckApp.BINDINGS, *MainScreen.BINDINGS]
        panes = [*TimelinePane.BINDINGS, *ContactCards.BINDINGS]
        for binding in [*everywhere, *panes]:
            assert not isinstance(binding, tuple)
            assert binding.description and binding.tooltip and binding.id
            assert binding.description in text, binding.description
        for words in ("On an item of the timeline or the contacts (Tab)", "On a round"):
            assert words in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_jumps_to_a_loop_by_name(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        target = next(r for r in app.board.rows if r.loop.process.company == "Lumen Forge")
        await pilot.press("ctrl+p")
        await type_text(pilot, "go to lumen")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.selected_id == target.process_id


async def test_palette_runs_an_action(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "next steps by owner")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NextStepsScreen)


async def test_light_theme_is_registered_and_recolours(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dark = app.main.palette
        app.theme = "loopdeck-light"
        await pilot.pause()
        assert app.main.palette != dark


async def test_next_steps_shows_one_cursor_and_the_board_scrolls_as_one(demo_db: Path) -> None:
    """Only the focused column's card looks selected; no column scrolls on its own."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_next_steps(pilot)
        columns = {o: screen.query_one(f"#steps-{o.value}", OptionList) for o in Owner}
        board = screen.query_one("#step-board")
        assert board.scroll_y == 0
        for column in columns.values():
            assert column.highlighted == 0 and column.max_scroll_y == 0
        assert board.max_scroll_y > 0, "the demo's Me column is taller than the screen"

        def cursor_colour(column: OptionList) -> object:
            return column.get_component_rich_style("option-list--option-highlighted").bgcolor

        def plain_colour(column: OptionList) -> object:
            return column.get_component_rich_style("option-list--option").bgcolor

        focused = columns[Owner.ME]
        assert focused.has_focus
        assert cursor_colour(focused) != plain_colour(focused)
        for owner in (Owner.RECRUITER, Owner.HIRING_MANAGER):
            assert cursor_colour(columns[owner]) == plain_colour(columns[owner])
        await pilot.press("h")
        assert columns[Owner.HIRING_MANAGER].has_focus
        assert cursor_colour(columns[Owner.ME]) == plain_colour(columns[Owner.ME])
        assert cursor_colour(columns[Owner.HIRING_MANAGER]) != plain_colour(
            columns[Owner.HIRING_MANAGER]
        )


async def test_next_steps_vim_keys_walk_the_cards_and_the_columns(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_next_steps(pilot)
        me = screen.query_one("#steps-me", OptionList)
        board = screen.query_one("#step-board")
        await pilot.press("j", "j")
        assert me.highlighted == 2
        await pilot.press("k")
        assert me.highlighted == 1
        await pilot.press("G")
        await pilot.pause()
        assert me.highlighted == me.option_count - 1
        # Scrolled down to the last card (below it: a separator, the column's border).
        assert board.max_scroll_y > 0 and board.max_scroll_y - board.scroll_y <= 4
        await pilot.press("g")
        await pilot.pause()
        assert me.highlighted == 0 and board.scroll_y == 0
        await pilot.press("l")
        assert screen.query_one("#steps-recruiter", OptionList).has_focus
        await pilot.press("h", "h")
        assert screen.query_one("#steps-hiring_manager", OptionList).has_focus
        await pilot.press("j", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, NextStepsScreen)
