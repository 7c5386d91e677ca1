"""A RichLog for a pane of fixed size: new content repaints the pane, not the screen.

Textual treats a change of a widget's virtual (scrollable) size as a layout
change: the whole screen is arranged and repainted. The timeline and contact
panes get new content, of a new height, on every cursor move, and that full
repaint was most of a cursor move's cost on a large file. A pane whose own
size is fixed by its CSS (a fraction, not `auto`) needs a layout only when its
scrollbars come or go; everything else is a repaint of the pane itself.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import RichLog


class PaneLog(RichLog):
    """A RichLog that asks for a screen layout only when it really changes the layout."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, size: Size) -> None:
        if self._sized_by_content():
            self.refresh(layout=True)
            return
        # Shows or hides scrollbars (those changes ask for a layout themselves)
        # and sizes their thumbs for the new content.
        self._scroll_update(size)

    def _sized_by_content(self) -> bool:
        width, height = self.styles.width, self.styles.height
        return width is None or height is None or width.is_auto or height.is_auto
