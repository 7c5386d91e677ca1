"""A pane of wrapped text, sized by its CSS, that renders only the lines it draws.

The timeline and contact panes get new text on every cursor move, most of it
below the pane's bottom edge. The text comes in parts (a heading, a round, a
card, a log line). A `Page` counts each part's rows at the pane's width
without rendering it (only a line wider than the pane is wrapped to count
them) and renders a part the first time one of its rows is drawn, so a cursor
move pays for a screenful, not for the whole text; a page drawn once draws
again for free.

Textual treats a change of a widget's virtual (scrollable) size as a layout
change: the whole screen is arranged and repainted. This pane's own size is
fixed by its CSS (a fraction, not `auto`) and its vertical scrollbar is always
there, so new text repaints the pane alone, and its scrollbar only when the
scrollbar's thumb moves or changes size.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class Page:
    """Parts of text laid out at one width: row counts known at once, rows rendered on demand."""

    def __init__(self, parts: Sequence[Text]) -> None:
        self.parts = parts
        self.width = 0
        self._starts = [0]
        """The first row of each part, then the total."""
        self._fits: list[bool] = []
        """Whether each part's lines fit in `width` as they are (else Rich wraps them)."""
        self._drawn: dict[int, Strip] = {}
        """Rows rendered so far, on the pane's colours `_style`, by row."""
        self._style: Style | None = None

    @property
    def height(self) -> int:
        return self._starts[-1]

    def rows_of(self, part: int) -> range:
        """The rows part number `part` takes, once measured (none before)."""
        if part + 1 >= len(self._starts):
            return range(0)
        return range(self._starts[part], self._starts[part + 1])

    def measure(self, console: Console, width: int) -> None:
        """Count the rows of every part at `width`; nothing to do at the width already measured."""
        if width == self.width:
            return
        self.width = width
        self._fits = [fits(part, width) for part in self.parts]
        counts = [
            part.plain.count("\n") + 1 if fit else rows(part, console, width)
            for part, fit in zip(self.parts, self._fits, strict=True)
        ]
        self._starts = [0, *accumulate(counts)]
        self._drawn.clear()

    def row(self, y: int, console: Console, style: Style) -> Strip:
        """Row `y` on `style` (the pane's colours), rendering its part if that is still to do."""
        if style != self._style:
            self._style = style
            self._drawn.clear()
        drawn = self._drawn.get(y)
        if drawn is None:
            index = bisect_right(self._starts, y) - 1
            for offset, strip in enumerate(self._render(index, console, style)):
                self._drawn[self._starts[index] + offset] = strip
            drawn = self._drawn.setdefault(y, Strip.blank(self.width, style))
        return drawn

    def _render(self, index: int, console: Console, style: Style) -> list[Strip]:
        """The part's rows as Rich wraps them, each rendered alone (no joining, no splitting)."""
        part, width = self.parts[index], self.width
        if not self._fits[index]:
            lines: Iterable[Text] = part.wrap(console, width)
        elif "\n" in part.plain:
            lines = part.split("\n", allow_blank=True)
        else:
            lines = [part]
        strips = []
        for line in lines:
            segments = _segments(line, console)
            room = width - line.cell_len
            if room > 0:
                segments.append(Segment(" " * room))
            styled = Segment.apply_style(segments, style)
            # A row wider than the pane: a wide character Rich could not fold at the edge.
            strips.append(Strip(styled, width) if room >= 0 else Strip(styled).crop(0, width))
        return strips


def _segments(line: Text, console: Console) -> list[Segment]:
    """One row; `Text.render` leaves out the text's own style when it has no spans."""
    if line.spans:
        return list(line.render(console))
    return [Segment(line.plain, console.get_style(line.style))]


def fits(part: Text, width: int) -> bool:
    """Whether Rich would draw `part` at `width` line for line, nothing wrapped or expanded."""
    plain = part.plain
    if part.no_wrap or part.overflow not in (None, "fold") or "\t" in plain:
        return False
    return all(cell_len(line) <= width for line in plain.split("\n"))


def rows(part: Text, console: Console, width: int) -> int:
    """How many rows `part` takes at `width` as Rich wraps it: only where to break, no rendering.

    Only the lines wider than the pane are wrapped (by Rich's own `Text.wrap`) to count them.
    """
    plain = part.plain
    if part.no_wrap or part.overflow not in (None, "fold") or "\t" in plain:
        return len(part.wrap(console, width))
    return sum(
        len(Text(line).wrap(console, width)) if cell_len(line) > width else 1
        for line in plain.split("\n")
    )


class PaneText(ScrollView, can_focus=True):
    """Shows a `Page` from its top; scrolls it like a log (mouse, keys when focused)."""

    DEFAULT_CSS = """
    PaneText {
        background: $surface;
        color: $foreground;
        overflow-y: scroll;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
        }
    }
    """
    """A `RichLog`'s colours and its scrollbar that is always there (and never a
    horizontal one: rows are folded at the pane's width), so which scrollbars show
    never depends on the page."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._page = Page(())
        self._style = Style()
        """The pane's colours, looked up once per screen update rather than once per row."""

    @property
    def page(self) -> Page:
        return self._page

    def show_page(self, page: Page) -> None:
        """Show `page` from its top, repainting the rows on screen that it changes.

        Two loops' pages often share rows where they are drawn (a heading, a blank
        line, the same words): about a fifth of a pane's rows from one loop to the
        next. Those keep what is painted; the border is never repainted either.
        """
        before, top = self._page, self.scroll_offset.y
        self._page = page
        self._measure()
        self.scroll_home(animate=False, immediate=True)
        width = self.scrollable_content_region.width
        if top or self.has_focus or width <= 0 or not before.width == page.width == width:
            self.refresh(self.size.region)  # scrolled, focused or resized: all of it
            return
        height = self.scrollable_content_region.height
        changed = [y for y in range(height) if self._row(before, y) != self._row(page, y)]
        for start, count in _runs(changed):
            self.refresh(Region(0, start, self.size.width, count))

    def _row(self, page: Page, y: int) -> Strip:
        """Row `y` of `page` as drawn from its top (rendered already when prepared or shown)."""
        if y >= page.height:
            return Strip.blank(page.width, self._style)
        return page.row(y, self.app.console, self._style)

    def _measure(self) -> None:
        width = self.scrollable_content_region.width
        if width > 0:
            self._page.measure(self.app.console, width)
            self.virtual_size = Size(width, self._page.height)

    def on_resize(self, event: events.Resize) -> None:
        """Rows are counted at a width: count them again at the new one."""
        self._measure()

    def watch_virtual_size(self, size: Size) -> None:
        if self._sized_by_content():
            self.refresh(layout=True)
            return
        if self.show_vertical_scrollbar:
            # The scrollbar repaints itself when these change, and only then.
            scrollbar = self.vertical_scrollbar
            scrollbar.window_virtual_size = size.height
            scrollbar.window_size = self.container_size.height - self.scrollbar_size_horizontal
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def _sized_by_content(self) -> bool:
        width, height = self.styles.width, self.styles.height
        return width is None or height is None or width.is_auto or height.is_auto

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        if row >= self._page.height:
            return Strip.blank(self.scrollable_content_region.width, self._style)
        return self._page.row(row, self.app.console, self._style)


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """(first, count) of each run of consecutive numbers in ascending `rows`."""
    start = count = 0
    for row in rows:
        if count and row == start + count:
            count += 1
            continue
        if count:
            yield start, count
        start, count = row, 1
    if count:
        yield start, count
