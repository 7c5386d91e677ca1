"""A file this machine wrote, read and rewritten a table or a record at a time.

The bytes of a file that still has the fingerprint of our last write are our
canonical encoding (`jsonfile.encode`) of records validated before, so
nothing in them needs checking again. Parsing all of them to change one
record, then encoding them all again, is most of what a write to an archive
of closed loops costs. Here such a file becomes a document whose tables are
`LazyTable`s over the bytes: a record is parsed when it is asked for, a table
when it is walked, and a write splices the records it changed into the bytes
of the rest. The result is byte for byte `jsonfile.encode` of the document.

The canonical layout: `{`, then each table as `\\n  "name": ` and its records
as `\\n    "id": ` and the record's fields indented by six, `,` between
entries, `\\n  }` closing a table with records (`{}` one without), `\\n}\\n`
ending the file. A JSON string holds no raw newline, so `\\n    "` starts a
record and `\\n  "` a table, and nothing else. Whatever does not fit raises
`NotCanonical`, and the caller parses the file whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from contextlib import contextmanager
from typing import Any

import orjson

from storage import jsonfile
from storage.errors import DataFileError

INDENT_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
TABLE = b'\n  "'
RECORD = b'\n    "'
CLOSE = b"\n    }"
TABLE_END = b"\n  }"
FILE_END = b"\n}\n"
OWNER = re.compile(rb'\n      "process_id": "([^"\\\n]*)"')
"""A child record's `process_id` line; a record's own fields sit six spaces in."""
FIND_LIMIT = 64
"""Records looked up one search at a time before a table indexes all its records."""
FEW_LOOPS = 4
"""Loops whose records are found with a search each rather than one scan of the table."""
MOSTLY = 4
"""A table of which more than one record in `MOSTLY` is wanted is parsed whole, in one go."""


class NotCanonical(Exception):
    """The bytes are not in the canonical layout: parse the file whole instead."""


def indented(value: Any, spaces: int) -> bytes:
    """`value` in the canonical encoding, its lines after the first indented by `spaces`:
    how a table (2) or a record (4) sits inside the file."""
    return orjson.dumps(value, option=INDENT_OPTIONS).replace(b"\n", b"\n" + b" " * spaces)


class LazyTable(Mapping[str, Any]):
    """One table of a canonical file: its records parsed on first use, its changes kept apart.

    `raw[start:end]` is the table's value (`{...}`). `changed` holds the
    records a write replaced or added, by id; they win over the bytes.
    """

    def __init__(
        self,
        name: str,
        raw: bytes,
        start: int,
        end: int,
        changed: dict[str, Any] | None = None,
        parsed: dict[str, Any] | None = None,
        whole: dict[str, Any] | None = None,
    ) -> None:
        self.name = name
        """The data file's name, for the sentence saying it is damaged."""
        self.raw, self.start, self.end = raw, start, end
        self.changed: dict[str, Any] = changed or {}
        self._parsed: dict[str, Any] = parsed or {}
        self._whole = whole
        self._spans: dict[str, tuple[int, int]] | None = None
        self._owners: list[tuple[int, bytes]] | None = None
        """Where each record's `process_id` line is, and its value: one scan, kept."""
        self._finds = 0

    # Mapping

    def __getitem__(self, key: str) -> Any:
        if key in self.changed:
            return self.changed[key]
        if self._whole is not None:
            return self._whole[key]
        found = self._parsed.get(key)
        if found is not None:
            return found
        if b"\\" in orjson.dumps(key):  # not findable by its bytes
            return self.whole()[key]
        with self._checked():
            span = self._span(key)
            if span is None:
                raise KeyError(key)
            return self._record(key, span)

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())

    def keys(self) -> KeysView[str]:
        return self.whole().keys()

    def items(self) -> ItemsView[str, Any]:
        return self.whole().items()

    def values(self) -> ValuesView[Any]:
        return self.whole().values()

    def whole(self) -> dict[str, Any]:
        """Every record: the table's bytes parsed in one go (once), with the changes on top."""
        if self._whole is None:
            with self._checked():
                parsed = orjson.loads(self.raw[self.start : self.end])
                if type(parsed) is not dict:
                    raise NotCanonical
            self._whole = parsed
        return {**self._whole, **self.changed} if self.changed else self._whole

    # Reads by loop

    def of_loops(self, process_ids: frozenset[str]) -> dict[str, Any]:
        """The records of these loops, parsing only those.

        A few loops are found by one search each for their `process_id` line.
        """
        if len(process_ids) > FEW_LOOPS or self._whole is not None:
            wanted = {pid.encode() for pid in process_ids}
            return self._select(
                lambda owner: owner in wanted,
                lambda r: type(r) is dict and r.get("process_id") in process_ids,
            )
        raw, found = self.raw, {}
        with self._checked():
            for pid in process_ids:
                needle = b'\n      "process_id": ' + orjson.dumps(pid)
                at = raw.find(needle, self.start, self.end)
                while at >= 0:
                    key, span = self._enclosing(at)
                    found[key] = self._record(key, span)
                    at = raw.find(needle, span[1], self.end)
        return self._on_top(found, lambda r: type(r) is dict and r.get("process_id") in process_ids)

    def having(self, field: str) -> dict[str, Any]:
        """The records that have `field`, found by a search for its line, parsing only those."""
        if self._whole is not None:
            return {rid: r for rid, r in self.whole().items() if type(r) is dict and field in r}
        needle = b"\n      " + _key(field) + b": "
        raw, found = self.raw, {}
        with self._checked():
            at = raw.find(needle, self.start, self.end)
            while at >= 0:
                key, span = self._enclosing(at)
                found[key] = self._record(key, span)
                at = raw.find(needle, span[1], self.end)
        return self._on_top(found, lambda r: type(r) is dict and field in r)

    def _select(
        self, keep: Callable[[bytes], bool], keep_parsed: Callable[[Any], bool]
    ) -> dict[str, Any]:
        """The records whose owner (`process_id`) `keep` accepts, parsing only those.

        One search over the table's bytes finds every record's owner line
        (every record of a loop's table has one: the models require it).
        When most records are wanted, the table is parsed in one go instead,
        and its records filtered with `keep_parsed`.
        """
        if self._whole is not None:
            return {rid: r for rid, r in self.whole().items() if keep_parsed(r)}
        if self._owners is None:
            lines = OWNER.finditer(self.raw, self.start, self.end)
            self._owners = [(m.start(), m.group(1)) for m in lines]
        wanted = [at for at, owner in self._owners if keep(owner)]
        if len(wanted) * MOSTLY > len(self._owners):
            return {rid: r for rid, r in self.whole().items() if keep_parsed(r)}
        found: dict[str, Any] = {}
        with self._checked():
            for at in wanted:
                key, span = self._enclosing(at)
                found[key] = self._record(key, span)
        return self._on_top(found, keep_parsed)

    def _on_top(self, found: dict[str, Any], keep: Callable[[Any], bool]) -> dict[str, Any]:
        """Records found in the bytes, with the changed records in their place."""
        if not self.changed:
            return found
        for key, record in self.changed.items():
            if keep(record):
                found[key] = record
            else:
                found.pop(key, None)
        return found

    @contextmanager
    def _checked(self) -> Iterator[None]:
        """Bytes that do not read as the canonical layout are a damaged file, said in one sentence.

        They had the fingerprint of our last write, so someone changed them in
        place and set the time back: the whole file is read strictly to say where.
        """
        try:
            yield
        except (NotCanonical, ValueError):  # orjson's errors are ValueErrors
            jsonfile.decode(self.raw, self.name)
            raise DataFileError(
                f"{self.name} was changed in place; restore it from git or a backup"
            ) from None

    def _record(self, key: str, span: tuple[int, int]) -> Any:
        record = self._parsed.get(key)
        if record is None:
            record = self._parsed[key] = _parse(self.raw, *span)
        return record

    # Writing

    def with_changes(self, records: dict[str, Any]) -> LazyTable:
        """This table with `records` replaced or added (this one stays as it was)."""
        table = LazyTable(
            self.name,
            self.raw,
            self.start,
            self.end,
            {**self.changed, **records},
            self._parsed,
            self._whole,
        )
        table._spans, table._owners = self._spans, self._owners
        return table

    def encoded(self) -> list[bytes | memoryview]:
        """The table's value as it encodes now: its bytes with the changed records spliced in."""
        for key in self.changed:
            _key(key)  # NotCanonical for an id JSON escapes: the caller encodes the file whole
        with self._checked():
            return self._encoded()

    def _encoded(self) -> list[bytes | memoryview]:
        view = memoryview(self.raw)
        if not self.changed:
            return [view[self.start : self.end]]
        if self._empty():  # no record to splice next to
            return [indented(self.changed, 2)]
        edits: list[tuple[int, int, bytes]] = []
        for key in sorted(self.changed):
            entry = _entry(key, self.changed[key])
            span = self._span(key)
            if span is not None:
                edits.append((span[0], span[1], entry))
            else:
                edits.append(self._insertion(key, entry))
        edits.sort(key=lambda edit: edit[0])
        parts: list[bytes | memoryview] = []
        at = self.start
        for begin, stop, entry in edits:
            parts += (view[at:begin], entry)
            at = stop
        parts.append(view[at : self.end])
        return parts

    def _insertion(self, key: str, entry: bytes) -> tuple[int, int, bytes]:
        """Where a new record goes: before the first record with a larger id, else last."""
        at = self._first_not_below(key.encode())
        last = self.end - len(TABLE_END)
        if at == last:
            return at, at, b"," + entry
        return at, at, entry + b","

    def _first_not_below(self, wanted: bytes) -> int:
        """Where the first record whose id is not below `wanted` starts (or the table's close).

        A binary search over byte positions: records are in the order of their ids.
        """
        raw, end = self.raw, self.end
        best = end - len(TABLE_END)
        lo, hi = self.start, end
        while lo < hi:
            mid = (lo + hi) // 2
            at = raw.find(RECORD, mid, end)
            if at < 0 or at >= hi:
                hi = mid
                continue
            other = raw[at + len(RECORD) : raw.index(b'"', at + len(RECORD))]
            if b"\\" in other:
                raise NotCanonical  # never in a file we wrote (see `plain_ids`)
            if other >= wanted:
                best, hi = at, mid
            else:
                lo = at + 1
        return best

    # Finding records in the bytes

    def _empty(self) -> bool:
        """Whether the table's bytes hold no record (`{}`)."""
        return self.end - self.start == 2

    def _span(self, key: str) -> tuple[int, int] | None:
        """Where record `key` sits: from its `\\n    "id": ` to the end of its value."""
        if self._spans is None and self._finds >= FIND_LIMIT:
            self._spans = self._index()
        if self._spans is not None:
            return self._spans.get(key)
        if self._empty():
            return None
        self._finds += 1
        needle = RECORD + _key(key)[1:] + b": "
        at = self._first_not_below(needle[len(RECORD) : -3])
        if self.raw[at : at + len(needle)] != needle:
            return None
        return at, self._value_end(at + len(needle))

    def _index(self) -> dict[str, tuple[int, int]]:
        raw, end = self.raw, self.end
        starts = _all(raw, RECORD, self.start, end)
        spans: dict[str, tuple[int, int]] = {}
        for at, following in zip(starts, [*starts[1:], end - len(TABLE_END) + 1], strict=True):
            key = raw[at + len(RECORD) : raw.index(b'"', at + len(RECORD))]
            if b"\\" in key:
                raise NotCanonical
            spans[key.decode()] = (at, following - 1)
        return spans

    def _enclosing(self, at: int) -> tuple[str, tuple[int, int]]:
        """The record whose fields include position `at`: its id and span."""
        begin = self.raw.rfind(RECORD, self.start, at)
        if begin < 0:
            raise NotCanonical
        name_end = self.raw.index(b'"', begin + len(RECORD))
        key = self.raw[begin + len(RECORD) : name_end]
        if b"\\" in key or self.raw[name_end : name_end + 3] != b'": ':
            raise NotCanonical
        return key.decode(), (begin, self._value_end(name_end + 3))

    def _value_end(self, value: int) -> int:
        """The end of a record's value starting at `value` (a record is an object)."""
        raw = self.raw
        if raw[value : value + 2] == b"{}":
            return value + 2
        if raw[value : value + 2] != b"{\n":
            raise NotCanonical
        close = raw.find(CLOSE, value, self.end)
        if close < 0:
            raise NotCanonical
        return close + len(CLOSE)


