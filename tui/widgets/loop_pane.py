"""A side pane that draws the selected loop: the timeline and the contact cards share it.

The subclasses only say what to draw for a loop, as a `Sheet` of text parts,
some of which are items (a round, a log line, a person), and what to draw for
no loop at all. They are told the pane's text width, so a line that must not
be cut mid-word (an email, a round's outcome) is laid out for it. The pane
keeps the pages of the loops it showed or prepared last, each with the rows
already drawn, so moving the cursor back to the loop before, or on to one
prepared after the last frame, only paints; a page is kept while its row (a new board
makes new rows), palette, day and width are the same.

Focused (Tab), the pane has an item cursor: up and down (j, k) walk the items, g and G
(Home, End) go to the first and the last, and a
key on an item posts `ItemChosen` for the screen to open a form or ask to
confirm. The cursor is a style laid over the rows of its item when they are
drawn, so a cursor move repaints two items and renders nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.timer import Timer

from planner.models import Contact, Event, Loop, Round
from tui.board import BoardRow
from tui.theme import Palette
from tui.visible_text import visible_text
from tui.widgets.list_keys import list_keys
from tui.widgets.pane_text import Page, PaneText

KEPT_PAGES = 4
"""Pages kept per pane: the loop shown, the one before it and the two one key away.

