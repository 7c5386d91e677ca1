"""The full-screen app: the open file's session, its workers, the theme and the palette.

What the user sees and presses lives in screens: `tui.screens.main.MainScreen`
owns the main screen's keys, actions and drawing; forms and views are pushed
over it. The app holds what every screen shares: the `Session` on the data
file, the latest `Board`, and the workers that talk to the session off the UI
thread (opening the file, writing a change, undo, sync, the watcher), so a
slow disk, a large file or a sync holding the file's lock never freezes a key.

The file is opened, and the first board computed, in a thread started as the
app starts running (`tui.opening.Opening`), beside Textual's own start-up:
everything that needs the models or the rules is imported there or in the
action that needs it. The main screen, as it is composed, waits for that board
a little (`FIRST_BOARD_WAIT_S`) so its first frame shows the loops; a file that
takes longer gets a frame saying it is opening, and the board when it comes.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import Reactive
from textual.theme import Theme

from planner import clock
from planner.text import visible
from storage.errors import StorageError
from storage.keymap_file import KeymapError, read_keymap
from storage.remembered import Remembered, load_remembered, save_remembered
from tui.commands import LoopdeckCommands
from tui.opening import Opening
from tui.ordered_keys import OrderedKeysApp
from tui.screens.main import MainScreen
from tui.theme import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from planner.changes.base import Patch
    from storage.repository import Repository
    from tui.screens.conflicts_view import Take
    from tui.screens.prep_view import PrepScreen
    from tui.session import Board, Session

T = TypeVar("T")

FIRST_BOARD_WAIT_S = 0.3
"""How long the main screen, as it is composed, waits for the first board before it draws
a frame without it. The board in the first frame saves the frame it would replace and a
second layout and paint of the whole screen (30 paired starts: busy file -30 ms, archive
-70 ms); a file that opens slower than this shows "Opening the file…" first."""
WATCH_INTERVAL_S = 0.5
"""How often the data file is checked for changes made elsewhere (another window, git pull)."""
DRIVER_CHECK_AFTER_S = 0.05
"""How long the merge driver check waits before it runs git. It starts once the first
board is shown, when the screen is next idle, which can come just before the board's
frame (the footer rebuilds within that step): git beside that frame slowed it by some
30 ms."""
GC_THRESHOLDS = (2000, 10, 1000)
"""The collector's thresholds once the file is open (Python's are 700, 10, 10). A frame
allocates some 5,000 objects (Textual gives every rendered line seven small caches):
at 700 a scrolling key ran about seven young collections, and every fifteen keys or
so a full one walked every object made since the file was opened, a stall of 20 to
200 ms. A full collection now comes after a thousand of the middle generation's."""


