"""The processes pane: one row per loop, with its owner badge and signal."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
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
    """Lists loops in the order given and reports which one the cursor is on."""

    class Highlighted(Message):
        """The cursor moved to a loop (or the list became empty: `process_id` is None)."""

        def __init__(self, table: ProcessesTable, process_id: str | None) -> None:
            super().__init__()
            self.table = table
            self.process_id = process_id

        @property
        def control(self) -> ProcessesTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: list[BoardRow] = []
        self._palette: Palette | None = None
        self._widths: dict[str, int] = {}

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
        if not rows:
            self.post_message(self.Highlighted(self, None))

    @on(DataTable.RowHighlighted)
    def _report_highlight(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self, event.row_key.value))


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
