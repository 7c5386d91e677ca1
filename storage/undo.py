"""The undo journal: `<name>.undo.json` beside the data file, local to this machine.

It lives in a file, not in memory, because the command line runs each command
in a new process: `loopdeck undo` must see what `loopdeck add` just did. It is
not synced (undo means "what I just did here") and keeps the last
`JOURNAL_SIZE` transactions: each a label and the previous values of the
fields and records it changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storage import jsonfile
from storage.errors import DataFileError

JOURNAL_SIZE = 50


def journal_path(data_path: Path) -> Path:
    return data_path.with_name(f"{data_path.stem}.undo.json")


class UndoJournal:
    """Read and rewrite the journal; callers hold the data file's lock."""

    def __init__(self, data_path: Path) -> None:
        self.path = journal_path(data_path)

    def entries(self) -> list[dict[str, Any]]:
        """The journal, oldest first; a missing or damaged journal counts as empty history."""
        try:
            document, _ = jsonfile.read_strict(self.path)
        except (OSError, DataFileError):
            return []
        entries = document.get("entries")
        if not isinstance(entries, list):
            return []
        return [e for e in entries if isinstance(e, dict) and _well_formed(e)]

    def push(self, label: str, notes: list[dict[str, Any]]) -> None:
        kept = [*self.entries(), {"label": label, "changes": notes}][-JOURNAL_SIZE:]
        self._save(kept)

    def pop(self) -> None:
        self._save(self.entries()[:-1])

    def _save(self, entries: list[dict[str, Any]]) -> None:
        # Not fsynced: losing the last undo step to a power cut is acceptable,
        # two more fsyncs on every save are not.
        jsonfile.write_atomic(self.path, {"entries": entries}, durable=False)


def _well_formed(entry: dict[str, Any]) -> bool:
    keys = {"table", "id", "was_new", "before", "deleted_here", "restored_here"}
    changes = entry.get("changes")
    return (
        isinstance(entry.get("label"), str)
        and isinstance(changes, list)
        and all(isinstance(c, dict) and keys <= c.keys() for c in changes)
    )
