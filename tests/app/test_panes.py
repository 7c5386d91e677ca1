"""The timeline and contact panes: exact row counts, Rich's own rendering, and the cursor's loop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apphelp import TODAY, make_app, settle
from rich.console import Console
from rich.style import Style
from rich.text import Text

from tui.board import BoardRow
from tui.theme import THEMES, Palette, palette_for
from tui.widgets.contact_cards import ContactCards
from tui.widgets.loop_pane import PREPARE_AFTER_S, LoopPane, Sheet
from tui.widgets.pane_text import Page, rows
from tui.widgets.processes_table import ProcessesTable
from tui.widgets.timeline_pane import TimelinePane

WIDTHS = [8, 20, 31, 45, 56, 80]
ODD_PARTS = [
    Text(""),
    Text("\n"),
    Text("ends with a newline\n"),
    Text("a_word_longer_than_any_pane_is_wide_so_it_folds_over_several_rows"),
    Text("spaces   between   words   that   wrap   " * 3),
    Text("全角の文字は二つのセルを使うので折り返しが早くなります " * 2),
    Text.assemble(("styled", "bold"), " and plain, " * 6, style="italic"),
]


def demo_parts(demo_db: Path) -> list[Text]:
    app = make_app(demo_db)
    board = app.session.board()
    palette = palette_for(THEMES[0])
    parts: list[Text] = []
    for row in board.rows:
        parts += TimelinePane().content(row, palette, TODAY, 40).parts
        parts += ContactCards().content(row, palette, TODAY, 40).parts
    return parts


def rich_rows(part: Text, console: Console, width: int) -> list[list[tuple[str, Style | None]]]:
    """How Rich itself draws `part` at `width`: text and style per cell run."""
    lines = console.render_lines(part, console.options.update_width(width), pad=True)
    return [[(s.text, s.style) for s in line if s.text] for line in lines]


def page_rows(page: Page, console: Console) -> list[list[tuple[str, Style | None]]]:
    drawn = [page.row(y, console, Style()) for y in range(page.height)]
    return [[(s.text, s.style) for s in strip if s.text] for strip in drawn]


def cells(rows_: list[list[tuple[str, Style | None]]]) -> list[list[tuple[str, Style | None]]]:
    """One entry per character, so runs split differently still compare equal."""
    return [[(ch, style or Style()) for text, style in row for ch in text] for row in rows_]


@pytest.mark.parametrize("width", WIDTHS)
def test_row_counts_are_those_rich_wraps_to(demo_db: Path, width: int) -> None:
    console = Console(width=200)
    for part in [*demo_parts(demo_db), *ODD_PARTS]:
        expected = len(console.render_lines(part, console.options.update_width(width)))
        assert rows(part, console, width) == expected, (part.plain, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_page_draws_what_rich_draws(demo_db: Path, width: int) -> None:
    console = Console(width=200)
    parts = [*demo_parts(demo_db), *ODD_PARTS]
    page = Page(parts)
    page.measure(console, width)
    expected = [row for part in parts for row in rich_rows(part, console, width)]
    assert cells(page_rows(page, console)) == cells(expected)


def drawn_text(pane: LoopPane) -> str:
    """The pane's rows on screen now, as one string without the wrapping."""
    height = pane.scrollable_content_region.height
    return "".join(pane.render_line(y).text.replace(" ", "") for y in range(height))


def shows(pane: LoopPane, words: str) -> bool:
    return words.replace(" ", "") in drawn_text(pane)


async def test_the_panes_show_the_loop_under_the_cursor_after_every_key(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.query_one("#processes", ProcessesTable)
        timeline = app.query_one("#timeline", TimelinePane)
        contacts = app.query_one("#contacts", ContactCards)
        shown: list[tuple[str, tuple[Page, Page]]] = []
        keys = ["down"] * (table.row_count - 1) + ["up"] * (table.row_count - 1)
        for key in keys:
            await pilot.press(key)
            row = app.main.selected_row()
            assert row is not None
            assert table.highlighted == row.process_id
            assert shows(timeline, row.loop.process.title)
            for contact in row.loop.contacts[:1]:
                assert shows(contacts, contact.name)
            pages = (timeline.page, contacts.page)
            if len(shown) > 1 and shown[-2][0] == row.process_id:
                assert shown[-2][1] == pages  # moving back: the pages drawn a key before
            shown.append((row.process_id, pages))


async def test_what_the_panes_paint_is_the_loop_under_the_cursor_after_every_key(
    demo_db: Path,
) -> None:
    """A new loop repaints only the rows it changes: every row on screen is still its own."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.query_one("#processes", ProcessesTable)
        panes = [app.query_one("#timeline", TimelinePane), app.query_one("#contacts", ContactCards)]
        kept = 0
        keys = ["down"] * (table.row_count - 1) + ["up"] * (table.row_count - 1)
        for key in keys:
            await pilot.pause(PREPARE_AFTER_S * 5)
            await pilot.press(key)
            await pilot.pause()
            for pane in panes:
                left, top = pane.content_offset
                width, height = pane.scrollable_content_region.size
                painted = pane.render_lines(pane.outer_size.region)[top : top + height]
                for y, line in enumerate(painted):
                    assert line.crop(left, left + width).text == pane.render_line(y).text, (key, y)
                kept += sum(1 for y in range(height) if pane.render_line(y).text.strip())
        assert kept


async def test_a_pane_redraws_for_a_new_board_or_theme(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timeline = app.query_one("#timeline", TimelinePane)
        before = timeline.page
        app.theme = "textual-light"
        await pilot.pause()
        assert timeline.page is not before
        themed = timeline.page
        app.post_message(app.BoardReady(app.session.board(), select=app.main.selected_id))
        await pilot.pause()
        assert timeline.page is not themed
        row = app.main.selected_row()
        assert row is not None and shows(timeline, row.loop.process.title)


async def test_a_resized_pane_wraps_its_text_again(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timeline = app.query_one("#timeline", TimelinePane)
        wide = timeline.page.width
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert timeline.page.width == timeline.scrollable_content_region.width != wide
        row = app.main.selected_row()
        assert row is not None and shows(timeline, row.loop.process.title)


async def test_the_next_loop_shows_from_its_top(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.query_one("#timeline", TimelinePane)
        assert timeline.page.height > timeline.scrollable_content_region.height
        timeline.scroll_to(y=3, animate=False)
        await pilot.pause()
        assert timeline.scroll_y == 3
        await pilot.press("down")
        assert timeline.scroll_y == 0


async def test_the_loops_one_key_away_are_ready_before_the_key(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timeline = app.query_one("#timeline", TimelinePane)
        built: list[str] = []
        content = timeline.content

        def counted(row: BoardRow, palette: Palette, today: dt.date, width: int) -> Sheet:
            built.append(row.process_id)
            return content(row, palette, today, width)

        timeline.content = counted  # type: ignore[method-assign]
        for key in ["down", "down", "up", "down", "down"]:
            # the frame, after which the panes prepare what is a key away, a moment later
            await pilot.pause(PREPARE_AFTER_S * 5)
            before = len(built)
            await pilot.press(key)
            assert app.main.selected_id not in built[before:]  # built ahead, not by the key
        assert built  # the hook saw pages prepared
