"""The app's handle on the repository, safe to call from worker threads.

Writes, undo and the file watcher run in threads so the screen never freezes;
the repository itself is not thread-safe, so one lock serialises them. Each
call answers with a fresh `Board` so the UI thread only has to draw it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from planner.models import Record, Settings
from planner.offers import Offer
from storage.repository import Repository
from tui.board import BoardRow, Summary, build_board, summarize

T = TypeVar("T")


@dataclass(frozen=True)
class Board:
    """Everything the main screen draws, computed off the UI thread."""

    rows: list[BoardRow]
    summary: Summary
    settings: Settings
    read_only: str | None
    undo_label: str | None
    index: dict[str, BoardRow]
    """Rows by process id: a cursor move looks its loop up without a scan."""

    def row(self, process_id: str | None) -> BoardRow | None:
        return self.index.get(process_id) if process_id is not None else None


class Session:
    """Serialises repository calls and turns their results into boards."""

    def __init__(self, repository: Repository, today: dt.date) -> None:
        self.repository = repository
        self.today = today
        self._lock = threading.Lock()

    def board(self) -> Board:
        with self._lock:
            return self._board()

    def read(self, query: Callable[[Repository], T]) -> T:
        """A read the board does not carry (offers, prep), under the same lock as writes."""
        with self._lock:
            return query(self.repository)

    def write(self, label: str, records: Sequence[Record]) -> Board:
        """Store `records` as one transaction (one undo step); raises StorageError."""
        with self._lock:
            with self.repository.transaction(label) as tx:
                for record in records:
                    tx.put(record)
            return self._board()

    def undo(self) -> tuple[str | None, Board]:
        """Undo the latest transaction; its label (None when there was nothing) and the board."""
        with self._lock:
            label = self.repository.undo()
            return label, self._board()

    def refresh(self) -> Board | None:
        """A new board if the file changed on disk since we read it, else None."""
        with self._lock:
            if not self.repository.reload_if_changed():
                return None
            return self._board()

    def _board(self) -> Board:
        repo = self.repository
        settings = repo.settings()
        rows = build_board(
            repo.loops(include_closed=True), self.today, settings, repo.records(Offer)
        )
        return Board(
            rows=rows,
            summary=summarize(rows, self.today),
            settings=settings,
            read_only=repo.read_only,
            undo_label=repo.undo_label(),
            index={row.process_id: row for row in rows},
        )
