"""The full-screen app: loops, a timeline, contact cards and next steps, driven by keys.

The app holds no business rules: who owns a step comes from
`planner.ownership`, what a line means from `planner.quickadd`, dates from
`planner.dates`. It draws a `Board`, hands forms their records, and stores
what they return through `Session` in worker threads, so a slow disk or a
large file never freezes the screen.

Started on a path (as `loopdeck` does), it opens the file in a worker too,
after painting the loops pane from the cached first screen
(`tui.first_screen`) when there is one: everything that needs pydantic, the
models or the rules is imported there or in the action that needs it, so the
first paint waits only for Textual.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import Reactive, reactive
from textual.theme import Theme
from textual.widgets import Footer, Static

from planner import clock
from planner.text import visible
from storage.errors import StorageError
from tui import first_screen
from tui.commands import LoopdeckCommands
from tui.first_screen import FirstScreen
from tui.theme import DEFAULT_THEME, THEMES, Palette, palette_for
from tui.widgets.filter_box import FilterBox
from tui.widgets.processes_table import ProcessesTable
from tui.widgets.read_only_banner import ReadOnlyBanner
from tui.widgets.summary_bar import SummaryBar

if TYPE_CHECKING:
    from planner.models import Loop, Record
    from planner.offers import Offer
    from planner.pacing import Deadline
    from planner.quickadd import LoopDraft, RoundDraft
    from storage.repository import Repository
    from tui.board import BoardRow
    from tui.screens.conflicts_view import Choice, Take
    from tui.screens.prep_view import PrepScreen
    from tui.session import Board, Session
    from tui.widgets.contact_cards import ContactCards
    from tui.widgets.timeline_pane import TimelinePane

WATCH_INTERVAL_S = 0.5
"""How often the data file is checked for changes made elsewhere (another window, git pull)."""
FIRST_SCREEN_ROWS = 60
"""Rows listed in the first frame (cached or loaded): a tall terminal's worth; the rest follow."""

NEEDS_LOOP = {
    "add_round",
    "add_contact",
    "log",
    "done",
    "edit",
    "owner",
    "offer",
    "close_loop",
    "prep",
    "told",
}
MAIN_SCREEN_ONLY = NEEDS_LOOP | {
    "add_loop",
    "undo",
    "next_steps",
    "offers",
    "funnel",
    "filter",
    "toggle_closed",
    "sync",
    "conflicts",
}
"""The loop keys act on the main screen's selection; these too only make sense there."""


