"""The loops table: its rows drawn as DataTable draws them, its columns cut to the room."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import make_app, settle
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text
from textual.strip import Strip
from textual.widgets import DataTable

from planner.signals import Owner, Signal
from tui.views import RowView
from tui.widgets.processes_table import ProcessesTable, column_widths


async def test_kept_rows_look_as_the_table_draws_them_after_scrolling_both_ways(
    demo_db: Path,
) -> None:
    """Rows kept from earlier frames carry the cursor and the stripes where they now belong."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 12)) as pilot:  # a few rows: the keys scroll the list
        await settle(pilot)
        table = app.main.query_one("#processes", DataTable)
        scrolled = []
        for key in ["down"] * 8 + ["up"] * 7:
            await pilot.press(key)
            await pilot.pause()
            scrolled.append(table.scroll_y)
            for y in range(table.size.height):
                kept, fresh = table.render_line(y), DataTable.render_line(table, y)
                assert list(kept) == list(fresh), f"row {y} after {key}"
        assert max(scrolled) > 0 and scrolled[-1] < max(scrolled)


async def test_a_key_that_scrolls_down_asks_the_table_for_no_row(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The headings and the rows the cursor left come kept, and the row the key brings in
    is drawn from its cells (`row_strip`): `DataTable` draws none of them. What is drawn
    stays what the table draws."""
    drawn: list[int] = []
    draw = DataTable.render_line

    def counted(table: DataTable[object], y: int) -> Strip:
        drawn.append(y)
        return draw(table, y)

    monkeypatch.setattr(DataTable, "render_line", counted)
    app = make_app(demo_db)
    async with app.run_test(size=(120, 12)) as pilot:
        await settle(pilot)
        table = app.main.query_one("#processes", ProcessesTable)
        scrolls = 0
        for _ in range(table.row_count - 1):
            drawn.clear()
            top = table.scroll_y
            await pilot.press("down")
            await pilot.pause()
            if table.scroll_y == top:
                continue
            scrolls += 1
            assert not drawn, drawn
            for y in range(table.size.height):
                assert list(table.render_line(y)) == list(draw(table, y)), f"row {y}"
        assert scrolls > 0


async def test_the_table_measures_none_of_its_cells(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every column has its width given: `DataTable` measuring each cell of a new row
    (through `__rich_measure__`) sized nothing and cost a third of listing it."""
    measured: list[Text] = []  # kept alive, so no other object takes one's id
    measure = Text.__rich_measure__

    def counted(text: Text, console: Console, options: ConsoleOptions) -> Measurement:
        measured.append(text)
        return measure(text, console, options)

    monkeypatch.setattr(Text, "__rich_measure__", counted)
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.main.query_one("#processes", ProcessesTable)
        cells = [id(cell) for row in table.ordered_rows for cell in table.get_row(row.key)]
        assert table.row_count > 3 and cells
        assert not {id(text) for text in measured} & set(cells)


def _row(company: str, role: str, next_step: str = "Waiting for a decision") -> RowView:
    return RowView(
        process_id=company,
        company=company,
        role=role,
        stage="Onsite / panel",
        closed=False,
        owner=Owner.RECRUITER,
        overridden=False,
        waiting_days=3,
        signal=Signal.OK,
        next_step=next_step,
    )


def test_names_take_the_room_before_the_next_step() -> None:
    rows = [_row("Quarry Systems", "Principal ML Engineer", "Schedule the onsite " * 4)]

    widths = column_widths(rows, 72)  # the table's inside at 120 columns

    assert "stage" not in widths and "role" not in widths  # they do not fit at their least
    assert widths["company"] == len("Quarry Systems")
    assert widths["next"] >= 14


def test_no_column_is_wider_than_its_longest_cell_or_heading() -> None:
    rows = [_row("Acme", "SRE", "Call Ann")]

    widths = column_widths(rows, 200)

    assert widths["company"] == len("Company") and widths["role"] == len("Role")
    assert widths["next"] == len("Next step") and widths["stage"] == len("Onsite / panel")


def test_at_80_columns_stage_goes_first_and_the_names_share_what_is_left() -> None:
    rows = [_row("Saltmarsh Artificial Intelligence", "Staff Applied Scientist, Search")]

    widths = column_widths(rows, 78)

    assert list(widths) == ["company", "role", "owner", "wait", "signal", "next", "todos"]
    assert widths["company"] >= 10 and widths["role"] == 10 and widths["next"] == 14
