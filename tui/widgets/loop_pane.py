"""A side pane that draws the selected loop: the timeline and the contact cards share it.

The subclasses only say what to draw for a loop, as parts of text, and for no
loop at all. The pane keeps the pages of the loops it showed or prepared last,
each with the rows already drawn, so moving the cursor back to a loop, or on
to one prepared after the last frame, only paints; a page is kept while its
row (a new board makes new rows), palette and day are the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rich.text import Text

from tui.board import BoardRow
from tui.theme import Palette
from tui.visible_text import visible_text
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

    def prepare(self, rows: Iterable[BoardRow], palette: Palette, today: dt.date) -> None:
        """Render the first screenful of `rows`' pages now, without showing them.

        Called after a frame with the loops one key away, so that key finds its
        text built, measured and rendered and only has to paint it.
        """
        width, height = self.scrollable_content_region.size
        if width <= 0:
            return
        console, style = self.app.console, self.rich_style
        for row in rows:
            page = self._page_for(row, palette, today)
            page.measure(console, width)
            for y in range(min(height, page.height)):
                page.row(y, console, style)

    def _page_for(self, row: BoardRow, palette: Palette, today: dt.date) -> Page:
        kept = self._pages.pop(row.process_id, None)
        if kept is None or kept[0] is not row or kept[1:3] != (palette, today):
            parts = [visible_text(part) for part in self.content(row, palette, today)]
            kept = (row, palette, today, Page(parts))
        self._pages[row.process_id] = kept
        if len(self._pages) > KEPT_PAGES:
            del self._pages[next(iter(self._pages))]
        return kept[3]
