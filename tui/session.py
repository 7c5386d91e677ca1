"""The app's handle on the repository, safe to call from worker threads.

Writes, undo and the file watcher run in threads so the screen never freezes;
the repository itself is not thread-safe, so one lock serialises them. Each
call answers with a fresh `Board` so the UI thread only has to draw it.
Git (sync, the driver check) and kept conflicts are imported by the calls
that need them: opening the file waits for none of them.

On a large file the boards leave closed loops' people and log out until
something asks for them (`with_closed`): in an archive of years of searches
they are most of the file, and the main screen hides closed loops.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from planner.models import Settings
from planner.offers import Offer
from storage.errors import StorageError
from storage.repository import Repository
from tui.board import BoardRow, build_board, summarize
from tui.views import Summary

if TYPE_CHECKING:
    from planner.changes.base import Patch
    from storage.conflicts import KeptConflict, Take

T = TypeVar("T")

CLOSED_LATER_BYTES = 256 * 1024
"""From this file size on, closed loops' people and log are read on first need only
(below it they cost next to nothing, as the model cache counts it too)."""


@dataclass(frozen=True)
class Board:
    """Everything the main screen draws, computed off the UI thread."""

    rows: list[BoardRow]
    summary: Summary
    settings: Settings
    read_only: str | None
    undo_label: str | None
    offers: list[Offer]
    """Every offer in the file: the offers view, the offer form and `T` read them from here."""
    index: dict[str, BoardRow]
    """Rows by process id: a cursor move looks its loop up without a scan."""
    closed_whole: bool = True
    """Closed rows carry their loops whole. False: only their process and rounds (what
    the stage, the pace and the offers read), so nothing may show a closed loop's
    people or log, filter on them or count them until `Session.with_closed`."""

    def row(self, process_id: str | None) -> BoardRow | None:
        return self.index.get(process_id) if process_id is not None else None


class Session:
    """Serialises repository calls and turns their results into boards."""

    def __init__(
        self, repository: Repository, today: dt.date, closed_later: bool | None = None
    ) -> None:
        """`closed_later`: leave closed loops' people and log out of the boards until
        `with_closed` (None: on a file of `CLOSED_LATER_BYTES` or more)."""
        self.repository = repository
        self.today = today
        self._lock = threading.Lock()
        if closed_later is None:
            version = repository.version
            closed_later = version is not None and version[1] >= CLOSED_LATER_BYTES
        self._closed_whole = not closed_later

    def board(self) -> Board:
        with self._lock:
            return self._board()

    def with_closed(self) -> Board:
        """The board with closed loops whole, and every board after it (it may read the
        file: call it from a worker)."""
        with self._lock:
            self._closed_whole = True
            return self._board()

    def read(self, query: Callable[[Repository], T]) -> T:
        """A read the board does not carry (prep), under the same lock as writes: call it
        from a worker, since a sync holds that lock for as long as git takes."""
        with self._lock:
            return query(self.repository)

    def apply(self, patch: Patch) -> Board:
        """Write a change's records field by field as one transaction (one undo step);
        raises StorageError."""
        with self._lock:
            self.repository.apply(patch)
            return self._board()

    def take_notices(self) -> list[str]:
        """What the last writes had to say though they succeeded (no undo step), once."""
        with self._lock:
            notices, self.repository.notices = self.repository.notices, []
            return notices

    def undo(self) -> tuple[str | None, Board]:
        """Undo the latest transaction; what was undone (None: nothing) and the board.

        What was undone is its label, with the newer values undo kept, if any.
        """
        with self._lock:
            undone = self.repository.undo()
            return (undone.summary() if undone else None), self._board()

    def refresh(self) -> Board | None:
        """A new board if the file changed on disk since we read it, else None."""
        with self._lock:
            if not self.repository.reload_if_changed():
                return None
            return self._board()

    def sync(self) -> tuple[list[str], Board]:
        """Commit, pull and push through git, then reload; raises StorageError (SyncError).

        Held under the session lock so no write of ours lands between git's pull
        and our reload; git's own lock on the data file keeps other instances out.
        """
        from storage import gitsync

        with self._lock:
            result = gitsync.sync(self.repository.path)
            self.repository.reload_if_changed()
            return result.summary(), self._board()

    def save_cache(self) -> None:
        """Refresh the model cache for the next start (see `Repository.save_cache`)."""
        with self._lock:
            self.repository.save_cache()

    def ensure_driver(self) -> list[str]:
        """Install or repair the merge driver when the data file is in a git work tree.

        What had to be fixed, for a notification; nothing when all was in place or the
        file is not in git. A machine without git has nothing to repair either.
        """
        from storage import gitdriver

        with self._lock:
            try:
                if gitdriver.driver_status(self.repository.path) is None:
                    return []
                return gitdriver.ensure_driver(self.repository.path)
            except (StorageError, OSError):
                return []

    def conflicts(self) -> list[KeptConflict]:
        from storage import conflicts

        with self._lock:
            try:
                return conflicts.read_conflicts(self.repository)
            except (StorageError, OSError):
                return []  # a damaged file opens read-only; its banner already says why

    def resolve(self, number: int, take: Take) -> tuple[KeptConflict, Board]:
        """Resolve one kept conflict as an undoable write; raises StorageError."""
        from storage import conflicts

        with self._lock:
            conflict = conflicts.resolve_conflict(self.repository, number, take)
            return conflict, self._board()

    def _board(self) -> Board:
        repo = self.repository
        settings = repo.settings()
        offers = repo.records(Offer)
        # Open loops whole either way; closed ones with their rounds at least (the pace).
        loops = repo.loops(include_closed=True) if self._closed_whole else repo.loops_for_pace()
        rows = build_board(loops, self.today, settings, offers)
        counts = repo.conflict_counts()
        if counts:
            rows = [replace(row, conflicts=counts.get(row.process_id, 0)) for row in rows]
        board = Board(
            rows=rows,
            summary=summarize(rows, self.today),
            settings=settings,
            read_only=repo.read_only,
            undo_label=repo.undo_label(),
            offers=offers,
            index={row.process_id: row for row in rows},
            closed_whole=self._closed_whole,
        )
        return board
