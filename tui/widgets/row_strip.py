"""A body row of a `DataTable`, drawn straight from its cells.

`DataTable` draws every cell through Rich's `Styled`, `Padding` and
`Console.render_lines`; the wrappers cost most of a row's time on a first frame
(about a millisecond for a row of six cells). `body_row` takes the same steps
with the same public Rich calls and the styles the table gives a row, and so
draws the same segments, meta included (a click selects a row through the
`row` of the cell under the mouse):

- a cell: its renderable rendered at the column's width, one line, padded with
  unstyled spaces (`Padding`); then the row's style (zebra stripe), the cell's
  `{"row", "column"}` meta and the cursor's style under it, and, over it, the
  cursor's colours the table's priorities give to CSS (`Styled`);
- after the last column, spaces to the table's width in the row's style, the
  cursor's, and the meta `{"row", "column": 0, "out_of_bounds": True}`.

It covers only the plain case, the one the loops table draws: one-line rows of
`Text` cells, a row cursor, no fixed rows or columns, no row labels (the loops
table adds none; a label on another row would shift every row), not
scrolled sideways and the columns within the table's width, and not the row
under the mouse (its look depends on the mouse's state). Anything else gives
None, and the caller asks the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.containers import Lines
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.strip import Strip
from textual.widgets import DataTable

NULL = Style.null()
EMPTY = Text(no_wrap=True, end="")
"""What the table draws for an empty cell."""
LINES = Text("\n")
"""What joins a cell's wrapped lines, as Rich renders a `Text`."""


@dataclass(frozen=True)
class RowLook:
    """The table's styles and console as a row is drawn with them: looked up once a
    frame, not once a row (a widget's style is worked out from its CSS each time)."""

    base: Style
    """The table's own style: its rows' when zebra stripes are off, and the padding's."""
    stripes: tuple[Style, Style] | None
    """The even and odd rows' styles, with zebra stripes on."""
    cursor: Style
    """What the cursor adds under a cell of its row."""
    cursor_post: Style
    """What the cursor lays over a cell: its colours the table gives to CSS."""
    console: Console
    options: ConsoleOptions


def row_look(table: DataTable[Any]) -> RowLook:
    """`table`'s styles for its body rows, as `DataTable` works them out."""
    stripes = None
    if table.zebra_stripes:
        even, odd = ("datatable--even-row", "datatable--odd-row")
        stripes = (
            table.get_component_styles(even).rich_style,
            table.get_component_styles(odd).rich_style,
        )
    cursor = Style()
    if table.show_cursor:
        cursor += table.get_component_rich_style("datatable--cursor")
    post = (
        Style.from_color(color=cursor.color)
        if table.cursor_foreground_priority == "css"
        else Style.null()
    ) + (
        Style.from_color(bgcolor=cursor.bgcolor)
        if table.cursor_background_priority == "css"
        else Style.null()
    )
    app = table.app
    return RowLook(table.rich_style, stripes, cursor, post, app.console, app.console_options)


def body_row(table: DataTable[Any], index: int, look: RowLook) -> Strip | None:
    """Row `index` of `table` as `DataTable.render_line` draws it with the styles `look`,
    or None when this does not cover the case (see the module's docstring)."""
    width = table.size.width
    columns = table.ordered_columns
    if (
        not columns
        or table.cursor_type != "row"
        or table.fixed_rows
        or table.fixed_columns
        or round(table.scroll_x)
        or not 0 <= index < table.row_count
        or index == table.hover_row
    ):
        return None
    row_key = table.coordinate_to_cell_key(Coordinate(index, 0)).row_key
    row = table.rows[row_key]
    if row.height != 1 or row.label is not None:
        return None
    widths = [column.get_render_width(table) for column in columns]
    if sum(widths) > width:
        return None
    cells = table.get_row(row_key)
    if not all(isinstance(cell, Text) for cell in cells):
        return None

    row_style = look.base if look.stripes is None else look.stripes[index % 2]
    on_cursor = index == table.cursor_row
    component = look.cursor if on_cursor else Style()
    post = look.cursor_post if on_cursor else NULL  # no cursor: nothing laid over
    padding = table.cell_padding
    segments: list[Segment] = []
    for column, (cell, cell_width) in enumerate(zip(cells, widths, strict=True)):
        pre = row_style + Style.from_meta({"row": index, "column": column}) + component
        line = _plain_line(look, cell or EMPTY, cell_width - 2 * padding)
        if line is None:
            return None
        space = [Segment(" " * padding, NULL)] if padding else []
        segments += Segment.apply_style([*space, *line, *space], pre, post)
    filler = (
        row_style + component + Style.from_meta({"row": index, "column": 0, "out_of_bounds": True})
    )
    segments.append(Segment(" " * (width - sum(widths)), filler))
    start = 0  # a crop from the first cell drops the empty segments before it
    while start < len(segments) and not cell_len(segments[start].text):
        start += 1
    return Strip(segments[start:]).adjust_cell_length(width, look.base).simplify()


def _plain_line(look: RowLook, cell: Text, width: int) -> list[Segment] | None:
    """The cell's line at `width` when it is one line of text that fits, with no tabs.

    Rich's wrapping then only justifies it (a copy, when not the default way), and its
    line is its segments and the padding after them. Otherwise None: the caller
    renders the cell in full.
    """
    plain = cell.plain
    justify = cell.justify or look.options.justify or "default"
    overflow = cell.overflow or look.options.overflow or "fold"
    if (
        width < 1
        or "\n" in plain
        or "\t" in plain
        or cell.end not in ("\n", "")
        or cell.no_wrap is False
        or overflow == "ignore"
    ):
        return None
    if cell_len(plain) > width:
        return None  # Rich would cut it
    if justify != "default":
        lines = Lines([cell.copy()])
        lines.justify(look.console, width, justify=justify, overflow=overflow)
        cell = lines[0]
        cell.truncate(width, overflow=overflow)
    line = list(LINES.join([cell]).render(look.console))
    used = sum(segment.cell_length for segment in line)  # as Rich pads a line
    if used > width:
        return None
    if used < width:
        line.append(Segment(" " * (width - used), NULL))
    return line
