"""What a side changed against the base: its records whose bytes differ, found by comparing.

A side of a pull differs from the base in a few hundred records of tens of
thousands, and both are sorted the same way. So the side is not cut into
records at all: it is compared with the base in growing blocks (memory
compares, no copies), and only where a block differs are the records around
the difference read, one by one, until the two agree again. A record of the
side whose bytes the base has at the same place is the base's (checked with
it); any other is returned with where it goes in the base, for the merge to
parse and check. Whatever does not read as the canonical layout raises
`NotCanonical` (a side that lost a record of the base too: loopdeck never
removes one, so that is a hand edit).
"""

from __future__ import annotations

import mmap

import orjson

from storage.canonical import CLOSE, RECORD, TABLE_END, NotCanonical
from storage.mergebase import Base, Table

Bytes = bytes | mmap.mmap
"""A side's bytes, read or mapped: only the records that differ are copied out."""
FIRST_BLOCK = 1 << 12
LARGEST_BLOCK = 1 << 16
"""Blocks compared at once grow up to this: a difference is then found within it in ~16 halvings."""


class Edit:
    """A side's record whose bytes are not the base's, and its place in the base's table.

    `unit` is the record's line and value, `\\n    "id": {...\\n    }`. It
    replaces the base's bytes `[at:end]`, or goes in before `at` when `end`
    is `at` (a new record: before the base record at `at`, or last at its close).
    """

    __slots__ = ("at", "end", "unit")

    def __init__(self, unit: bytes, at: int, end: int) -> None:
        self.unit = unit
        self.at = at
        self.end = end


Edits = dict[bytes, Edit]
"""One table of a side: the records whose bytes differ from the base's, by id."""


def side_tables(base: Base, raw: Bytes) -> dict[bytes, Edits]:
    """The side's tables by name, each with the records it changed or added.

    The view of a mapped side is released on the way out, whatever happens:
    a map cannot be closed while a view of it lives (in a traceback, say).
    """
    with memoryview(raw) as view:
        return _tables(base, raw, view)


def _tables(base: Base, raw: Bytes, view: memoryview) -> dict[bytes, Edits]:
    tables: dict[bytes, Edits] = {}
    at, previous = 1, b""
    if raw[:1] != b"{":
        raise NotCanonical
    while True:
        if raw[at : at + 4] != b'\n  "':
            raise NotCanonical
        quote = raw.find(b'"', at + 4)
        name = raw[at + 4 : quote]
        if quote < 0 or raw[quote : quote + 3] != b'": ' or (tables and name <= previous):
            raise NotCanonical
        table = base.tables.get(name)
        if table is None:
            check_key(name)
        walk = _Walk(base.raw, raw, view)
        at = walk.table(table, quote + 3)
        tables[name] = walk.edits
        previous = name
        if raw[at : at + 1] == b",":
            at += 1
            continue
        if raw[at : at + 3] == b"\n}\n" and at + 3 == len(raw):
            return tables
        raise NotCanonical


