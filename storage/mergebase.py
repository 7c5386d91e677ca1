"""The merge's base version, checked canonical a slice at a time, and where its tables are.

The merge copies every record the sides left alone from the base as bytes,
so every byte of the base must be what `jsonfile.encode` writes (that also
rules out duplicate keys). Parsing 44 MB whole to check that built ~180 MB
of objects, most of the driver's time and page faults. Here the base is cut
between two records of one table every `SLICE` bytes; each slice, with the
name of the table it continues in front and the closing brackets behind, is
itself a document, parsed and encoded again, then dropped. The slices are
canonical and the ids at each cut increase, so the whole file is: exactly
what parsing it whole proved, in memory the size of one slice.
"""

from __future__ import annotations

from typing import Any

import orjson

from storage.canonical import CLOSE, RECORD, NotCanonical
from storage.schema import META_TABLE

SLICE = 1 << 18
"""Bytes checked at a time: large enough that a call costs nothing, small enough for the cache."""
CUT = b'\n    },\n    "'
"""Between two records of one table: where a slice may end (after the `}`)."""
OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
TAIL = b"\n  }\n}\n"
"""What closes a slice cut after a record: its table, then the document."""


class Table:
    """One table of the base: where its value (`{}` or `{...}`) lies in the bytes.

    A plain class: a dataclass costs the driver's every start a millisecond to build.
    """

    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    @property
    def empty(self) -> bool:
        return self.end - self.start == 2

    @property
    def first(self) -> int:
        """Where its first record's line begins (its `\\n`), just after the `{`."""
        return self.start + 1

    @property
    def close(self) -> int:
        """Where the line closing it begins: the end of its records."""
        return self.end - 4


class Base:
    """The base's bytes, known canonical; its tables by name (the bytes between the quotes),
    and its meta table's records (parsed: it is small), for the schema check."""

    __slots__ = ("meta", "raw", "tables")

    def __init__(self, raw: bytes, tables: dict[bytes, Table], meta: dict[str, Any]) -> None:
        self.raw = raw
        self.tables = tables
        self.meta = meta


def checked_base(raw: bytes) -> Base:
    """The base, every byte checked to be the canonical encoding; `NotCanonical` if not."""
    if raw[:5] != b'{\n  "' or not raw.endswith(b"\n}\n"):
        raise NotCanonical
    view = memoryview(raw)
    heads: list[tuple[bytes, int, int]] = []
    meta: dict[str, Any] = {}
    start, opening = 0, b""
    while True:
        cut = raw.find(CUT, start + SLICE)
        end = len(raw) if cut < 0 else cut + len(CLOSE)
        body = b"".join((opening, view[start:end], b"" if cut < 0 else TAIL))
        document = orjson.loads(body)
        if orjson.dumps(document, option=OPTIONS) != body:
            raise NotCanonical
        names = list(document)
        heads += _heads(raw, names[1:] if opening else names, start, end)
        found = document.get(META_TABLE, {})
        if type(found) is not dict:
            raise NotCanonical  # the full merge says what is wrong with it
        meta.update(found)
        if cut < 0:
            break
        _check_increasing(raw, start, cut)
        start = end + 1  # the next record's line, after the comma
        opening = b"{\n  " + orjson.dumps(names[-1]) + b": {"
    ends = [at - 1 for _, at, _ in heads[1:]] + [len(raw) - 3]
    tables = {name: Table(value, end) for (name, _, value), end in zip(heads, ends, strict=True)}
    return Base(raw, tables, meta)


def _heads(raw: bytes, names: list[str], start: int, end: int) -> list[tuple[bytes, int, int]]:
    """Each table that begins in `raw[start:end]`: its name's bytes, where its line begins,
    and where its value does. The names come from the slice's parse, in the file's order."""
    found = []
    for name in names:
        quoted = orjson.dumps(name)
        if b"\\" in quoted:
            raise NotCanonical  # its bytes would not sort as its text
        needle = b"\n  " + quoted + b": "
        at = raw.find(needle, start, end)
        if at < 0:
            raise NotCanonical
        found.append((quoted[1:-1], at, at + len(needle)))
        start = at + len(needle)
    return found


def _check_increasing(raw: bytes, start: int, cut: int) -> None:
    """The ids on both sides of a cut increase: each slice is sorted, and so the whole table."""
    last = raw.rfind(RECORD, start, cut)
    if last < 0:  # the slice holds one record, begun before `start`: its line is at `start`
        last = start
    first = cut + len(CUT)
    before = raw[last + len(RECORD) : raw.find(b'"', last + len(RECORD))]
    after = raw[first : raw.find(b'"', first)]
    if b"\\" in before or b"\\" in after or not before < after:
        raise NotCanonical