Layout = tuple[tuple[str, int], ...]
"""Each table of canonical bytes, in order, with where its value ends."""


def open_document(raw: bytes, file_name: str, layout: Layout = ()) -> dict[str, Any]:
    """The document of canonical bytes: table name -> `LazyTable`; `NotCanonical` if not.

    `layout`, when the write that made these bytes gave it (`encode`), saves
    a search through the whole file for where its tables begin.
    """
    if not raw.startswith(b'{\n  "') or not raw.endswith(FILE_END):
        raise NotCanonical
    laid_out = _laid_out(raw, file_name, layout) if layout else None
    if laid_out is not None:
        return laid_out
    starts = _all(raw, TABLE, 0, len(raw))
    if not starts or starts[0] != 1:
        raise NotCanonical
    document: dict[str, Any] = {}
    previous = ""
    for at, following in zip(starts, [*starts[1:], len(raw) - len(FILE_END) + 1], strict=True):
        name_end = raw.index(b'"', at + len(TABLE))
        name = raw[at + len(TABLE) : name_end]
        value, end = name_end + 3, following - 1
        if b"\\" in name or raw[name_end:value] != b'": ' or raw[value : value + 1] != b"{":
            raise NotCanonical
        if raw[end - 1 : end] != b"}":
            raise NotCanonical
        text = name.decode()
        if text <= previous:
            raise NotCanonical  # canonical tables come sorted, each once
        document[text] = LazyTable(file_name, raw, value, end)
        previous = text
    return document


