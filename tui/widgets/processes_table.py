"""The processes pane: one row per loop, with its owner badge and signal.

It draws `RowView`s, plain values: the module imports neither pydantic nor the
models, so the main screen's first frame does not wait for them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.reactive import var
from textual.strip import Strip
from textual.widget import PseudoClasses
from textual.widgets import DataTable

from planner.signals import Owner
from planner.text import visible
from tui.theme import OWNER_SHORT, SIGNAL_LABEL, Palette
from tui.views import RowView
from tui.widgets.list_keys import list_keys
from tui.widgets.row_strip import RowLook, body_row, row_look

FIXED = {
    "owner": ("Owner", 6),
    "wait": ("Wait", 4),
    "signal": ("Signal", 11),
    "todos": ("To-do", 5),
}
"""Columns whose width never changes: a badge, a day count, a signal word, my to-dos' count."""
SHARED = {
    "company": ("Company", 10),
    "role": ("Role", 10),
    "next": ("Next step", 14),
    "stage": ("Stage", 8),
}
"""Columns that share the rest of the width, each at least that wide (or as wide as its
longest cell, when that is less)."""
ORDER = ("company", "role", "owner", "wait", "signal", "next", "todos", "stage")
DROPPED_FIRST = ("stage", "role")
"""When the shared columns do not fit at their least widths, these go, in this order:
the loop pane beside the table says both."""
WIDENED_FIRST = ("company", "role", "next", "stage")
"""Room left over goes to the names first, each up to its longest cell, then to the
next step: a name is never cut while the next step has room it does not need."""
KEPT_LINES = 1024
"""Rendered rows kept: a few screens of a long list, scrolled up and down."""
HEADER = -1
"""The index `DataTable` gives the row of column headings (and the mouse over it)."""


class Cell(Text):
    """A cell of the loops table: `Text` that the table does not measure.

    `DataTable` measures every cell of each row it lists, through the cell's
    `__rich_measure__` and a fresh `ConsoleOptions` each (a terminal size query
    included), to size its columns of automatic width; that was about a third
    of the time a row took to list. Every column here has its width given
    (`column_widths`), so the measure sized nothing. Rich measures a renderable
    without `__rich_measure__` as the width it is given, and draws it as it
    draws `Text`.
    """

    __rich_measure__ = None  # type: ignore[assignment]


Frame = tuple[Style, PseudoClasses, int, int]
LineKey = tuple[str | None, int, bool, Frame]
"""What a row's line depends on: the loop (None for the headings), its index (zebra
stripes), whether the cursor is on it, and the table's style, state, width and scroll."""


