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

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from planner.models import new_id
from storage import canonical, jsonfile
from storage.canonical import LazyTable, NotCanonical
from storage.errors import DataFileError
from storage.jsonfile import Fingerprint, Written


class StringIdTable(Table):
    """A table whose ids are random hex strings, so two clones never hand out the same id."""

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> str:
        return new_id()

    def put_many(self, records: dict[str, dict[str, Any]]) -> None:
        """Store records by id in one table update, replacing (never mutating) old ones.

        Not through TinyDB's own update, which converts every id of the table
        on the way in and again on the way out (a tenth of a second per write
        on the log of an archive), and would parse every record of a table
        still in the file's bytes (`storage.canonical`).
        """
        storage = self.storage
        assert isinstance(storage, FileStorage)
        storage.put_records(self.name, records)
        self.clear_cache()


class FileMoved(Exception):
    """The file on disk is no longer the version a released document was read from.

    The caller reloads the file whole (and validates it) rather than mix the
    models of one version with the records of another.
    """


class FileStorage(Storage):
    """The whole document in memory between `load()` and `flush()` (see the module doc).

    The document may be parsed lazily: `defer` keeps the bytes of the file and
    parses them on first use. Or it may not be held at all: `release` records
    only which version the models came from (a run that found them in the
    cache, `storage.modelcache`, never reads the bytes), and the first use of
    `document` reads the file again, provided it is still exactly that
    version (`FileMoved` otherwise). A large file's bytes then do not sit in
    memory for a write that a read-only run never makes.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._document: dict[str, Any] = {}
        self._raw: bytes | None = None
        self._canonical = False
        self._layout: canonical.Layout | None = None
        self._released: int | None = None
        """While released: the change time (ns) of the version, which any write to it moves."""
        self.fingerprint: Fingerprint | None = None
        self.written: Written | None = None
        """The version our last `flush` wrote, with its change time (None: unknown)."""
        self.version: Written | None = None
        """The version of the file the document stands on (None: none, or unknown)."""

    @property
    def document(self) -> dict[str, Any]:
        """The parsed file; raises `DataFileError` if deferred bytes turn out bad.

        Released, it raises `FileMoved` when the file is no longer the version
        released (or cannot be read or parsed any more).
        """
        if self._released is not None:
            self._document = self._read_again(self._released)
            self._released = None
        if self._raw is not None:
            raw, self._raw = self._raw, None
            self._document = self._decode(raw)
        return self._document

    @document.setter
    def document(self, value: dict[str, Any]) -> None:
        self._raw = None
        self._released = None
        self._document = value

    @property
    def ours(self) -> bool:
        """Whether the bytes held are those of this machine's last write, unchanged since."""
        return self._canonical

    @property
    def held(self) -> bool:
        """Whether the version read is in hand (parsed, or its bytes waiting), not released."""
        return self._released is None

    @property
    def parsed(self) -> bool:
        """Whether the document is in memory (False while bytes wait or the file was released)."""
        return self._raw is None and self._released is None

    def defer(self, raw: bytes, stat: os.stat_result, ours: Written | None) -> None:
        """Hold the file's bytes, read at `stat`, to parse on first use of `document`.

        `ours`: this machine's last write; a file that still is that version
        holds our canonical encoding.
        """
        self._raw = raw  # the previous document stays if these bytes fail to parse
        self._released = None
        self._stand_on(stat, ours)

    def release(self, stat: os.stat_result, ours: Written | None) -> None:
        """Hold nothing of the version `stat` describes: `document` reads it again on first use."""
        self._raw, self._document = None, {}
        self._released = stat.st_ctime_ns
        self._stand_on(stat, ours)

    def _stand_on(self, stat: os.stat_result, ours: Written | None) -> None:
        """Take the version `stat` describes as the document's; ours if it is our last write."""
        self.fingerprint = Fingerprint.of(stat)
        self.version = Written.of(stat)
        self._canonical = self.version == ours
        self._layout = ours.layout if ours is not None and self._canonical else None

    def _read_again(self, changed_ns: int) -> dict[str, Any]:
        """The released version, parsed as strictly as the first time; `FileMoved` if it is gone."""
        try:
            with jsonfile.opened(self.path) as (handle, stat):
                same = Fingerprint.of(stat) == self.fingerprint and stat.st_ctime_ns == changed_ns
                raw = handle.read() if same else b""
        except OSError:
            raise FileMoved from None
        if not same:
            raise FileMoved
        try:
            return self._decode(raw)
        except DataFileError:
            raise FileMoved from None

    def _decode(self, raw: bytes) -> dict[str, Any]:
        """The document of the file's bytes: lazy tables over bytes we wrote (`storage.canonical`).

        Bytes anyone else wrote are parsed whole and checked strictly.
        """
        if self._canonical and self._layout is not None:
            try:
                return canonical.open_document(raw, self.path.name, self._layout)
            except NotCanonical:
                pass
        return jsonfile.decode(raw, self.path.name, canonical=self._canonical)

    def put_records(self, table: str, records: dict[str, dict[str, Any]]) -> None:
        """Store records by id in one table, replacing (never mutating) the old ones."""
        document = self.document
        current = document.get(table)
        if isinstance(current, LazyTable):
            document[table] = current.with_changes(records)
        else:
            document[table] = {**(current or {}), **records}

    def forget(self) -> None:
        """No file: an empty document (the first write creates it)."""
        self.document, self.fingerprint, self.version = {}, None, None

    def read(self) -> dict[str, Any]:
        return self.document

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.document = data

    def flush(self) -> None:
        """Write the document atomically and remember the fingerprint of what we wrote.

        A document with lazy tables is written as the bytes it was read from
        with the changed records spliced in (`storage.canonical`), and keeps
        standing on those bytes with its changes on top.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        document = self.document
        layout: canonical.Layout | None = ()
        try:
            if not canonical.is_lazy(document):
                raise NotCanonical
            parts, layout = canonical.encode(document)
        except NotCanonical:  # a plain document, or an id JSON escapes: encode it whole
            document = _materialised(document)
            payload = jsonfile.encode(document)
            layout = None
            if canonical.plain_ids(document):  # where its tables are, for the next open
                layout = canonical.layout_of(payload, list(document)) or ()
            written = jsonfile.write_bytes_atomic(self.path, payload)
        else:
            written = jsonfile.write_parts_atomic(self.path, parts)
        self.fingerprint = written
        settled = Written.settled(self.path, written)
        self.written = None if settled is None else replace(settled, layout=layout)
        self.version = self.written

    def changed_on_disk(self) -> bool:
        """Someone else (another window, `git pull`) replaced the file since we read it."""
        return jsonfile.fingerprint(self.path) != self.fingerprint


def _materialised(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every lazy table parsed into a plain dict."""
    return {
        name: dict(table) if isinstance(table, LazyTable) else table
        for name, table in document.items()
    }


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
