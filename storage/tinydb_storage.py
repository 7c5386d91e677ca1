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

        The table is copied once, in C: TinyDB's own update converts every id
        of the table on the way in and again on the way out, which on the log
        of an archive costs a tenth of a second per write.
        """
        document = self.storage.read() or {}
        document[self.name] = {**(document.get(self.name) or {}), **records}
        self.storage.write(document)
        self.clear_cache()


class FileStorage(Storage):
    """The whole document in memory between `load()` and `flush()` (see the module doc).

    The document may be parsed lazily: `defer` keeps the bytes of the file and
    parses them on first use, so a run that found its models in the cache
    (`storage.modelcache`) and only reads never pays for the parse.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._document: dict[str, Any] = {}
        self._raw: bytes | None = None
        self._canonical = False
        self.fingerprint: Fingerprint | None = None

    @property
    def document(self) -> dict[str, Any]:
        """The parsed file; raises `DataFileError` if deferred bytes turn out bad."""
        if self._raw is not None:
            raw, self._raw = self._raw, None
            self._document = jsonfile.decode(raw, self.path.name, canonical=self._canonical)
        return self._document

    @document.setter
    def document(self, value: dict[str, Any]) -> None:
        self._raw = None
        self._document = value

    @property
    def ours(self) -> bool:
        """Whether the bytes held are those of this machine's last write, unchanged since."""
        return self._canonical

    @property
    def parsed(self) -> bool:
        """Whether the document is in memory (False while deferred bytes wait to be parsed)."""
        return self._raw is None

    def defer(self, raw: bytes, stamp: Fingerprint, ours: Fingerprint | None) -> None:
        """Hold the file's bytes, read at `stamp`, to parse on first use of `document`.

        `ours`: the fingerprint of this machine's last write (see `jsonfile.read_strict`).
        """
        self._raw = raw  # the previous document stays if these bytes fail to parse
        self._canonical = stamp == ours
        self.fingerprint = stamp

    def forget(self) -> None:
        """No file: an empty document (the first write creates it)."""
        self.document, self.fingerprint = {}, None

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
