"""TinyDB over the data file, without the two stock parts that lose data.

TinyDB's `JSONStorage` writes in place through a handle kept open (a crash
mid-write corrupts the file; a write after `git pull` lands on the old,
unlinked inode) and its integer ids collide when two clones insert. Here the
storage reads by path and writes through `jsonfile.write_atomic`, and tables
use random string ids.

TinyDB calls `read()`/`write()` around every single table operation; mapping
each call to a file write would turn one user action into several
non-atomic writes. So `read()`/`write()` work on the document loaded by
`load()`, and `flush()` writes it once: one transaction, one atomic write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from planner.models import new_id
from storage import jsonfile
from storage.jsonfile import Fingerprint


class StringIdTable(Table):
    """A table whose ids are random hex strings, so two clones never hand out the same id."""

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> str:
        return new_id()

    def put_many(self, records: dict[str, dict[str, Any]]) -> None:
        """Store records by id in one table update, replacing (never mutating) old ones.

        One update per table and transaction: TinyDB rebuilds the whole table
        dict on every update, which adds up on a large file.
        """

        def replace(table: dict[str, Any]) -> None:
            table.update(records)

        self._update_table(replace)  # type: ignore[arg-type]


class FileStorage(Storage):
    """The whole document in memory between `load()` and `flush()` (see the module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.document: dict[str, Any] = {}
        self.fingerprint: Fingerprint | None = None

    def load(self, ours: Fingerprint | None = None) -> bool:
        """Read the file strictly (raises `DataFileError`); False when it does not exist.

        `ours`: the fingerprint of this machine's last write (see `jsonfile.read_strict`).
        """
        try:
            self.document, self.fingerprint = jsonfile.read_strict(self.path, ours)
        except (FileNotFoundError, NotADirectoryError):
            self.document, self.fingerprint = {}, None
            return False
        return True

    def read(self) -> dict[str, Any]:
        return self.document

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.document = data

    def flush(self) -> None:
        """Write the document atomically and remember the fingerprint of what we wrote."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fingerprint = jsonfile.write_atomic(self.path, self.document)

    def changed_on_disk(self) -> bool:
        """Someone else (another window, `git pull`) replaced the file since we read it."""
        return jsonfile.fingerprint(self.path) != self.fingerprint


class LoopdeckDB(TinyDB):
    """TinyDB with string-id tables over a `FileStorage`."""

    table_class = StringIdTable

    def __init__(self, path: Path) -> None:
        super().__init__(path, storage=FileStorage)

    @property
    def file(self) -> FileStorage:
        storage = self.storage
        assert isinstance(storage, FileStorage)
        return storage

    def records(self, name: str) -> StringIdTable:
        table = self.table(name)
        assert isinstance(table, StringIdTable)
        return table