def encode(document: Mapping[str, Any]) -> tuple[list[bytes | memoryview], Layout]:
    """`jsonfile.encode(document)` for a document with lazy tables, in pieces to write in turn,
    and the layout of those bytes (see `open_document`).

    Joining the pieces would copy the whole file once more.
    """
    parts: list[bytes | memoryview] = []
    layout: list[tuple[str, int]] = []
    size = 0
    for index, name in enumerate(sorted(document)):
        pieces: list[bytes | memoryview] = [
            (b"{" if index == 0 else b",") + TABLE[:-1] + _key(name) + b": "
        ]
        table = document[name]
        if isinstance(table, LazyTable):
            pieces += table.encoded()
        else:
            pieces.append(indented(table, 2))
        size += sum(len(piece) for piece in pieces)
        layout.append((name, size))
        parts += pieces
    parts.append(FILE_END if parts else b"{}\n")
    return parts, tuple(layout)


def layout_of(raw: bytes, names: list[str]) -> Layout | None:
    """The layout of `jsonfile.encode` bytes whose tables are `names`, found with one search
    per table (a document written whole: most of an archive's lines begin like a table's,
    so one search for every table's line takes twice as long). None if they do not fit."""
    if not names:
        return ()
    starts: list[int] = []
    at = 0
    for name in sorted(names):
        at = raw.find(TABLE[:-1] + _key(name) + b": ", at)
        if at < 0:
            return None
        starts.append(at)
    ends = [start - 1 for start in starts[1:]] + [len(raw) - len(FILE_END)]
    return tuple(zip(sorted(names), ends, strict=True))