class ProcessesTable(DataTable[Text]):
    """Lists loops in the order given and says which one the cursor is on."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(first="scroll_top", last="scroll_bottom")

    highlighted: var[str | None] = var(None, always_update=True)
    """The loop under the cursor (None when the list is empty), set in the same
    step as the cursor moves. A watcher (the app's timeline and contact panes)
    therefore redraws before the next frame, and the table and the panes change
    on screen together: one frame per key, not two. Set after every fill too,
    even when unchanged, so a watcher always ends on the row the cursor shows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.cursor_foreground_priority = "renderable"
        """A badge keeps its own text colour on the row under the cursor."""
        self._rows: list[RowView] = []
        self._palette: Palette | None = None
        self._widths: dict[str, int] = {}
        self._filling = False
        self._lines: LRUCache[LineKey, Strip] = LRUCache(KEPT_LINES)
        """Rows as drawn, whatever row the cursor is on (see `render_line`)."""
        self._frame: Frame | None = None
        self._look: RowLook | None = None
        """The styles rows are drawn with, looked up once a frame (see `render_lines`)."""

    def show(
        self, rows: list[RowView], palette: Palette, keep: str | None, limit: int | None = None
    ) -> None:
        """Replace the rows, leaving the cursor on `keep` when it is still listed.

        `limit` lists only the first rows, for a first paint; when the next call
        brings the same rows again, the rest is appended instead of starting over.
        """
        count = len(rows) if limit is None else min(limit, len(rows))
        if (
            self.row_count
            and palette == self._palette
            and rows[: self.row_count] == self._rows[: self.row_count]
            and column_widths(rows, self._width()) == self._widths
        ):
            self._rows = rows
            self._filling = True
            try:
                self._append(count)
                self._move_to(keep)
            finally:
                self._filling = False
            self._announce(self.cursor_row)
            return
        self._rows, self._palette = rows, palette
        self._fill(keep, count)

    def on_resize(self) -> None:
        """Names get the room there is: recut the columns to the new width."""
        if self._palette is not None and self._column_widths(self._rows) != self._widths:
            row = self.cursor_row
            keep = self._rows[row].process_id if 0 <= row < len(self._rows) else None
            self._fill(keep, self.row_count)

    def _width(self) -> int:
        """The table's width; before the first layout, what its style will give it.

        So that the first frame already lists the loops with their names at
        full length, instead of waiting for a resize event to come round.
        """
        if self.size.width:
            return self.size.width
        try:
            screen = self.app.size
            return int(self.styles.width.resolve(screen, screen)) - 2 if self.styles.width else 0
        except Exception:  # an unusual unit: the first resize recuts the columns anyway
            return 0

    def _column_widths(self, rows: list[RowView]) -> dict[str, int]:
        return column_widths(rows, self._width())

    def _fill(self, keep: str | None, count: int) -> None:
        """Rebuild the rows; the cursor passes through other rows on the way, silently."""
        self._filling = True
        try:
            self._add_rows(keep, count)
        finally:
            self._filling = False
        self._announce(self.cursor_row)

    def _add_rows(self, keep: str | None, count: int) -> None:
        self._widths = self._column_widths(self._rows)
        self._lines.clear()
        self.clear(columns=True)
        labels = {key: label for key, (label, *_) in (FIXED | SHARED).items()}
        for key in self._widths:
            self.add_column(labels[key], width=self._widths[key], key=key)
        self._append(count)
        self._move_to(keep)

    def _move_to(self, keep: str | None) -> None:
        ids = [row.process_id for row in self._rows[: self.row_count]]
        if keep in ids and ids.index(keep) != self.cursor_row:
            self.move_cursor(row=ids.index(keep), animate=False, scroll=True)

    def _append(self, count: int) -> None:
        """List rows `row_count` to `count` below those already listed (a first screen
        lists only the top ones)."""
        assert self._palette is not None
        palette, widths = self._palette, self._widths
        for row in self._rows[self.row_count : count]:
            cells = _cells(row, palette)
            self.add_row(*(_cut(cells[key], widths[key]) for key in widths), key=row.process_id)

    # Drawing. `DataTable` keys every row it renders on where the cursor is, so a key
    # that scrolls the list renders every row on screen again, cell by cell. A row
    # looks the same wherever the cursor is, unless the cursor is on it, and so do
    # the column headings: this keeps rows as drawn by that, and draws only new ones.
    # A new row is drawn straight from its cells (`row_strip.body_row`, the same
    # segments at a fraction of the cost); the table draws the headings and, always,
    # the row under the mouse, whose look also depends on how the cursor last moved.

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._look = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """Look up the table's style and state once per frame, not once per row."""
        self._frame = self._current_frame()
        self._look = None
        return super().render_lines(crop)

    def _current_frame(self) -> Frame:
        return (
            self.rich_style,
            self.get_pseudo_class_state(),
            self.size.width,
            round(self.scroll_x),
        )

    def render_line(self, y: int) -> Strip:
        index = self._row_at(y)
        if self._frame is None or index is None or index == self.hover_row:
            return super().render_line(y)
        loop = None if index == HEADER else self._rows[index].process_id
        key = (loop, index, index == self.cursor_row, self._frame)
        line = self._lines.get(key)
        if line is None:
            drawn = None if index == HEADER else body_row(self, index, self._row_look())
            line = self._lines[key] = super().render_line(y) if drawn is None else drawn
        return line

    def _row_look(self) -> RowLook:
        """This frame's styles for the rows, looked up once."""
        if self._look is None:
            self._look = row_look(self)
        return self._look

    def _row_at(self, y: int) -> int | None:
        """The index of the row on line `y` (HEADER: headings one line high), if it is kept."""
        top = self.header_height if self.show_header else 0
        if y < top:
            return HEADER if top == 1 else None
        index = y - top + round(self.scroll_y)
        return index if index < min(self.row_count, len(self._rows)) else None

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if old != new and not self._filling:
            self._announce(new.row)

    def reachable(self) -> list[str]:
        """The loops one key away from the cursor: below it, then above it."""
        row = self.cursor_row
        return [self._rows[r].process_id for r in (row + 1, row - 1) if 0 <= r < self.row_count]

    def _announce(self, row: int) -> None:
        self.highlighted = self._rows[row].process_id if 0 <= row < len(self._rows) else None


def column_widths(rows: list[RowView], width: int) -> dict[str, int]:
    """Each column's width for `rows` in a table `width` cells wide, in display order.

    Every column gets its least width first (dropping `DROPPED_FIRST` until they fit),
    then the room left widens them in `WIDENED_FIRST` order, each up to its longest cell.
    """
    longest = {
        key: max([cell_len(label), *(cell_len(_text_of(row, key)) for row in rows)])
        for key, (label, _) in SHARED.items()
    }
    shared = list(SHARED)
    while True:
        gutter = 2 * (len(FIXED) + len(shared)) + 2  # cell padding and the scrollbar
        room = width - gutter - sum(w for _, w in FIXED.values())
        widths = {key: min(SHARED[key][1], longest[key]) for key in shared}
        drop = [key for key in DROPPED_FIRST if key in shared]
        if room >= sum(widths.values()) or not drop:
            break
        shared.remove(drop[0])
    spare = room - sum(widths.values())
    for key in WIDENED_FIRST:
        if key in widths and spare > 0:
            more = min(spare, longest[key] - widths[key])
            widths[key] += more
            spare -= more
    return {key: widths.get(key) or FIXED[key][1] for key in ORDER if key in widths or key in FIXED}


def _text_of(row: RowView, key: str) -> str:
    """What a shared column shows for `row`, as drawn (control characters escaped)."""
    value = {"company": row.company, "role": row.role, "next": row.next_step, "stage": row.stage}
    return visible(value[key])


def _cut(text: Text, width: int) -> Text:
    """One line, with an ellipsis where a long name is cut."""
    text.truncate(width, overflow="ellipsis")
    return text


def _cells(row: RowView, palette: Palette) -> dict[str, Text]:
    """A row's cells as plain text (`Cell`), so a '[' in a name is never read as markup."""
    if row.owner is None or row.signal is None:
        owner = Cell("—", style=palette.muted)
        wait = Cell("")
        signal = Cell("closed", style=palette.muted)
    else:
        mark = "*" if row.overridden else ""
        owner = Cell(f" {OWNER_SHORT[row.owner]}{mark} ", style=palette.owner[row.owner])
        wait = Cell(f"{row.waiting_days}d", justify="right")
        signal = Cell(f"● {SIGNAL_LABEL[row.signal]}", style=palette.signal[row.signal])
    style = palette.muted if row.closed else ""
    return {
        "company": Cell(visible(row.company), style=style),
        "role": Cell(visible(row.role), style=style),
        "owner": owner,
        "wait": wait,
        "signal": signal,
        "next": Cell(visible(row.next_step)),
        "todos": Cell(f"+{row.todos}", style=palette.owner[Owner.ME]) if row.todos else Cell(""),
        "stage": Cell(visible(row.stage), style=style),
    }
