"""The main screen: the loops, the selected loop's timeline and people, and their keys.

It owns what the user presses and sees here: the bindings (`tui.screens.main_keys`),
the actions, the cursor and the redraw. The app underneath keeps the session
and its workers: the screen asks it to write a change (`app.apply`) and draws
each `Board` the app hands back (`show_board`). Forms and views are pushed over
this screen, so its keys are simply not there while they are open.

Like `tui.app`, this module imports neither pydantic nor the models: the first
frame comes before they load; the editing actions import what they need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Static

from tui.screens.edit_keys import NO_LOOP
from tui.screens.mail_keys import MailKeys
from tui.screens.main_keys import LOOP_KEYS, SCREEN_KEYS
from tui.theme import THEMES, Palette, palette_for
from tui.widgets.filter_box import FilterBox
from tui.widgets.key_bar import KeyBar
from tui.widgets.processes_table import ProcessesTable
from tui.widgets.read_only_banner import ReadOnlyBanner
from tui.widgets.summary_bar import SummaryBar

if TYPE_CHECKING:
    from tui.board import BoardRow
    from tui.session import Board
    from tui.widgets.contact_cards import ContactCards
    from tui.widgets.timeline_pane import TimelinePane

FIRST_SCREEN_ROWS = 60
"""Rows a board lists in its first frame: a tall terminal's worth; the rest follow."""
LOOP_ACTIONS = frozenset(b.action for b in LOOP_KEYS if not isinstance(b, tuple))


