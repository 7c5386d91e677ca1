"""A side pane that draws the selected loop: the timeline and the contact cards share it.

Its text is wrapped when written, so a resize writes it again at the new width;
the subclasses only say what to draw for a loop and for no loop at all.
"""

from __future__ import annotations

import datetime as dt

from rich.console import RenderableType
from textual import events

from tui.board import BoardRow
from tui.theme import Palette
from tui.widgets.pane_log import PaneLog


class LoopPane(PaneLog):
    """Shows one loop; the app hands it the row and the palette (attributes down)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, wrap=True, auto_scroll=False, min_width=20)
        self._shown: tuple[BoardRow | None, Palette, dt.date] | None = None

    def content(self, row: BoardRow, palette: Palette, today: dt.date) -> RenderableType:
        raise NotImplementedError

    def empty(self, palette: Palette) -> RenderableType:
        """What to draw when no loop is selected."""
        return ""

    def show(self, row: BoardRow | None, palette: Palette, today: dt.date) -> None:
        self._shown = (row, palette, today)
        self.clear()
        self._write(self.empty(palette) if row is None else self.content(row, palette, today))

    def _write(self, content: RenderableType) -> None:
        width = self.scrollable_content_region.width
        self.write(content, width=width if width > 0 else None)
        self.scroll_home(animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        """Lines are wrapped when written: wrap them again at the new width."""
        if self._shown is not None:
            self.show(*self._shown)
