"""A side pane that draws the selected loop: the timeline and the contact cards share it.

The subclasses only say what to draw for a loop, as parts of text, and for no
loop at all. The pane keeps the pages of the loops it showed last, each with
the rows already drawn, so moving the cursor back to a loop costs nothing;
a page is kept while its row (a new board makes new rows), palette and day
are the same.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from tui.board import BoardRow
from tui.theme import Palette
from tui.widgets.pane_text import Page, PaneText

KEPT_PAGES = 64
"""Pages kept per pane: the loops around the cursor, not the whole list."""


class LoopPane(PaneText):
    """Shows one loop; the app hands it the row and the palette (attributes down)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[BoardRow | None, Palette, dt.date] | None = None
        self._pages: dict[str, tuple[BoardRow, Palette, dt.date, Page]] = {}
        """Recently shown loops by process id, the most recent last."""

    def content(self, row: BoardRow, palette: Palette, today: dt.date) -> list[Text]:
        raise NotImplementedError

    def empty(self, palette: Palette) -> list[Text]:
        """What to draw when no loop is selected."""
        return []

    def show(self, row: BoardRow | None, palette: Palette, today: dt.date) -> None:
        """Draw `row`'s loop from the top; nothing to do if it is what the pane shows."""
        shown = self._shown
        if shown is not None and shown[0] is row and shown[1:] == (palette, today):
            return
        self._shown = (row, palette, today)
        if row is None:
            self.show_page(Page(self.empty(palette)))
        else:
            self.show_page(self._page_for(row, palette, today))

    def _page_for(self, row: BoardRow, palette: Palette, today: dt.date) -> Page:
        kept = self._pages.pop(row.process_id, None)
        if kept is None or kept[0] is not row or kept[1:3] != (palette, today):
            kept = (row, palette, today, Page(self.content(row, palette, today)))
        self._pages[row.process_id] = kept
        if len(self._pages) > KEPT_PAGES:
            del self._pages[next(iter(self._pages))]
        return kept[3]