class LoopdeckApp(App[None]):
    """One data file, opened through a `Repository` (tests pass one on a temp file)."""

    CSS_PATH = "app.tcss"
    TITLE = "loopdeck"
    COMMANDS = App.COMMANDS | {LoopdeckCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (typed by App)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_loop", "Add", tooltip="New loop from one quick-add line", id="add-loop"),
        Binding("s", "add_round", "Round", tooltip="Add a round to this loop", id="add-round"),
        Binding(
            "d", "done", "Done", tooltip="Mark the current round done, with outcome", id="done"
        ),
        Binding("n", "next_steps", "Next", tooltip="Next steps by owner", id="next-steps"),
        Binding("p", "prep", "Prep", show=False, tooltip="What the next round needs", id="prep"),
        Binding(
            "dollar_sign",
            "offers",
            "Offers",
            show=False,
            tooltip="Open offers side by side with their totals",
            id="offers",
        ),
        Binding(
            "f", "funnel", "Funnel", show=False, tooltip="Pass-through and reply times", id="funnel"
        ),
        Binding("slash", "filter", "Filter", tooltip="Filter loops by text", id="filter"),
        Binding("u", "undo", "Undo", tooltip="Undo the last change", id="undo"),
        Binding(
            "c",
            "add_contact",
            "Contact",
            show=False,
            tooltip="Add a contact card",
            id="add-contact",
        ),
        Binding("l", "log", "Log", show=False, tooltip="Log a touch, note or promise", id="log"),
        Binding("e", "edit", "Edit", show=False, tooltip="Edit this loop's fields", id="edit"),
        Binding(
            "o", "owner", "Owner", show=False, tooltip="Set or clear the owner override", id="owner"
        ),
        Binding(
            "O", "offer", "Offer", show=False, tooltip="Record or edit the loop's offer", id="offer"
        ),
        Binding(
            "T",
            "told",
            "Told",
            show=False,
            tooltip="Recruiter told of another loop's offer deadline",
            id="told",
        ),
        Binding(
            "x", "close_loop", "Close loop", show=False, tooltip="Close with a reason", id="close"
        ),
        Binding(
            "t",
            "toggle_closed",
            "Closed",
            show=False,
            tooltip="Show or hide closed loops",
            id="toggle-closed",
        ),
        Binding(
            "question_mark,f1", "help", "Help", tooltip="Keys and quick-add grammar", id="help"
        ),
        Binding(
            "S", "sync", "Sync", show=False, tooltip="Commit, pull and push through git", id="sync"
        ),
        Binding(
            "k",
            "conflicts",
            "Conflicts",
            show=False,
            tooltip="Values a sync overwrote: take back or let go",
            id="conflicts",
        ),
        Binding("q", "quit", "Quit", tooltip="Leave loopdeck (everything is saved)", id="quit"),
    ]

    class BoardReady(Message):
        """A worker computed a fresh board; `note` is what to tell the user, if anything."""

        def __init__(
            self, board: Board, note: str = "", select: str | None = None, first: bool = False
        ) -> None:
            super().__init__()
            self.board = board
            self.note = note
            self.select = select
            self.first = first
            """The first board since the app started: the watcher and driver check follow."""

    class WriteFailed(Message):
        """A write or undo was refused; `reason` is the storage's one sentence."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    theme: Reactive[str] = Reactive(DEFAULT_THEME)
    """Ours from the start: the style sheet is parsed once, with its colours, not re-parsed."""

    @property
    def available_themes(self) -> dict[str, Theme]:
        """Textual's themes and ours, known before `__init__` can register them."""
        return {**super().available_themes, **{theme.name: theme for theme in THEMES}}

    selected_id: reactive[str | None] = reactive(None, repaint=False)
    """The loop under the cursor; the panes redraw themselves, no screen repaint is needed."""
    show_closed: reactive[bool] = reactive(False)
    filter_text: reactive[str] = reactive("")

    def __init__(
        self,
        source: Repository | Path,
        today: dt.date | None = None,
        *,
        theme: str = DEFAULT_THEME,
        watch_interval: float | None = WATCH_INTERVAL_S,
        first: FirstScreen | None = None,
    ) -> None:
        super().__init__()
        self.today = today or clock.today()
        self.session: Session | None = None
        """Set once the file is open: at once for a `Repository`, by `_load` for a path."""
        self._path: Path | None = None
        if isinstance(source, Path):
            self._path = source
        else:
            from tui.session import Session

            self.session = Session(source, self.today)
        self.first: FirstScreen | None = first
        """The cached first screen shown until the board is ready (None: none or a miss)."""
        self.board: Board | None = None
        self._detail: tuple[TimelinePane, ContactCards] | None = None
        """The timeline and contact panes, mounted with the first board."""
        self._visible_ids: set[str | None] = set()
        self.palette: Palette = palette_for(THEMES[0])
        self._watch_interval = watch_interval
        for known in THEMES:
            self.register_theme(known)
        if theme != DEFAULT_THEME:
            self.theme = theme

    def compose(self) -> ComposeResult:
        yield SummaryBar(id="summary")
        yield ReadOnlyBanner(id="banner")
        yield FilterBox(placeholder="filter: part of a company, role, stage or tag", id="filter")
        with Horizontal(id="body"):
            yield ProcessesTable(id="processes")
            with Vertical(id="detail"):
                # The panes come with the board (`_mount_detail`): their modules need the models.
                yield Static("Opening the file…", id="opening")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#processes").border_title = "Loops"
        self.query_one("#processes").focus()
        table = self.query_one("#processes", ProcessesTable)
        self.watch(table, "highlighted", self._follow_cursor, init=False)
        self.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())
        if self.first is not None:
            self._redraw()
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        """Importing and reading in a worker: it must not delay the frames before it."""
        self._load()

    def _loaded(self) -> None:
        """The board is on screen: now the driver check and the disk watcher may start."""
        # The models, the board and the table rows live until the next load: out of the
        # collector's sight, a full collection no longer walks them between two keys.
        gc.freeze()
        gc.enable()  # see run_app
        self._check_driver()
        if self._watch_interval:
            self.set_interval(self._watch_interval, self._check_disk)

    # Workers: every repository call happens off the UI thread and reports back by message.

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> None:
        try:
            if self.session is None:
                assert self._path is not None
                from storage.repository import Repository
                from tui.session import Session

                # The model cache is refreshed on the way out (`run_app`), not before the
                # first paint.
                repository = Repository.open(self._path, save_cache=False)
                self.session = Session(repository, self.today)
            # The panes' modules import the models: import them here, off the UI thread.
            from tui.widgets import contact_cards, timeline_pane  # noqa: F401

            board = self.session.board()
        except Exception as error:  # a bad file opens read-only: this is a bug, say so
            self.post_message(self.WriteFailed(f"Could not open the file: {error}"))
            raise
        self.post_message(self.BoardReady(board, first=True))

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _check_disk(self) -> None:
        board = self._session().refresh()
        if board is not None:
            self.post_message(self.BoardReady(board, note="Reloaded: the file changed on disk."))

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _write(self, label: str, records: list[Record], select: str | None) -> None:
        try:
            board = self._session().write(label, records)
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        note = "\n".join([f"Saved: {label}.", *self._session().take_notices()])
        self.post_message(self.BoardReady(board, note=note, select=select))

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _undo(self) -> None:
        try:
            label, board = self._session().undo()
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        note = f"Undone: {label}." if label else "Nothing to undo."
        self.post_message(self.BoardReady(board, note=note))

    @work(thread=True, exclusive=True, group="driver", exit_on_error=False)
    def _check_driver(self) -> None:
        """A clone without the merge driver would let git merge the file line by line."""
        fixed = self._session().ensure_driver()
        if fixed:
            self.call_from_thread(
                self.notify, "Installed the merge driver (" + ", ".join(fixed) + ")", timeout=5
            )

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _sync(self) -> None:
        try:
            lines, board = self._session().sync()
        except StorageError as error:
            self.call_from_thread(self._sync_status, "sync failed")
            self.post_message(self.WriteFailed(f"Sync stopped: {error}"))
            return
        self.call_from_thread(self._sync_status, f"sync: {lines[-1]}" if lines else "synced")
        self.post_message(self.BoardReady(board, note="\n".join(lines), select=self.selected_id))

    def _sync_status(self, text: str) -> None:
        self.query_one("#summary", SummaryBar).sync_status = text

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _resolve(self, number: int, take: Take) -> None:
        try:
            conflict, board = self._session().resolve(number, take)
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        kept = "took the other value" if take == "other" else "kept the current value"
        note = f"Conflict on {conflict.loop} ({conflict.field}): {kept}."
        self.post_message(self.BoardReady(board, note=note, select=self.selected_id))

    @on(BoardReady)
    def _show_board(self, message: BoardReady) -> None:
        self.board = message.board
        self.first = None
        if self._detail is None:
            self._mount_detail()
        if message.board.row(message.select) is not None:
            self.selected_id = message.select
        self.query_one("#banner", ReadOnlyBanner).reason = message.board.read_only
        if message.first:  # a screenful first; the rest of a long list one frame later
            self._redraw(limit=FIRST_SCREEN_ROWS)
            self.call_after_refresh(self._redraw)
        else:
            self._redraw()
        from tui.screens.prep_view import PrepScreen

        for screen in self.screen_stack:
            if isinstance(screen, PrepScreen):
                screen.reload()  # it shows records the board does not carry
        if message.note:
            self.notify(message.note, timeout=3)
        self.refresh_bindings()
        if message.first:
            self._loaded()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification shows control characters from the data as escapes."""
        super().notify(
            visible(message, keep="\n"),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    @on(WriteFailed)
    def _report_failure(self, message: WriteFailed) -> None:
        self.notify(message.reason, severity="error", timeout=8)

    def _mount_detail(self) -> None:
        from tui.widgets.contact_cards import ContactCards
        from tui.widgets.timeline_pane import TimelinePane

        timeline, contacts = TimelinePane(id="timeline"), ContactCards(id="contacts")
        timeline.border_title, contacts.border_title = "Timeline", "Contacts"
        self.query_one("#opening").remove()
        self.query_one("#detail").mount(timeline, contacts)
        self._detail = (timeline, contacts)

    def _session(self) -> Session:
        """The open file's session; only keys that wait for the board (or their workers) ask."""
        assert self.session is not None, "the file is not open yet"
        return self.session

    # Drawing: attributes down.

    def visible_rows(self) -> list[BoardRow]:
        """The rows the processes pane lists: closed ones only on request, then the filter."""
        if self.board is None:
            return []
        return [
            row
            for row in self.board.rows
            if (self.show_closed or not row.closed) and row.matches(self.filter_text)
        ]

    def _redraw(self, limit: int | None = None) -> None:
        self.palette = palette_for(self.current_theme)
        summary = self.query_one("#summary", SummaryBar)
        summary.palette = self.palette
        table = self.query_one("#processes", ProcessesTable)
        if self.board is None and self.first is not None:
            summary.summary = self.first.summary
            views = [row for row in self.first.rows if not row.closed]
            table.border_subtitle = self._table_subtitle(len(views))
            table.show(views, self.palette, keep=None, limit=FIRST_SCREEN_ROWS)
            return
        if self.board is not None:
            summary.summary = self.board.summary
        rows = self.visible_rows()
        self._visible_ids = {row.process_id for row in rows}
        table.border_subtitle = self._table_subtitle(len(rows))
        table.show([row.view for row in rows], self.palette, keep=self.selected_id, limit=limit)
        self._show_selection()

    def _table_subtitle(self, shown: int) -> str:
        parts = [f"{shown} shown"]
        if self.filter_text:
            parts.append(f"filter '{self.filter_text}'")
        parts.append("closed shown (t)" if self.show_closed else "closed hidden (t)")
        return " · ".join(parts)

    def _show_selection(self) -> None:
        row = self.selected_row()
        if self._detail is None:
            return  # the file is still opening
        timeline, contacts = self._detail
        timeline.show(row, self.palette, self.today)
        contacts.show(row, self.palette, self.today)
        self.call_after_refresh(self._prepare_reachable)

    def _prepare_reachable(self) -> None:
        """After the frame, the panes render the loops one key away: that key only paints."""
        table = self.query_one("#processes", ProcessesTable)
        rows = [self.board.row(pid) for pid in table.reachable()] if self.board else []
        for pane in self._detail or ():
            pane.prepare([row for row in rows if row is not None], self.palette, self.today)

    def selected_row(self) -> BoardRow | None:
        """The loop under the cursor, if it is listed (not filtered out or hidden)."""
        if self.board is None or self.selected_id not in self._visible_ids:
            return None
        return self.board.row(self.selected_id)

    def watch_selected_id(self, old: str | None, new: str | None) -> None:
        self._show_selection()
        if (old is None) != (new is None):
            self.refresh_bindings()  # the footer recomposes: only when keys come or go

    def watch_show_closed(self) -> None:
        self._redraw_screenful_first()

    def watch_filter_text(self) -> None:
        self._redraw_screenful_first()

    def _redraw_screenful_first(self) -> None:
        """A long list changes in two frames: what fits on screen now, the rest just after.

        Typing a filter on 500 loops would otherwise refill all of them on every key.
        """
        self._redraw(limit=FIRST_SCREEN_ROWS)
        self.call_after_refresh(self._redraw)

    def _follow_cursor(self, process_id: str | None) -> None:
        """Watches the table's cursor: runs in the key's own step, so one frame shows it all."""
        self.selected_id = process_id

    # Key rules: what is possible depends on the file and the selection.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in MAIN_SCREEN_ONLY and self.screen is not self.screen_stack[0]:
            return False  # the loop keys act on the main screen's selection
        if action in MAIN_SCREEN_ONLY and self.board is None:
            return False  # the file is still opening: its keys join the footer when it is open
        if self.board is not None and self.board.read_only is not None:
            return True  # editing keys stay live to explain why nothing can be changed
        if action in NEEDS_LOOP and self.selected_row() is None:
            return None
        if action == "undo" and (self.board is None or self.board.undo_label is None):
            return None
        return True

    def _writable(self) -> bool:
        """False (after saying why) when the file is read-only."""
        reason = self.board.read_only if self.board else None
        if reason is not None:
            self.notify(f"Nothing was changed: {reason}", severity="warning", timeout=6)
            return False
        return True

    def _editable_loop(self) -> Loop | None:
        """The selected loop for an editing key, or None after saying what is missing."""
        if not self._writable():
            return None
        row = self.selected_row()
        if row is None:
            self.notify("Select a loop first (add one with a).", severity="warning")
            return None
        return row.loop

    # Actions.

    def action_add_loop(self) -> None:
        from planner.quickadd import LOOP_EXAMPLE, LoopDraft, parse_loop
        from tui.screens.quick_line import QuickLineScreen
        from tui.widgets.previews import loop_preview

        if not self._writable():
            return
        settings = self.board.settings if self.board else None
        screen = QuickLineScreen[LoopDraft](
            "New loop",
            LOOP_EXAMPLE,
            lambda line: parse_loop(line, self.today),
            lambda draft: loop_preview(draft, settings),
        )
        self.push_screen(screen, self._store_loop)

    def _store_loop(self, draft: LoopDraft | None) -> None:
        if draft is None:
            return
        process, rounds, contacts = draft.build(self.today)
        self._write(f"add loop {process.title}", [process, *rounds, *contacts], process.id)

    def action_add_round(self) -> None:
        from planner.quickadd import ROUND_EXAMPLE, RoundDraft, parse_round
        from planner.rounds import placement_label
        from tui.screens.quick_line import QuickLineScreen
        from tui.widgets.previews import round_preview

        loop = self._editable_loop()
        if loop is None:
            return
        process = loop.process

        def store(draft: RoundDraft | None) -> None:
            if draft is None:
                return
            round_ = draft.place(loop, self.today)  # may schedule a planned round
            self._write(placement_label(loop, round_), [round_], process.id)

        screen = QuickLineScreen[RoundDraft](
            f"New round for {process.title}",
            ROUND_EXAMPLE,
            lambda line: parse_round(line, self.today),
            lambda draft: round_preview(draft, self.board.settings if self.board else None),
        )
        self.push_screen(screen, store)

    def action_add_contact(self) -> None:
        from tui.screens.contact_form import ContactForm

        loop = self._editable_loop()
        if loop is not None:
            form = ContactForm(loop.process.id, f"New contact for {loop.process.title}")
            self.push_screen(form, self._storer(f"add contact to {loop.process.title}"))

    def action_log(self) -> None:
        from tui.screens.log_form import LogForm

        loop = self._editable_loop()
        if loop is not None:
            form = LogForm(loop, self.today)
            self.push_screen(form, self._storer(f"log for {loop.process.title}"))

    def action_done(self) -> None:
        from planner.rounds import awaiting_outcome, current_round
        from tui.screens.done_form import DoneForm

        loop = self._editable_loop()
        if loop is None:
            return
        round_ = current_round(loop, self.today) or awaiting_outcome(loop)
        if round_ is None:
            self.notify(f"{loop.process.title} has no open round; add one with s.")
            return
        title = f"{round_.label} at {loop.process.title}: done"
        form = DoneForm(round_, title, self.today)
        self.push_screen(form, self._storer(f"{round_.label} done at {loop.process.title}"))

    def action_edit(self) -> None:
        from tui.screens.process_form import ProcessForm

        loop = self._editable_loop()
        if loop is not None:
            form = ProcessForm(loop.process)
            self.push_screen(form, self._storer(f"edit {loop.process.title}"))

    def action_owner(self) -> None:
        from tui.screens.owner_form import OwnerForm

        loop = self._editable_loop()
        if loop is not None:
            form = OwnerForm(loop.process)
            self.push_screen(form, self._storer(f"owner of {loop.process.title}"))

    def action_offer(self) -> None:
        from planner.offers import synced_round
        from tui import insights
        from tui.screens.offer_form import OfferForm

        loop = self._editable_loop()
        if loop is None:
            return
        offer = insights.latest_open_offer(self._session(), loop.process.id)

        def store(edited: Offer | None) -> None:
            if edited is None:
                return
            verb = "record" if offer is None else "update"
            offer_round = synced_round(loop, edited, self.today)
            records: list[Record] = [edited] if offer_round is None else [edited, offer_round]
            self._write(f"{verb} the offer of {loop.process.title}", records, loop.process.id)

        self.push_screen(OfferForm(loop, offer, self.today), store)

    def action_sync(self) -> None:
        if self._writable():
            self._sync_status("syncing…")
            self._sync()

    def action_conflicts(self) -> None:
        from tui.screens.conflicts_view import ConflictsScreen

        def chosen(choice: Choice | None) -> None:
            if choice is not None and self._writable():
                self._resolve(*choice)

        self.push_screen(ConflictsScreen(self._session().conflicts()), chosen)

    def action_told(self) -> None:
        from planner.pacing import told_event, told_label
        from tui import insights
        from tui.screens.told_picker import ToldPicker

        loop = self._editable_loop()
        if loop is None:
            return
        deadlines = insights.untold_deadlines(self._session(), loop, self.today)

        def store(deadline: Deadline | None) -> None:
            if deadline is not None:
                event = told_event(loop, deadline, self.today)
                self._write(told_label(loop, deadline), [event], loop.process.id)

        if not deadlines:
            self.notify(f"{loop.process.title}: no other offer deadline left to pass on.")
        elif len(deadlines) == 1:
            store(deadlines[0])
        else:
            self.push_screen(ToldPicker(loop, deadlines, self.today), store)

    def on_prep_screen_save(self, message: PrepScreen.Save) -> None:
        if self._writable():
            self._write(message.label, message.records, message.process_id)

    def on_prep_screen_undo(self) -> None:
        self.action_undo()

    def action_close_loop(self) -> None:
        from tui.screens.close_form import CloseForm

        loop = self._editable_loop()
        if loop is not None:
            form = CloseForm(loop.process, self.today)
            self.push_screen(form, self._storer(f"close {loop.process.title}"))

    def _storer(self, label: str) -> Callable[[Record | None], None]:
        """A form's callback: store the record it returned as one undo step."""

        def store(record: Record | None) -> None:
            if record is not None:
                self._write(label, [record], getattr(record, "process_id", record.id))

        return store

    def action_undo(self) -> None:
        if self._writable():
            self._undo()

    def action_next_steps(self) -> None:
        from tui.screens.next_steps import NextStepsScreen

        rows = [row for row in self.board.rows if not row.closed] if self.board else []
        self.push_screen(NextStepsScreen(rows, self.palette, self.today), self._jump)

    def action_prep(self) -> None:
        from tui import insights

        row = self.selected_row()
        if row is not None:
            self.push_screen(insights.prep_screen(self._session(), row.loop, self.today))

    def action_offers(self) -> None:
        from tui import insights

        self.push_screen(insights.offers_screen(self._session(), self.today))

    def action_funnel(self) -> None:
        from tui import insights

        self.push_screen(insights.funnel_screen(self._session()))

    def _jump(self, process_id: str | None) -> None:
        if process_id is not None:
            self.select_loop(process_id)

    def select_loop(self, process_id: str) -> None:
        """Put the cursor on a loop, clearing a filter or showing closed loops if needed."""
        row = self.board.row(process_id) if self.board else None
        if row is None:
            return
        self.selected_id = process_id
        if row.closed:
            self.show_closed = True
        if not row.matches(self.filter_text):
            self.query_one("#filter", FilterBox).action_dismiss()
        self._redraw()
        self.query_one("#processes").focus()

    def loop_titles(self) -> list[tuple[str, str]]:
        """(process id, 'Company / Role') of every loop, for the command palette."""
        rows = self.board.rows if self.board else []
        return [(row.process_id, row.loop.process.title) for row in rows]

    def action_toggle_closed(self) -> None:
        self.show_closed = not self.show_closed

    def action_filter(self) -> None:
        box = self.query_one("#filter", FilterBox)
        box.display = True
        box.focus()

    @on(FilterBox.Changed, "#filter")
    def _apply_filter(self, event: FilterBox.Changed) -> None:
        self.filter_text = event.value.strip()

    @on(FilterBox.Submitted, "#filter")
    @on(FilterBox.Dismissed, "#filter")
    def _leave_filter(self) -> None:
        self.query_one("#processes").focus()

    def action_help(self) -> None:
        """Every key as the footer shows it: the app's, then the prep view's own."""
        from tui.screens.help import HelpScreen
        from tui.screens.prep_view import PrepScreen

        sections = [("", self.BINDINGS), ("In the prep view (p)", PrepScreen.BINDINGS)]
        self.push_screen(HelpScreen([(title, self._key_rows(b)) for title, b in sections]))

    def _key_rows(self, bindings: list[BindingType]) -> list[tuple[str, Binding]]:
        return [
            (" ".join(self.get_key_display(b.with_key(k.strip())) for k in b.key.split(",")), b)
            for b in bindings
            if isinstance(b, Binding)
        ]


def run_app(path: Path, today: dt.date) -> int:
    """Open the data file at `path` full-screen; the exit status for the command line.

    Everything imported so far lives as long as the process: `gc.freeze()` takes
    it out of the collector's sight, or a full collection walks all of it in the
    middle of the first frame (about 30 ms). The collector, off while the app
    was imported, comes back on once the file is open (`_loaded`).
    """
    gc.freeze()
    app = LoopdeckApp(path, today, first=first_screen.load(path, today))
    app.run()
    if app.session is not None:
        app.session.save_cache()  # after the screen is restored: the next start skips parsing
    return 0