class _Walk:
    """One table of a side read against the same table of the base."""

    def __init__(self, base: bytes, side: Bytes, view: memoryview) -> None:
        self.base, self.side, self.view = base, side, view
        self.edits: Edits = {}

    def table(self, table: Table | None, value: int) -> int:
        """Read the side's table whose value starts at `value`; return where the value ends."""
        opening = self.side[value : value + 2]
        if opening == b"{}":
            if table is not None and not table.empty:
                raise NotCanonical  # the side lost the base's records
            return value + 2
        if opening != b"{\n":
            raise NotCanonical
        if table is None or table.empty:
            return self._added(value + 1, None, -1)
        return self._compared(table, value + 1)

    def _compared(self, table: Table, side_at: int) -> int:
        """Records of a table both have, from their first lines: the side's end of the table."""
        base, side = self.base, self.side
        at, close = table.first, table.close
        while True:
            same = _agreeing(base, at, self.view, side_at, min(close - at, len(side) - side_at))
            if at + same == close:
                return self._after_last(side_at + same, table, None)
            line = base.rfind(RECORD, at, at + same + 1)  # the record holding the difference
            if line >= 0:
                side_at, at = side_at + line - at, line
            at, side_at, ended = self._differing(table, at, side_at)
            if ended is not None:
                return ended

    def _differing(self, table: Table, at: int, side_at: int) -> tuple[int, int, int | None]:
        """Read records from a difference until both continue alike: the next lines to
        compare, or (with the third item) where the side's table ended."""
        base, side = self.base, self.side
        previous: bytes | None = None
        while True:
            key, end = _record(base, at)
            side_key, side_end = _record(side, side_at)
            if side_key < key:  # a record the base does not have
                if previous is None:
                    previous = _record_id(base, table.first, at)
                if previous is not None and not previous < side_key:
                    raise NotCanonical  # out of order, or an id twice
                check_key(side_key)
                self.edits[side_key] = Edit(side[side_at:side_end], at, at)
                if side[side_end : side_end + 1] != b",":
                    raise NotCanonical  # the side lost the base's records from `at` on
                side_at, previous = side_end + 1, side_key
                continue
            if side_key != key:
                raise NotCanonical  # the side lost the base's record `key`
            unit = side[side_at:side_end]
            if unit != base[at:end]:
                self.edits[key] = Edit(unit, at, end)
            if base[end : end + 1] == b",":
                if side[side_end : side_end + 1] != b",":
                    raise NotCanonical
                return end + 1, side_end + 1, None
            return end, side_end, self._after_last(side_end, table, key)

    def _after_last(self, side_at: int, table: Table, last: bytes | None) -> int:
        """The side after the base's last record (`last`, looked up when not known): its
        table's close, or records it added."""
        if self.side[side_at : side_at + 4] == TABLE_END:
            return side_at + 4
        if self.side[side_at : side_at + 1] != b",":
            raise NotCanonical
        if last is None:
            last = _record_id(self.base, table.first, table.close)
        return self._added(side_at + 1, last, table.close)

    def _added(self, side_at: int, previous: bytes | None, at: int) -> int:
        """Records the base does not have, up to the table's close; each goes in at `at`."""
        side = self.side
        while True:
            key, end = _record(side, side_at)
            if previous is not None and not previous < key:
                raise NotCanonical
            check_key(key)
            self.edits[key] = Edit(side[side_at:end], at, at)
            if side[end : end + 1] == b",":
                side_at, previous = end + 1, key
                continue
            if side[end : end + 4] != TABLE_END:
                raise NotCanonical
            return end + 4


def _agreeing(base: bytes, at: int, side: memoryview, side_at: int, limit: int) -> int:
    """How many bytes from `base[at:]` and `side[side_at:]` are the same, at most `limit`."""
    done, size = 0, FIRST_BLOCK
    while done < limit:
        size = min(size, limit - done)
        if base.startswith(side[side_at + done : side_at + done + size], at + done):
            done += size
            size = min(size * 2, LARGEST_BLOCK)
            continue
        low, high = done, done + size  # alike up to `low`; the first difference before `high`
        while high - low > 1:
            middle = (low + high) // 2
            if base.startswith(side[side_at + low : side_at + middle], at + low):
                low = middle
            else:
                high = middle
        return low
    return limit


def _record(raw: Bytes, line: int) -> tuple[bytes, int]:
    """The id of the record whose line begins at `line`, and where its value ends.

    Only a record with fields reads here: `{}` (or an id holding an escape,
    which would not sort by its bytes) is left to the full merge.
    """
    if raw[line : line + 6] != RECORD:
        raise NotCanonical
    quote = raw.find(b'"', line + 6)
    key = raw[line + 6 : quote]
    if quote < 0 or raw[quote : quote + 5] != b'": {\n' or b"\\" in key:
        raise NotCanonical
    close = raw.find(CLOSE, quote)
    if close < 0:
        raise NotCanonical
    return key, close + len(CLOSE)


def _record_id(base: bytes, first: int, before: int) -> bytes | None:
    """The id of the base's last record before `before`; None when there is none."""
    line = base.rfind(RECORD, first, before)
    if line < 0:
        return None
    return _record(base, line)[0]


def check_key(*keys: bytes) -> None:
    """A key not seen in the base must be a JSON string in its canonical form, without escapes.

    Without a backslash, two different byte strings are two different keys,
    and the bytes sort as the strings do.
    """
    for key in keys:
        if b"\\" in key or b'"' in key:
            raise NotCanonical
        quoted = b'"' + key + b'"'
        if orjson.dumps(orjson.loads(quoted)) != quoted:
            raise NotCanonical
