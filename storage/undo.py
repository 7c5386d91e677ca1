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
And it keeps the steps that led there (`Step`): from which version each of
this machine's latest writes started and which records it wrote (for a small
write, the records themselves), so a model cache of an earlier version is
brought up to date with those records alone (`Repository._read_file`): read
from the journal, or a record at a time from the file, never the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from storage import jsonfile
from storage.errors import DataFileError
from storage.jsonfile import Fingerprint, Written

JOURNAL_SIZE = 50
STEPS_KEPT = 20
"""Writes in a row that a model cache of the version before them can catch up with."""
STEP_RECORDS = 500
"""A write of more records than this leaves no step: parsing the file costs less."""
STEP_RECORDS_KEPT = 50
"""A step of at most this many records keeps the records themselves, so that a catch-up
reads nothing of the data file (a `log` writes one or two); a larger one keeps their ids."""


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


@dataclass
class Step:
    """One write of this machine: the version it was applied to, the one it wrote, and the
    records it wrote (table -> ids); every other record of `written` is as in `base`."""

    base: Written
    written: Written
    touched: dict[str, list[str]]
    conflicts: dict[str, int]
    """How the write moved each loop's count of kept conflicts (`codec.conflict_changes`)."""
    records: dict[str, dict[str, Any]] | None = None
    """The records written (table -> id -> record as stored), for a write of at most
    `STEP_RECORDS_KEPT` of them; else None, and a catch-up reads them from the file."""

    @classmethod
    def of(
        cls, base: Written, written: Written, records: dict[str, Any], conflicts: dict[str, int]
    ) -> Step | None:
        """The step of a write of `records` (table -> id -> record); None if too big to be worth
        keeping."""
        touched = {table: list(ids) for table, ids in records.items()}
        count = sum(len(ids) for ids in touched.values())
        if count > STEP_RECORDS:
            return None
        kept = None
        if count <= STEP_RECORDS_KEPT:
            kept = {table: dict(rows) for table, rows in records.items()}
        return cls(base, written, touched, conflicts, kept)

    def stored(self) -> dict[str, Any]:
        stored = {
            "base": _numbers(self.base),
            "written": _numbers(self.written),
            "touched": self.touched,
            "conflicts": self.conflicts,
        }
        if self.records is not None:
            stored["records"] = self.records
        return stored

    @classmethod
    def read(cls, stored: Any) -> Step | None:
        """A step as `stored` wrote it, or None if it is anything else."""
        if not isinstance(stored, dict):
            return None
        base, written = _version(stored.get("base")), _version(stored.get("written"))
        touched = stored.get("touched")
        if base is None or written is None or not isinstance(touched, dict):
            return None
        for table, ids in touched.items():
            if not (type(table) is str and isinstance(ids, list)):
                return None
            if not all(type(record_id) is str for record_id in ids):
                return None
        conflicts = stored.get("conflicts")
        if not isinstance(conflicts, dict):
            return None
        if not all(type(k) is str and type(v) is int for k, v in conflicts.items()):
            return None
        return cls(base, written, touched, conflicts, _records(stored.get("records"), touched))