Every kept page holds its text and its rendered rows, and those outlive a few
keys: they end up among the objects each full garbage collection walks."""
PREPARE_AFTER_S = 0.01
"""How long after a frame the pages one key away are rendered (see `prepare`)."""
UNSIZED = 1000
"""The width a pane has before its first layout: what it is asked to show then waits for one."""

ItemRecord = Round | Contact | Event
Verb = Literal["edit", "move", "delete"]


@dataclass(frozen=True)
class Item:
    """A record the pane lists, drawn as one part of its text."""

    part: int
    record: ItemRecord


@dataclass
class Sheet:
    """What a pane draws for one loop: its parts in order, and which of them are items."""

    parts: list[Text] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def add(self, text: Text, record: ItemRecord | None = None) -> None:
        if record is not None:
            self.items.append(Item(len(self.parts), record))
        self.parts.append(text)


class LoopPane(PaneText):
    """Shows one loop; the app hands it the row and the palette (attributes down)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"loop-pane--cursor"}
    DEFAULT_CSS = """
    LoopPane > .loop-pane--cursor {
        background: $accent 35%;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False, tooltip="The item above", id="item-up"),
        Binding("down", "cursor(1)", "Down", show=False, tooltip="The item below", id="item-down"),
        *list_keys(down="cursor(1)", up="cursor(-1)", first="first_item", last="last_item"),
        Binding(
            "enter",
            "choose('edit')",
            "Edit",
            tooltip="Edit the round, person or log line in a form",
            id="item-edit",
        ),
        Binding(
            "x",
            "choose('delete')",
            "Delete",
            tooltip="Delete it after a one-key confirm (y)",
            id="item-delete",
        ),
    ]

    class ItemChosen(Message):
        """A key asked to edit, move or delete the item under the cursor."""

        def __init__(self, verb: Verb, record: ItemRecord, loop: Loop) -> None:
            super().__init__()
            self.verb: Verb = verb
            self.record = record
            self.loop = loop

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[BoardRow | None, Palette, dt.date, int] | None = None
        self._pages: dict[str, tuple[BoardRow, Palette, dt.date, int, Page, list[Item]]] = {}
        """Recently shown loops by process id, the most recent last."""
        self._items: list[Item] = []
        self.cursor = 0
        """The index of the item under the cursor (drawn while the pane has the focus)."""
        self._preparing: Timer | None = None
        self._unsized: tuple[list[BoardRow], Palette, dt.date] | None = None
        """What to prepare once the pane has a size (it was asked before its first layout)."""

    def content(self, row: BoardRow, palette: Palette, today: dt.date, width: int) -> Sheet:
        """What to draw for `row`'s loop in `width` cells."""
        raise NotImplementedError

    def empty(self, palette: Palette) -> list[Text]:
        """What to draw when no loop is selected."""
        return []

    @property
    def items(self) -> list[Item]:
        """The items of the loop shown, in the order the cursor walks them."""
        return self._items

    @property
    def item(self) -> ItemRecord | None:
        """The record under the cursor, if the loop has any item."""
        return self._items[self.cursor].record if self._items else None

    def show(self, row: BoardRow | None, palette: Palette, today: dt.date) -> None:
        """Draw `row`'s loop from the top; nothing to do if it is what the pane shows.

        The same loop on a new board (after a change) keeps its cursor where it was.
        """
        shown, width = self._shown, self._text_width()
        if shown is not None and shown[0] is row and shown[1:] == (palette, today, width):
            return
        before = shown[0] if shown is not None else None
        same_loop = before is not None and row is not None and before.process_id == row.process_id
        self._shown = (row, palette, today, width)
        if width == UNSIZED and row is not None:
            # Not laid out yet (the first board comes before the first layout): the text is
            # built once, for the pane's real width, in the frame that draws it (`render_lines`).
            if not same_loop:
                self._items, self.cursor = [], 0
            return
        if row is None:
            self._items = []
            self.show_page(Page(self.empty(palette)))
        else:
            page, self._items = self._page_for(row, palette, today, width)
            self.show_page(page)
        self.cursor = min(self.cursor, max(len(self._items) - 1, 0)) if same_loop else 0
        if same_loop:
            self._scroll_to_cursor()

    def keep_cursor_on(self, record_id: str) -> None:
        """Put the cursor on the item of `record_id` (a change was about it), if listed."""
        for index, item in enumerate(self._items):
            if item.record.id == record_id:
                self._move_cursor(index)
                return

    def prepare(self, rows: Iterable[BoardRow], palette: Palette, today: dt.date) -> None:
        """Render the first screenful of `rows`' pages soon, without showing them.

        Called after a frame with the loops one key away, so that key finds its
        text built, measured and rendered and only has to paint it. The work waits
        PREPARE_AFTER_S: the frame is still being written to the terminal by
        Textual's output thread, which needs the interpreter for a moment, and
        rendering at once would hold it back (the frame's last bytes came about 5 ms
        late, one interpreter switch interval). A later call replaces a waiting one.
        """
        if self._preparing is not None:
            self._preparing.stop()
        ready = list(rows)  # the rows of now: `rows` may be a view of what changes meanwhile
        self._preparing = self.set_timer(
            PREPARE_AFTER_S, lambda: self._prepare_now(ready, palette, today)
        )

    def _prepare_now(self, rows: list[BoardRow], palette: Palette, today: dt.date) -> None:
        self._preparing = None
        width, height = self.scrollable_content_region.size
        if width <= 0:
            self._unsized = (rows, palette, today)
            return
        console, style = self.app.console, self.rich_style
        for row in rows:
            page, _ = self._page_for(row, palette, today, width)
            page.measure(console, width)
            for y in range(min(height, page.height)):
                page.row(y, console, style)

    def _page_for(
        self, row: BoardRow, palette: Palette, today: dt.date, width: int
    ) -> tuple[Page, list[Item]]:
        kept = self._pages.pop(row.process_id, None)
        if kept is None or kept[0] is not row or kept[1:4] != (palette, today, width):
            sheet = self.content(row, palette, today, width)
            parts = [visible_text(part) for part in sheet.parts]
            kept = (row, palette, today, width, Page(parts), sheet.items)
        self._pages[row.process_id] = kept
        if len(self._pages) > KEPT_PAGES:
            del self._pages[next(iter(self._pages))]
        return kept[4], kept[5]

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width
        return width if width > 0 else UNSIZED

    def on_resize(self, event: events.Resize) -> None:
        """The text was laid out for another width: lay it out again for this one."""
        self._fit_width()
        if self._unsized is not None:
            waiting, self._unsized = self._unsized, None
            self.prepare(*waiting)

    def render_lines(self, crop: Region) -> list[Strip]:
        """A pane mounted with a loop to show (the first board) has its size only now, in
        the frame that draws it: the text is laid out for it here, once, so that frame
        shows it as it is meant to be (`show` waited for this)."""
        self._fit_width()
        return super().render_lines(crop)

    def _fit_width(self) -> None:
        shown = self._shown
        if shown is not None and shown[3] != self._text_width():
            self.show(*shown[:3])

    # The item cursor.

    def _cursor_rows(self) -> range:
        if not self._items or not self.has_focus:
            return range(0)
        return self.page.rows_of(self._items[self.cursor].part)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.scroll_offset.y + y in self._cursor_rows():
            cursor = self.get_component_rich_style("loop-pane--cursor")
            return Strip(Segment.apply_style(strip, post_style=cursor), strip.cell_length)
        return strip

    def _refresh_cursor(self) -> None:
        rows = self._cursor_rows()
        if rows:
            self.refresh_lines(rows.start, len(rows))

    def _scroll_to_cursor(self) -> None:
        rows = self._cursor_rows()
        if rows:
            width = self.scrollable_content_region.width
            region = Region(0, rows.start, width, len(rows))
            self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def _move_cursor(self, index: int) -> None:
        self._refresh_cursor()
        self.cursor = index
        self._refresh_cursor()
        self._scroll_to_cursor()

    def action_cursor(self, step: int) -> None:
        """Walk the items; past the first or the last one, show the top or the end."""
        target = self.cursor + step
        if not self._items or not 0 <= target < len(self._items):
            if step < 0:
                self.scroll_home(animate=False)
            else:
                self.scroll_end(animate=False)
            return
        self._move_cursor(target)

    def action_first_item(self) -> None:
        if self._items:
            self._move_cursor(0)
        self.scroll_home(animate=False)

    def action_last_item(self) -> None:
        if self._items:
            self._move_cursor(len(self._items) - 1)
        self.scroll_end(animate=False)

    def action_choose(self, verb: Verb) -> None:
        record, shown = self.item, self._shown
        if record is None or shown is None or shown[0] is None:
            self.notify("Nothing here to change yet.", severity="warning")
            return
        self.post_message(self.ItemChosen(verb, record, shown[0].loop))

    def on_focus(self, event: events.Focus) -> None:
        self._refresh_cursor()
        self._scroll_to_cursor()

    def on_blur(self, event: events.Blur) -> None:
        if self._items:
            self.refresh_lines(*_span(self.page.rows_of(self._items[self.cursor].part)))


def _span(rows: range) -> tuple[int, int]:
    return rows.start, len(rows)
