"""The undo journal: `<name>.undo.json` beside the data file, local to this machine.

It lives in a file, not in memory, because the command line runs each command
in a new process: `loopdeck undo` must see what `loopdeck add` just did. It is
not synced (undo means "what I just did here") and keeps the last
`JOURNAL_SIZE` transactions: each a label and the previous values of the
fields and records it changed.

Undo is compare-and-set (see `transaction.inverse`): each note keeps the
stamps the change wrote, so a field that someone wrote since, here or on
another machine, keeps its newer value; `Undone` says which fields those were.

It also keeps the fingerprint and change time of this machine's last write
of the data file: while the file still has them, the bytes are exactly what
we encoded, so the next open can skip the duplicate-key check (see
`jsonfile.decode`) and read the file a record at a time (`storage.canonical`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage import jsonfile
from storage.errors import DataFileError
from storage.jsonfile import Fingerprint, Written

JOURNAL_SIZE = 50


def journal_path(data_path: Path) -> Path:
    return data_path.with_name(f"{data_path.stem}.undo.json")


@dataclass
class Undone:
    """What `Repository.undo` did: the change it took back, and the newer values it kept."""

    label: str
    kept: list[str] = field(default_factory=list)
    """One phrase per field left alone because someone wrote it since, saying who."""
    reverted: bool = True
    """False when every value the change wrote had moved on: nothing was written."""

    def lines(self) -> list[str]:
        """For people: what was undone, then each value kept and why."""
        head = f"Undid: {self.label}" if self.reverted else f"Undid nothing of: {self.label}"
        return [head, *(f"Kept the newer {phrase}" for phrase in self.kept)]

    def summary(self) -> str:
        """The same on one line, for a notification."""
        if not self.kept:
            return self.label
        verb = "kept the newer" if self.reverted else "nothing undone, kept the newer"
        return f"{self.label} ({verb} {'; '.join(self.kept)})"


class UndoJournal:
    """Read and rewrite the journal; callers hold the data file's lock."""

    def __init__(self, data_path: Path) -> None:
        self.data_path = data_path
        self.path = journal_path(data_path)

    def entries(self) -> list[dict[str, Any]]:
        """The journal, oldest first; a missing or damaged journal counts as empty history."""
        entries = self._read().get("entries")
        if not isinstance(entries, list):
            return []
        return [e for e in entries if isinstance(e, dict) and _well_formed(e)]

    def written(self) -> Written | None:
        """The data file as this machine last wrote it (fingerprint and change time), if known."""
        journal = self._read()
        numbers = journal.get("written")
        if not (isinstance(numbers, list) and len(numbers) == 4):
            return None
        if not all(type(n) is int for n in numbers):
            return None
        layout = journal.get("layout")
        if layout is None and "layout" in journal:
            return Written(Fingerprint(*numbers[:3]), numbers[3], None)
        tables = (
            tuple((name, end) for name, end in layout)
            if isinstance(layout, list)
            and all(
                isinstance(t, list) and len(t) == 2 and type(t[0]) is str and type(t[1]) is int
                for t in layout
            )
            else ()
        )
        return Written(Fingerprint(*numbers[:3]), numbers[3], tables)

    def push(self, label: str, notes: list[dict[str, Any]], written: Written | None) -> None:
        kept = [*self.entries(), {"label": label, "changes": notes}][-JOURNAL_SIZE:]
        self._save(kept, written)

    def rewrite(self, entries: list[dict[str, Any]], written: Written | None) -> None:
        """Keep only `entries` (undo drops the last one and renews stamps in the others)."""
        self._save(entries, written)

    def _read(self) -> dict[str, Any]:
        try:
            return jsonfile.read_strict(self.path)[0]
        except (OSError, DataFileError):
            return {}

    def _save(self, entries: list[dict[str, Any]], written: Written | None) -> None:
        document: dict[str, Any] = {"entries": entries}
        if written is not None:
            stamp = written.fingerprint
            document["written"] = [stamp.inode, stamp.size, stamp.mtime_ns, written.changed_ns]
            if written.layout is None:
                document["layout"] = None
            elif written.layout:
                document["layout"] = [list(table) for table in written.layout]
        # Not fsynced: losing the last undo step to a power cut is acceptable,
        # two more fsyncs on every save are not. It holds the data's old values:
        # no more readable than the data file.
        mode = jsonfile.side_file_mode(self.data_path)
        jsonfile.write_atomic(self.path, document, durable=False, mode=mode)


def _well_formed(entry: dict[str, Any]) -> bool:
    """A usable entry; one without the stamps undo compares against is skipped, not guessed."""
    keys = {
        "table",
        "id",
        "was_new",
        "before",
        "before_stamps",
        "after",
        "deleted_here",
        "restored_here",
    }
    changes = entry.get("changes")
    return (
        isinstance(entry.get("label"), str)
        and isinstance(changes, list)
        and all(isinstance(c, dict) and keys <= c.keys() for c in changes)
    )