class UndoJournal:
    """Read and rewrite the journal; callers hold the data file's lock."""

    def __init__(self, data_path: Path) -> None:
        self.data_path = data_path
        self.path = journal_path(data_path)

    def entries(self) -> list[dict[str, Any]]:
        """The journal, oldest first; a missing or damaged journal counts as empty history."""
        return _entries(self._read())

    def written(self) -> Written | None:
        """The data file as this machine last wrote it (fingerprint and change time), if known."""
        return _written(self._read())

    def steps(self) -> list[Step]:
        """This machine's latest writes in a row, oldest first, each applied to the version
        the one before it wrote; the last wrote `written()`. Empty when unknown."""
        return _steps(self._read())

    def last_writes(self) -> tuple[Written | None, list[Step]]:
        """`written()` and `steps()` from one read of the journal (an open asks both)."""
        journal = self._read()
        return _written(journal), _steps(journal)

    def push(
        self,
        label: str,
        notes: list[dict[str, Any]],
        written: Written | None,
        step: Step | None = None,
    ) -> None:
        journal = self._read()
        kept = [*_entries(journal), {"label": label, "changes": notes}][-JOURNAL_SIZE:]
        self._save(kept, written, _steps_after(journal, written, step))

    def rewrite(
        self, entries: list[dict[str, Any]], written: Written | None, step: Step | None = None
    ) -> None:
        """Keep only `entries` (undo drops the last one and renews stamps in the others).

        `step`: the write undo made, if it made one (the steps before are kept only then).
        """
        self._save(entries, written, _steps_after(self._read(), written, step))

    def _read(self) -> dict[str, Any]:
        try:
            return jsonfile.read_strict(self.path)[0]
        except (OSError, DataFileError):
            return {}

    def _save(
        self, entries: list[dict[str, Any]], written: Written | None, steps: list[Step]
    ) -> None:
        document: dict[str, Any] = {"entries": entries}
        if written is not None:
            document["written"] = _numbers(written)
            if steps:
                document["steps"] = [step.stored() for step in steps]
            if written.layout is None:
                document["layout"] = None
            elif written.layout:
                document["layout"] = [list(table) for table in written.layout]
        # Not fsynced: losing the last undo step to a power cut is acceptable,
        # two more fsyncs on every save are not. It holds the data's old values:
        # no more readable than the data file.
        mode = jsonfile.side_file_mode(self.data_path)
        jsonfile.write_atomic(self.path, document, durable=False, mode=mode)


def _entries(journal: dict[str, Any]) -> list[dict[str, Any]]:
    entries = journal.get("entries")
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and _well_formed(e)]


def _written(journal: dict[str, Any]) -> Written | None:
    found = _version(journal.get("written"))
    if found is None:
        return None
    layout = journal.get("layout")
    if layout is None and "layout" in journal:
        return replace(found, layout=None)
    tables = (
        tuple((name, end) for name, end in layout)
        if isinstance(layout, list)
        and all(
            isinstance(t, list) and len(t) == 2 and type(t[0]) is str and type(t[1]) is int
            for t in layout
        )
        else ()
    )
    return replace(found, layout=tables)


def _steps(journal: dict[str, Any]) -> list[Step]:
    """The journal's steps if they chain, one to the next, up to its `written`; else none."""
    stored = journal.get("steps")
    steps = [Step.read(step) for step in stored] if isinstance(stored, list) else []
    chained = [step for step in steps if step is not None]
    if len(chained) != len(steps) or not chained:
        return []
    if chained[-1].written != _version(journal.get("written")):
        return []
    for before, after in pairwise(chained):
        if before.written != after.base:
            return []
    return chained


def _steps_after(journal: dict[str, Any], written: Written | None, step: Step | None) -> list[Step]:
    """The steps to keep once the journal says `written`, `step` being the write that made it
    (None: no write, or one that leaves no step)."""
    if written is None:
        return []
    steps = _steps(journal)
    if step is None:  # nothing written since: the steps still lead to `written`
        return steps if steps and steps[-1].written == written else []
    if step.written != written:
        return []
    if not steps or steps[-1].written != step.base:
        steps = []  # another writer came between: a chain from `step.base` on
    return [*steps, step][-STEPS_KEPT:]


def _records(stored: Any, touched: dict[str, list[str]]) -> dict[str, dict[str, Any]] | None:
    """A step's records as `Step.stored` wrote them: exactly the ids it touched, each a
    record, in the order written (the journal's keys come back sorted); anything else is
    no records (the catch-up reads them from the file)."""
    if not isinstance(stored, dict) or stored.keys() != touched.keys():
        return None
    records: dict[str, dict[str, Any]] = {}
    for table, ids in touched.items():
        rows = stored[table]
        if not isinstance(rows, dict) or rows.keys() != set(ids):
            return None
        if not all(type(row) is dict for row in rows.values()):
            return None
        records[table] = {record_id: rows[record_id] for record_id in ids}
    return records


def _numbers(version: Written) -> list[int]:
    stamp = version.fingerprint
    return [stamp.inode, stamp.size, stamp.mtime_ns, version.changed_ns]


def _version(numbers: Any) -> Written | None:
    """A version as `_numbers` stored it, or None."""
    if not (isinstance(numbers, list) and len(numbers) == 4):
        return None
    if not all(type(n) is int for n in numbers):
        return None
    return Written(Fingerprint(*numbers[:3]), numbers[3])


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