def _laid_out(raw: bytes, file_name: str, layout: Layout) -> dict[str, Any] | None:
    """The document by `layout`, each table's bounds checked; None when they do not fit."""
    document: dict[str, Any] = {}
    at = 1
    for index, (name, end) in enumerate(layout):
        key = TABLE[:-1] + _key(name) + b": "
        value = at + len(key)
        after = raw[end : end + 1] if index < len(layout) - 1 else raw[end:]
        if raw[at:value] != key or raw[value : value + 1] != b"{" or raw[end - 1 : end] != b"}":
            return None
        if after != (b"," if index < len(layout) - 1 else FILE_END):
            return None
        document[name] = LazyTable(file_name, raw, value, end)
        at = end + 1
    return document


def plain_ids(document: Mapping[str, Any]) -> bool:
    """Whether every table name and record id is written as it is (no JSON escape).

    Only then are the ids found and ordered by their bytes (`LazyTable`).
    """
    names = list(document)
    for table in document.values():
        if isinstance(table, Mapping):
            names += table
    return b"\\" not in orjson.dumps(names)


def is_lazy(document: Mapping[str, Any]) -> bool:
    """Whether any table of the document is still (partly) in the bytes of a file."""
    return any(isinstance(table, LazyTable) for table in document.values())


def _entry(key: str, record: Any) -> bytes:
    """A record as it sits in its table: `\\n    "id": {...}`, its fields indented by six."""
    return RECORD[:-1] + _key(key) + b": " + indented(record, 4)


def _key(key: str) -> bytes:
    """A key's bytes; one that JSON would escape cannot be found or sorted by its bytes."""
    quoted = orjson.dumps(key)
    if b"\\" in quoted:
        raise NotCanonical
    return quoted


def _parse(raw: bytes, begin: int, end: int) -> Any:
    """The value of the record spanning `raw[begin:end]`."""
    value = raw.index(b'": ', begin + len(RECORD)) + 3
    record = orjson.loads(raw[value:end])
    if type(record) is not dict:
        raise NotCanonical
    return record


def _all(raw: bytes, needle: bytes, start: int, end: int) -> list[int]:
    """Every position of `needle` in `raw[start:end]`."""
    found: list[int] = []
    at = raw.find(needle, start, end)
    while at >= 0:
        found.append(at)
        at = raw.find(needle, at + 1, end)
    return found