class LoopdeckApp(OrderedKeysApp):
    """One data file, opened through a `Repository` (tests pass one on a temp file)."""

    CSS_PATH = "app.tcss"
    TITLE = "loopdeck"
    COMMANDS = App.COMMANDS | {LoopdeckCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (typed by App)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark,f1", "help", "Help", tooltip="Keys and quick-add grammar", id="help"
        ),
        Binding("q", "quit", "Quit", tooltip="Leave loopdeck (everything is saved)", id="quit"),
    ]

    @dataclass
    class BoardReady(Message):
        """A worker computed a fresh board; `note` is what to tell the user, if anything."""

        board: Board
        note: str = ""
        select: str | None = None
        """The loop to put the cursor on, if it is still listed."""
        first: bool = False
        """The first board since the app started: the watcher and driver check follow."""
        focus: str | None = None
        """The record a change was about, for a pane's item cursor to stay on."""

    @dataclass
    class WriteFailed(Message):
        """A write or undo was refused; `reason` is the storage's one sentence."""

        reason: str

    theme: Reactive[str] = Reactive(DEFAULT_THEME)
    """Ours from the start: the style sheet is parsed once, with its colours, not re-parsed."""

    _ours_registered = False
    """Set once `__init__` has registered our themes with Textual."""

    @property
    def available_themes(self) -> dict[str, Theme]:
        """Textual's themes and ours, known before `__init__` can register them.

        Textual asks for this on every styled line (about 140 times a key), so once
        ours are registered it is Textual's own dict, not a second one merged in.
        """
        if self._ours_registered:
            return super().available_themes
        return {**super().available_themes, **{theme.name: theme for theme in THEMES}}

    def __init__(
        self,
        source: Repository | Path,
        today: dt.date | None = None,
        *,
        theme: str | None = None,
        watch_interval: float | None = WATCH_INTERVAL_S,
        closed_later: bool | None = None,
    ) -> None:
        """`closed_later`: read closed loops' people and log on first need only (None: on
        a large file, `tui.session.CLOSED_LATER_BYTES`)."""
        super().__init__()
        self.today = today or clock.today()
        self.session: Session | None = None
        """Set once the file is open: at once for a `Repository`, by `_open` for a path."""
        self._opening: Opening[Board] | None = None
        """The first board, computed in a thread from the moment the app runs (`on_load`)."""
        self._first_wait_s = FIRST_BOARD_WAIT_S
        """How long the next `first_board_ready` waits: only the first waits at all."""
        self._path: Path | None = None
        self._closed_later = closed_later
        if isinstance(source, Path):
            self._path = source
        else:
            from tui.session import Session

            self.session = Session(source, self.today, closed_later)
        self.board: Board | None = None
        """The latest board a worker computed; None while the file is opening."""
        self.main: MainScreen
        """The main screen, under every other one (made when the app starts)."""
        self._watch_interval = watch_interval
        for known in THEMES:
            self.register_theme(known)
        self._ours_registered = True
        self._remembered = load_remembered()
        """The theme and loop of the last run (the user's config folder); kept up to date."""
        if theme is None and self._remembered.theme in self.available_themes:
            theme = self._remembered.theme
        if theme is not None and theme != DEFAULT_THEME:
            self.theme = theme
        self._keymap_problem: str | None = None
        """Why the user's keymap file was not used: said once the app is on screen."""
        try:
            self._user_keymap = read_keymap()
        except KeymapError as error:
            self._keymap_problem = str(error)
            self._user_keymap = {}
        if self._user_keymap:
            self.set_keymap(self._user_keymap)

    def get_default_screen(self) -> MainScreen:
        """The main screen, with the breakpoint class of the terminal's width already.

        Textual sets that class on the screen's first resize, after the screen is
        mounted: a class that changes then styles every widget of the screen again.
        Found already there, it changes nothing.
        """
        width = self.size.width
        _, breakpoint = max(
            (least, name) for least, name in self.HORIZONTAL_BREAKPOINTS if width >= least
        )
        self.main = MainScreen(classes=breakpoint)
        return self.main

    def on_load(self) -> None:
        """Start opening the file before Textual builds its driver and the main screen."""
        self._opening = Opening(self._open, name="open-file")

    def _open(self) -> Board:
        """Open the file (on a path) and compute the first board; runs in `_opening`'s thread."""
        if self.session is None:
            assert self._path is not None
            from storage.repository import Repository
            from tui.session import Session

            # The model cache is refreshed on the way out (`run_app`), not before the
            # first paint.
            repository = Repository.open(self._path, save_cache=False)
            self.session = Session(repository, self.today, self._closed_later)
        # The panes' modules import the models: import them here, off the UI thread.
        from tui.widgets import contact_cards, timeline_pane  # noqa: F401

        return self.session.board()

    def first_board_ready(self) -> bool:
        """Whether the first board is there: the first ask waits up to `FIRST_BOARD_WAIT_S`
        for it (the main screen's compose), later ones do not wait."""
        assert self._opening is not None, "the app opens its file once it runs"
        wait, self._first_wait_s = self._first_wait_s, 0.0
        return self._opening.wait(wait) and self._opening.succeeded

    def show_first_board(self) -> bool:
        """Show the first board now if it is ready (`first_board_ready`); whether it was.

        Otherwise a worker hands it over when it is (and reports a file that failed to open).
        """
        assert self._opening is not None
        if self.first_board_ready():
            select = self._remembered.loop
            self._show_board(self.BoardReady(self._opening.result(), first=True, select=select))
            return True
        self.open_file()
        return False

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda _theme: self.remember())
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="error", timeout=10)

    def on_unmount(self) -> None:
        self.remember()

    def remember(self) -> None:
        """Keep the theme and the selected loop for the next start, when they changed."""
        loop = self.main.selected_id if self.board is not None else self._remembered.loop
        state = Remembered(theme=self.theme, loop=loop)
        if state != self._remembered:
            save_remembered(state)
            self._remembered = state

    def _loaded(self) -> None:
        """The board is on screen: now the driver check and the disk watcher may start."""
        # The models, the board and the table rows live until the next load: out of the
        # collector's sight, a full collection no longer walks them between two keys.
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
        gc.enable()  # see run_app
        self._check_driver()
        self._check_keymap()
        if self._watch_interval:
            self.set_interval(self._watch_interval, self._check_disk)

    def _check_keymap(self) -> None:
        """A keymap id that no key has would rebind nothing: say which, once.

        Without a keymap file there is nothing to check, and the screens' modules
        that name every id stay unimported until their keys are pressed.
        """
        if not self._user_keymap:
            return
        from tui.user_keymap import unknown_ids

        if unknown := unknown_ids(self._user_keymap):
            names = ", ".join(unknown)
            self.notify(
                f"keymap.toml: no key has the id {names} (help lists the ids); the rest apply",
                severity="warning",
                timeout=10,
            )

    def session_now(self) -> Session:
        """The open file's session; only keys that wait for the board (or their workers) ask."""
        assert self.session is not None, "the file is not open yet"
        return self.session

    # Workers: every session call happens off the UI thread and reports back by message.

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def open_file(self) -> None:
        """Wait for the first board in a worker, for a file slower to open than the first frame."""
        assert self._opening is not None
        try:
            board = self._opening.result()
        except Exception as error:  # a bad file opens read-only: this is a bug, say so
            self.post_message(self.WriteFailed(f"Could not open the file: {error}"))
            raise
        self.post_message(self.BoardReady(board, first=True, select=self._remembered.loop))

    @work(thread=True, exclusive=True, group="closed", exit_on_error=False)
    def read_closed(self) -> None:
        """The board with closed loops whole, for the keys that wait for it
        (`MainScreen.with_closed`); on a large file it reads them from the file."""
        try:
            board = self.session_now().with_closed()
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        self.post_message(self.BoardReady(board, select=self.main.selected_id))

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _check_disk(self) -> None:
        board = self.session_now().refresh()
        if board is not None:
            note = "Reloaded: the file changed on disk."
            self.post_message(self.BoardReady(board, note=note, select=self.main.selected_id))

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def apply(self, patch: Patch, select: str | None) -> None:
        """Write a change's patch as one undo step, then show the board with `select` chosen."""
        try:
            board = self.session_now().apply(patch)
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        notices = self.session_now().take_notices()
        note = "\n".join([f"Saved: {patch.summary}", *patch.notes, *notices])
        self.post_message(self.BoardReady(board, note=note, select=select, focus=patch.focus))

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def undo(self) -> None:
        try:
            label, board = self.session_now().undo()
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        note = f"Undone: {label}." if label else "Nothing to undo."
        self.post_message(self.BoardReady(board, note=note, select=self.main.selected_id))

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def sync(self) -> None:
        try:
            lines, board = self.session_now().sync()
        except StorageError as error:
            self.call_from_thread(self.main.sync_status, "sync failed")
            self.post_message(self.WriteFailed(f"Sync stopped: {error}"))
            return
        self.call_from_thread(self.main.sync_status, f"sync: {lines[-1]}" if lines else "synced")
        note = "\n".join(lines)
        self.post_message(self.BoardReady(board, note=note, select=self.main.selected_id))

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def resolve(self, number: int, take: Take) -> None:
        try:
            conflict, board = self.session_now().resolve(number, take)
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        kept = "took the other value" if take == "other" else "kept the current value"
        note = f"Conflict on {conflict.loop} ({conflict.field}): {kept}."
        self.post_message(self.BoardReady(board, note=note, select=self.main.selected_id))

    @work(thread=True, group="read", exit_on_error=False)
    def read(self, query: Callable[[Session], T], deliver: Callable[[T], None]) -> None:
        """A read the board does not carry, which waits for the lock a sync may hold for
        seconds: `deliver` gets its result on the UI thread (a screen fills in)."""
        try:
            result = query(self.session_now())
        except StorageError as error:
            self.post_message(self.WriteFailed(str(error)))
            return
        self.call_from_thread(deliver, result)

    @work(thread=True, exclusive=True, group="driver", exit_on_error=False)
    def _check_driver(self) -> None:
        """A clone without the merge driver would let git merge the file line by line.

        It waits `DRIVER_CHECK_AFTER_S` first, in its thread: git then runs after the
        first board's frame rather than beside it.
        """
        time.sleep(DRIVER_CHECK_AFTER_S)
        if fixed := self.session_now().ensure_driver():
            note = "Installed the merge driver (" + ", ".join(fixed) + ")"
            self.call_from_thread(self.notify, note, timeout=5)

    @on(BoardReady)
    def _show_board(self, message: BoardReady) -> None:
        self.board = message.board
        self.main.show_board(message.board, message.select, message.first, message.focus)
        self._reload_views(message.board)
        if message.note:
            self.notify(message.note, timeout=3)
        if message.first:  # once the screen is idle: the driver check runs git, in a thread
            self.call_after_refresh(self._loaded)

    def _reload_views(self, board: Board) -> None:
        """The views over the main screen that show the board follow it."""
        if len(self.screen_stack) < 2:
            return  # the main screen alone: no view to import, let alone reload
        from tui.screens.next_steps import NextStepsScreen
        from tui.screens.prep_view import PrepScreen

        for screen in self.screen_stack:
            if isinstance(screen, PrepScreen):
                screen.reload()  # it shows records the board does not carry
            if isinstance(screen, NextStepsScreen):
                rows = [row for row in board.rows if not row.closed]
                self.call_later(screen.reload, rows)

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        """Every notification shows control characters from the data as escapes."""
        super().notify(visible(message, keep="\n"), title=visible(title), **options)

    def on_prep_screen_save(self, message: PrepScreen.Save) -> None:
        self.main.applier(message.process_id)(message.patch)

    def on_prep_screen_undo(self) -> None:
        self.main.action_undo()

    @on(WriteFailed)
    def _report_failure(self, message: WriteFailed) -> None:
        self.notify(message.reason, severity="error", timeout=8)

    def action_help(self) -> None:
        """Every key as the footer shows it: the main screen's, its panes', the prep view's."""
        from tui.screens.help import HelpScreen, key_sections

        self.push_screen(HelpScreen(key_sections(self)))


def run_app(path: Path, today: dt.date) -> int:
    """Open the data file at `path` full-screen; the exit status for the command line.

    Everything imported so far lives as long as the process: `gc.freeze()` takes
    it out of the collector's sight, or a full collection walks all of it in the
    middle of the first frame (about 30 ms). The collector, off while the app
    was imported, comes back on once the file is open (`_loaded`).
    """
    gc.freeze()
    app = LoopdeckApp(path, today)
    app.run()
    if app.session is not None:
        app.session.save_cache()  # after the screen is restored: the next start skips parsing
    return 0
