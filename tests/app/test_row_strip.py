"""The loops table's rows drawn straight from their cells, segment for segment as
`DataTable` draws them (styles and the meta a click reads), and clicks that select."""

from __future__ import annotations

import itertools
from pathlib import Path

from apphelp import make_app, settle
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import DataTable

from planner.signals import Owner, Signal
from tui.app import LoopdeckApp
from tui.theme import THEMES, palette_for
from tui.views import RowView
from tui.widgets.processes_table import ProcessesTable
from tui.widgets.row_strip import body_row, row_look

NAMES = [
    "Acme",
    "Quarry Systems International Holdings",  # cut with an ellipsis
    "株式会社ソニー",  # wide characters
    "Émile [b]& Co[/b]",  # markup is text
    "tab\there",  # control characters are escaped
    "",
]


def _rows(count: int) -> list[RowView]:
    """A board of `count` loops: every owner and signal, closed ones, overrides, to-dos."""
    owners = itertools.cycle([*Owner, None])
    signals = itertools.cycle(Signal)
    rows = []
    for n in range(count):
        owner = next(owners)
        rows.append(
            RowView(
                process_id=f"p{n}",
                company=f"{NAMES[n % len(NAMES)]} {n}",
                role=NAMES[(n + 2) % len(NAMES)] or "Staff Engineer, Search",
                stage=["Onsite / panel", "Screen", ""][n % 3],
                closed=owner is None,
                owner=owner,
                overridden=n % 5 == 0,
                waiting_days=n * 7 % 40,
                signal=None if owner is None else next(signals),
                next_step="" if owner is None else f"Nudge {NAMES[n % len(NAMES)]} " * (n % 3),
                todos=n % 4,
            )
        )
    return rows


def _lines(table: DataTable[object]) -> list[tuple[int, Strip]]:
    """The body rows on screen: their index and the line DataTable draws for them."""
    top = round(table.scroll_y)
    listed = range(1, min(table.size.height, table.row_count - top + 1))
    return [(y - 1 + top, DataTable.render_line(table, y)) for y in listed]


def _assert_drawn_alike(table: ProcessesTable, case: str) -> int:
    """Every body row on screen, drawn from its cells, is the table's own line: the same
    segments with the same styles and meta. How many rows were compared."""
    look = row_look(table)
    compared = 0
    for index, theirs in _lines(table):
        ours = body_row(table, index, look)
        if index == table.hover_row:
            assert ours is None, f"{case}: the row under the mouse is the table's to draw"
            continue
        assert ours is not None, f"{case}: row {index} not drawn from its cells"
        assert list(ours) == list(theirs), f"{case}: row {index}"
        assert [s.style.meta if s.style else None for s in ours] == [
            s.style.meta if s.style else None for s in theirs
        ], f"{case}: row {index} meta"
        compared += 1
    return compared


async def _show(pilot: Pilot[None], table: ProcessesTable, rows: list[RowView], keep: str) -> None:
    app = pilot.app
    table.show(rows, palette_for(app.current_theme), keep=keep)
    await pilot.pause()


async def test_rows_are_drawn_as_the_table_draws_them_in_every_look(demo_db: Path) -> None:
    """A board of 80 loops in both themes, at three widths, focused or not, with and
    without stripes, the cursor at the top, in the middle and at the bottom."""
    rows = _rows(80)
    for width, theme in itertools.product((80, 120, 200), THEMES):
        app = make_app(demo_db)
        async with app.run_test(size=(width, 40)) as pilot:
            await settle(pilot)
            app.theme = theme.name
            await pilot.pause()
            table = app.main.query_one("#processes", ProcessesTable)
            for keep, zebra, focused in itertools.product(
                ("p0", "p17", "p79"), (True, False), (True, False)
            ):
                table.zebra_stripes = zebra
                if focused:
                    table.focus()
                else:
                    app.set_focus(None)
                await _show(pilot, table, rows, keep)
                case = f"{width} cols, {theme.name}, cursor {keep}, zebra {zebra}, focus {focused}"
                assert table.cursor_row == int(keep[1:]), case
                assert _assert_drawn_alike(table, case) >= table.size.height - 2, case


async def test_the_demo_board_with_closed_loops_is_drawn_as_the_table_draws_it(
    demo_db: Path,
) -> None:
    """The real board, closed loops shown, the cursor walked down every row."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = app.main.query_one("#processes", ProcessesTable)
        assert app.board is not None and any(row.closed for row in app.board.rows)
        for step in range(table.row_count):
            assert _assert_drawn_alike(table, f"cursor on row {step}") >= table.row_count - 1
            for y in range(table.size.height):
                assert list(table.render_line(y)) == list(DataTable.render_line(table, y))
            await pilot.press("down")
            await pilot.pause()


async def test_a_row_the_mouse_clicks_gets_the_cursor(demo_db: Path) -> None:
    """A click on a cell, or past the last column, selects the loop on that row: the
    click finds the row in the meta of the line drawn there."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.main.query_one("#processes", ProcessesTable)
        assert table.cursor_row == 0
        await _click_row(pilot, table, 3, x=3)
        await _click_row(pilot, table, 1, x=table.size.width - 3)  # past the columns
        await _click_row(pilot, table, 5, x=40)


async def _click_row(pilot: Pilot[None], table: ProcessesTable, row: int, x: int) -> None:
    app = pilot.app
    assert isinstance(app, LoopdeckApp)
    assert await pilot.click(table, offset=(x + 1, row + 2))  # under the border and headings
    await pilot.pause()
    listed = str(table.coordinate_to_cell_key((row, 0)).row_key.value)
    assert table.cursor_row == row
    assert table.highlighted == listed == app.main.selected_id