class MainScreen(MailKeys):
    """The loops pane beside (or above) the timeline and contact panes."""

    BINDINGS: ClassVar[list[BindingType]] = [*SCREEN_KEYS, *LOOP_KEYS]

    selected_id: reactive[str | None] = reactive(None, repaint=False)
    """The loop under the cursor; the panes redraw themselves, no screen repaint is needed."""
    # Both redraw the list when they change, not when mounted: `on_mount` draws it once.
    show_closed: reactive[bool] = reactive(False, init=False)
    filter_text: reactive[str] = reactive("", init=False)

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.palette: Palette = palette_for(THEMES[0])
        self.detail: tuple[TimelinePane, ContactCards] | None = None
        """The timeline and contact panes, mounted with the first board."""
        self._visible_ids: set[str | None] = set()
        self._after_closed: list[Callable[[], object]] = []
        """What waits for a board with closed loops whole (`with_closed`), in order."""

    def compose(self) -> ComposeResult:
        # The read-only banner and the filter line are hidden at first: they are mounted
        # when first shown (`_show_read_only`, `action_filter`), not in the first frame.
        yield SummaryBar(id="summary")
        with Horizontal(id="body"):
            yield ProcessesTable(id="processes")
            with Vertical(id="detail"):
                if self.loopdeck.first_board_ready():  # the usual case: one layout, one paint
                    yield from self._detail_panes()
                else:  # the panes come with the board (`_mount_detail`)
                    yield Static("Opening the file…", id="opening")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#processes", ProcessesTable)
        table.border_title = "Loops"
        table.focus()
        self.watch(table, "highlighted", self._follow_cursor, init=False)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())
        if not self.loopdeck.show_first_board():
            self._redraw()  # the empty list's subtitle, until the board comes

    def on_resize(self, event: events.Resize) -> None:
        """A resize to the size the screen was laid out at (`outer_size`; `size` is the
        app's, already the new one) changes nothing: skip Textual's default, a layout
        and repaint of the whole screen.

        The app's own size events at start-up reach the screen once it is idle, after
        its first frame: two or three of them, each a full layout and a frame, which a
        first key pressed then waited behind.
        """
        if event.size == self.outer_size:
            event.prevent_default()

    @property
    def board(self) -> Board | None:
        return self.loopdeck.board

    def show_board(
        self, board: Board, select: str | None, first: bool, focus: str | None = None
    ) -> None:
        """Draw a board a worker computed, the cursor on `select` when it is listed."""
        if self.detail is None:
            self._mount_detail()
        if board.row(select) is not None:
            self.selected_id = select
        self._show_read_only(board.read_only)
        if first:
            self._redraw_screenful_first()
        else:
            self._redraw()
        if focus is not None and self.detail is not None:
            for pane in self.detail:
                pane.keep_cursor_on(focus)
        self.refresh_bindings()
        if board.closed_whole and self._after_closed:
            waiting, self._after_closed = self._after_closed, []
            for then in waiting:
                then()

    def with_closed(self, then: Callable[[], object]) -> None:
        """Run `then` once the board carries closed loops whole: now if it does, else
        when a worker has read them (a large file leaves them out of the first board)."""
        if self.board is None:
            return
        if self.board.closed_whole:
            then()
            return
        self._after_closed.append(then)
        self.loopdeck.read_closed()

    def _show_read_only(self, reason: str | None) -> None:
        """The banner saying why the file cannot be changed, mounted the first time it is."""
        found = self.query(ReadOnlyBanner)
        if found:
            found.first().reason = reason
        elif reason is not None:
            banner = ReadOnlyBanner(id="banner")
            banner.reason = reason
            self.mount(banner, after="#summary")

    def sync_status(self, text: str) -> None:
        self.query_one("#summary", SummaryBar).sync_status = text

    def _detail_panes(self) -> tuple[TimelinePane, ContactCards]:
        """The timeline and contact panes, made once the board is there: their modules
        import the models, which the thread that opens the file has imported by then."""
        from tui.widgets.contact_cards import ContactCards
        from tui.widgets.timeline_pane import TimelinePane

        timeline, contacts = TimelinePane(id="timeline"), ContactCards(id="contacts")
        timeline.border_title, contacts.border_title = "Timeline", "Contacts"
        self.detail = (timeline, contacts)
        return self.detail

    def _mount_detail(self) -> None:
        """The panes in place of "Opening the file…", for a board that came after the frame."""
        panes = self._detail_panes()
        self.query_one("#opening").remove()
        self.query_one("#detail").mount(*panes)

    # Drawing: attributes down.

    def visible_rows(self) -> list[BoardRow]:
        """The rows the processes pane lists: closed ones only on request, then the filter."""
        if self.board is None:
            return []
        # Read once: each is a reactive descriptor's call, and an archive has 2,000 rows.
        show_closed, needle = self.show_closed, self.filter_text
        return [
            row
            for row in self.board.rows
            if (show_closed or not row.closed) and row.matches(needle)
        ]

    def _redraw(self, limit: int | None = None) -> bool:
        """Draw the board (its first `limit` rows); whether every row it lists is drawn."""
        self.palette = palette_for(self.app.current_theme)
        summary = self.query_one("#summary", SummaryBar)
        summary.palette = self.palette
        table = self.query_one("#processes", ProcessesTable)
        if self.board is not None:
            summary.summary = self.board.summary
        rows = self.visible_rows()
        self._visible_ids = {row.process_id for row in rows}
        table.border_subtitle = self._table_subtitle(len(rows))
        table.show([row.view for row in rows], self.palette, keep=self.selected_id, limit=limit)
        self._show_selection()
        return limit is None or len(rows) <= limit

    def _table_subtitle(self, shown: int) -> str:
        parts = [f"{shown} shown"]
        if self.filter_text:
            parts.append(f"filter '{self.filter_text}'")
        parts.append("closed shown (t)" if self.show_closed else "closed hidden (t)")
        return " · ".join(parts)

    def _show_selection(self) -> None:
        if self.detail is None:
            return  # the file is still opening
        row = self.selected_row()
        for pane in self.detail:
            pane.show(row, self.palette, self.loopdeck.today)
        self.call_after_refresh(self._prepare_reachable)

    def _prepare_reachable(self) -> None:
        """After the frame, the panes render the loops one key away: that key mostly paints.

        (The table drew the row a key brings in beforehand too, until a row was drawn
        straight from its cells: about 0.3 ms, against a key's 20 to 30.)"""
        table = self.query_one("#processes", ProcessesTable)
        rows = [self.board.row(pid) for pid in table.reachable()] if self.board else []
        for pane in self.detail or ():
            pane.prepare(
                [row for row in rows if row is not None], self.palette, self.loopdeck.today
            )

    def selected_row(self) -> BoardRow | None:
        """The loop under the cursor, if it is listed (not filtered out or hidden)."""
        if self.board is None or self.selected_id not in self._visible_ids:
            return None
        return self.board.row(self.selected_id)

    def watch_selected_id(self, old: str | None, new: str | None) -> None:
        self._show_selection()
        if (old is None) != (new is None):
            self.refresh_bindings()  # the key bar greys out or lights the loop's keys

    def watch_show_closed(self) -> None:
        self._redraw_screenful_first()

    def watch_filter_text(self) -> None:
        self._redraw_screenful_first()

    def _redraw_screenful_first(self) -> None:
        """A long list changes in two frames: what fits on screen now, the rest just after.

        Typing a filter on 500 loops would otherwise refill all of them on every key.
        """
        if not self._redraw(limit=FIRST_SCREEN_ROWS):
            self.call_after_refresh(self._redraw)

    def _follow_cursor(self, process_id: str | None) -> None:
        """Watches the table's cursor: runs in the key's own step, so one frame shows it all."""
        self.selected_id = process_id

    # Key rules: what is possible depends on the file and the selection.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.board is None:
            return False  # the file is still opening: its keys join the footer when it is open
        if self.board.read_only is not None:
            return True  # editing keys stay live to explain why nothing can be changed
        if action in LOOP_ACTIONS and self.selected_row() is None:
            return None
        if action == "undo" and self.board.undo_label is None:
            return None
        return True

    def on_key(self, event: events.Key) -> None:
        """A key about the selected loop, pressed with none selected, says so: the footer
        greys it out, but a key that does nothing at all looks broken."""
        active = self.active_bindings.get(event.key)
        if active is not None and not active.enabled and active.binding.action in LOOP_ACTIONS:
            self.notify(NO_LOOP, severity="warning")

    async def run_command(self, action: str) -> None:
        """Run a key's action from the command palette, saying why when it is not possible."""
        if self.board is not None and action in LOOP_ACTIONS and self.selected_row() is None:
            self.notify(NO_LOOP, severity="warning")
            return
        await self.app.run_action(action, self)

    # The keys that do not change the file.

    def action_next_steps(self) -> None:
        from tui.screens.next_steps import NextStepsScreen

        rows = [row for row in self.board.rows if not row.closed] if self.board else []
        screen = NextStepsScreen(rows, self.palette, self.loopdeck.today, self.tick_off)
        self.app.push_screen(screen, self._jump)

    def action_prep(self) -> None:
        from tui import insights

        row = self.selected_row()
        if row is None:
            self.notify(NO_LOOP, severity="warning")
        else:
            self.app.push_screen(insights.prep_screen(self.loopdeck, row.loop))

    def action_offers(self) -> None:
        from tui import insights

        if self.board is not None:
            self.app.push_screen(insights.offers_screen(self.board, self.loopdeck.today))

    def action_funnel(self) -> None:
        self.with_closed(self._push_funnel)

    def _push_funnel(self) -> None:
        from tui import insights

        if self.board is not None:
            self.app.push_screen(insights.funnel_screen(self.board))

    def action_export(self, fmt: str) -> None:
        """Every loop as `loopdeck export --format FMT` writes it, into the current folder."""
        from pathlib import Path

        from tui.exporting import export_into

        folder, today = Path.cwd(), self.loopdeck.today
        self.loopdeck.read(
            lambda session: export_into(session, fmt, folder, today),
            lambda said: self.notify(said, timeout=6),
        )

    def _jump(self, process_id: str | None) -> None:
        if process_id is not None:
            self.select_loop(process_id)

    def select_loop(self, process_id: str) -> None:
        """Put the cursor on a loop, clearing a filter or showing closed loops if needed."""
        row = self.board.row(process_id) if self.board else None
        if row is None:
            return
        if row.closed and self.board is not None and not self.board.closed_whole:
            self.with_closed(lambda: self.select_loop(process_id))
            return
        self.selected_id = process_id
        if row.closed:
            self.show_closed = True
        if not row.matches(self.filter_text):  # a filter was typed: its line is mounted
            self.query_one("#filter", FilterBox).action_dismiss()
        self._redraw()
        self.query_one("#processes").focus()

    def loop_titles(self) -> list[tuple[str, str]]:
        """(process id, 'Company / Role') of every loop, for the command palette."""
        rows = self.board.rows if self.board else []
        return [(row.process_id, row.loop.process.title) for row in rows]

    def action_toggle_closed(self) -> None:
        self.with_closed(self._toggle_closed)

    def _toggle_closed(self) -> None:
        self.show_closed = not self.show_closed

    async def action_filter(self) -> None:
        """Show the filter line, mounted the first time: the keys typed after `/` wait for it."""
        found = self.query(FilterBox)
        if found:
            box = found.first()
        else:
            box = FilterBox(
                placeholder="filter: words, names, log text · owner:rec|hm|me · signal:follow-up",
                id="filter",
            )
            await self.mount(box, before="#body")
        box.display = True
        self.set_focus(box)  # at once: the rest of a burst typed after `/` follows it

    @on(FilterBox.Changed, "#filter")
    def _apply_filter(self, event: FilterBox.Changed) -> None:
        self.filter_text = event.value.strip()

    @on(FilterBox.Submitted, "#filter")
    @on(FilterBox.Dismissed, "#filter")
    def _leave_filter(self) -> None:
        self.query_one("#processes").focus()
