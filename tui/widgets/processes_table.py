"""The processes pane: one row per loop, with its owner badge and signal."""

from __future__ import annotations

from rich.text import Text
from textual.coordinate import Coordinate
from textual.reactive import var
from textual.widgets import DataTable

from tui.board import BoardRow
from tui.theme import OWNER_SHORT, SIGNAL_LABEL, Palette

FIXED = {"owner": ("Owner", 6), "wait": ("Wait", 4), "signal": ("Signal", 11)}
"""Columns whose width never changes: a badge, a day count and a signal word."""
SHARED = {"company": ("Company", 0.35), "role": ("Role", 0.4), "stage": ("Stage", 0.25)}
"""Columns that share the rest of the width, by these fractions."""
ORDER = ("company", "role", "owner", "wait", "signal", "stage")
GUTTER = 2 * len(ORDER) + 2
"""Cell padding on both sides of every column, and the vertical scrollbar."""


class ProcessesTable(DataTable[Text]):
    """Lists loops in the order given and says which one the cursor is on."""

    highlighted: var[str | None] = var(None, always_update=True)
    """The loop under the cursor (None when the list is empty), set in the same
    step as the cursor moves. A watcher (the app's timeline and contact panes)
    therefore redraws before the next frame, and the table and the panes change
    on screen together: one frame per key, not two. Set after every fill too,
    even when unchanged, so a watcher always ends on the row the cursor shows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[BoardRow] = []
        self._palette: Palette | None = None
        self._widths: dict[str, int] = {}
        self._filling = False

    def show(self, rows: list[BoardRow], palette: Palette, keep: str | None) -> None:
        """Replace the rows, leaving the cursor on `keep` when it is still listed."""
        self._rows, self._palette = rows, palette
        self._fill(keep)

    def on_resize(self) -> None:
        """Names get the room there is: recut the columns to the new width."""
        if self._palette is not None and self._column_widths() != self._widths:
            row = self.cursor_row
            keep = self._rows[row].process_id if 0 <= row < len(self._rows) else None
            self._fill(keep)

    def _column_widths(self) -> dict[str, int]:
        room = max(self.size.width - GUTTER - sum(w for _, w in FIXED.values()), 24)
        widths = {key: max(6, int(room * share)) for key, (_, share) in SHARED.items()}
        return {**widths, **{key: width for key, (_, width) in FIXED.items()}}

    def _fill(self, keep: str | None) -> None:
        """Rebuild the rows; the cursor passes through other rows on the way, silently."""
        self._filling = True
        try:
            self._add_rows(keep)
        finally:
            self._filling = False
        self._announce(self.cursor_row)

    def _add_rows(self, keep: str | None) -> None:
        assert self._palette is not None
        rows, palette = self._rows, self._palette
        self._widths = self._column_widths()
        self.clear(columns=True)
        labels = {key: label for key, (label, _) in (FIXED | SHARED).items()}
        for key in ORDER:
            self.add_column(labels[key], width=self._widths[key], key=key)
        for row in rows:
            cells = _cells(row, palette)
            self.add_row(
                *(_cut(cells[key], self._widths[key]) for key in ORDER), key=row.process_id
            )
        ids = [row.process_id for row in rows]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False, scroll=True)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if old != new and not self._filling:
            self._announce(new.row)

    def _announce(self, row: int) -> None:
        self.highlighted = self._rows[row].process_id if 0 <= row < len(self._rows) else None


def _cut(text: Text, width: int) -> Text:
    """One line, with an ellipsis where a long name is cut."""
    text.truncate(width, overflow="ellipsis")
    return text


def _cells(row: BoardRow, palette: Palette) -> dict[str, Text]:
    """A row's cells as plain Text, so a '[' in a name is never read as markup."""
    process = row.loop.process
    step = row.step
    if step is None:
        owner = Text("—", style=palette.muted)
        wait = Text("")
        signal = Text("closed", style=palette.muted)
    else:
        mark = "*" if step.overridden else ""
        owner = Text(f" {OWNER_SHORT[step.owner]}{mark} ", style=palette.owner[step.owner])
        wait = Text(f"{step.waiting_days}d", justify="right")
        signal = Text(f"● {SIGNAL_LABEL[step.signal]}", style=palette.signal[step.signal])
    style = palette.muted if row.closed else ""
    return {
        "company": Text(process.company, style=style),
        "role": Text(process.role, style=style),
        "owner": owner,
        "wait": wait,
        "signal": signal,
        "stage": Text(row.stage, style=style),
    }
