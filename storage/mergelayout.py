"""The merge on the canonical bytes: records the versions agree on pass through unparsed.

A pull merges three copies of the whole file, but two sides of 100 edits each
disagree on a few hundred of tens of thousands of records. Parsing and
re-encoding all three copies cost most of the driver's time, so this path
parses one copy (the base, checked to be the canonical encoding of itself,
which also rules out duplicate keys) and cuts every version into its tables
and records by the canonical layout, where a record is `"id": {` on a line
indented by four spaces and the first `}` at that indent closes it. A record
of ours or theirs whose bytes equal the base's is the base's record; any
other is parsed on its own and must re-encode to its own bytes. Records the
sides agree on are copied into the result as bytes; the others go through
`merge_record` and are encoded alone, indented to their place.

So every byte of the three versions is checked as strictly as `decode` checks
a file, and the result is byte for byte `encode(merge(...))`. Whatever does
not fit (a hand-formatted version, an empty base, a newer schema, damage)
returns None, and the caller runs the full merge, which says what is wrong.
"""

from __future__ import annotations

import mmap
import re
from itertools import pairwise
from typing import Any

import orjson

from storage import jsonfile
from storage.canonical import CLOSE, NotCanonical, indented
from storage.merge import MergeError, check_version, merge_meta, merge_record
from storage.schema import META_TABLE

Bytes = bytes | mmap.mmap
"""A version's bytes, read or mapped: the sides are only cut, never parsed whole."""
Records = dict[bytes, bytes]
"""A table's records by id: the id's bytes (between its quotes) to the record's own bytes,
`id": {` up to the line that closes it (the closing `\\n    }` is left off)."""

META = META_TABLE.encode()
NEXT_RECORD = b',\n    "'
SEPARATOR = re.compile(rb'\n    \}(,\n    "|\n  \},\n  ")')
"""A record's end and what follows: the next record's id, or the next table's name."""
LAST = b"\n    }\n  }\n}\n"
"""The end of a file whose last table has records."""


def merge_canonical(base: bytes, ours: Bytes, theirs: Bytes) -> list[bytes] | None:
    """`encode(merge(...))` of three canonical versions, or None when one is not canonical.

    In pieces, to be written as they are: joining them would copy the whole file once more.
    """
    try:
        return _merge(base, ours, theirs)
    except (NotCanonical, MergeError, orjson.JSONDecodeError):
        return None


def _merge(base_raw: bytes, ours_raw: Bytes, theirs_raw: Bytes) -> list[bytes]:
    document = orjson.loads(base_raw)
    if not isinstance(document, dict) or jsonfile.encode(document) != base_raw:
        raise NotCanonical
    base = _Base(split_layout(base_raw), document)
    ours, theirs = base.side(split_layout(ours_raw)), base.side(split_layout(theirs_raw))
    ours_meta, theirs_meta = base.meta(ours), base.meta(theirs)
    for name, meta in (("ours", ours_meta), ("theirs", theirs_meta)):
        check_version(name, {} if meta is None else {META_TABLE: meta})
    check_version("base", document)
    parts: list[bytes] = []
    for table in sorted(ours.keys() | theirs.keys()):
        parts += (b",\n  " if parts else b"{\n  ", b'"', table, b'": ')
        if table == META:
            merged = merge_meta(ours_meta or {}, theirs_meta or {})
            parts.append(indented(merged, 2))
        else:
            base.merge_table(table, ours.get(table), theirs.get(table), parts)
    parts.append(b"\n}\n")
    return parts


class _Side:
    """One side's table: its records, and the ids whose bytes are not the base's."""

    def __init__(self, records: Records, changed: set[bytes]) -> None:
        self.records = records
        self.changed = changed


class _Base:
    """The base version, parsed and cut into records: what the sides' records are checked by."""

    def __init__(self, tables: dict[bytes, list[bytes]], document: dict[str, Any]) -> None:
        self.tables = {name: _by_id(pieces) for name, pieces in tables.items()}
        if b"\\" in b"".join(key for records in self.tables.values() for key in records):
            raise NotCanonical  # an escaped id: its bytes would not sort as its text
        if [len(t) for t in self.tables.values()] != [len(t) for t in document.values()]:
            raise NotCanonical  # a record without fields, cut as part of its neighbour
        self.pieces = {name: set(pieces) for name, pieces in tables.items()}
        self.document = document

    def side(self, tables: dict[bytes, list[bytes]]) -> dict[bytes, _Side]:
        """A side's tables; the records it shares with the base are found by their bytes alone.

        Only the records whose bytes the base does not have are cut at their
        id. Raises `NotCanonical` for an id twice, or for a record of the base
        the side lost (loopdeck never removes one: that is a hand edit).
        """
        sides = {}
        for name, pieces in tables.items():
            known = self.tables.get(name, {})
            same = self.pieces.get(name, set())
            present = set(pieces)
            novel = _by_id([piece for piece in pieces if piece not in same])
            fresh = novel.keys() - known.keys()
            _check_key(*fresh)
            if len(present) != len(pieces) or len(pieces) - len(fresh) != len(known):
                raise NotCanonical
            if any(known[key] in present for key in novel.keys() & known.keys()):
                raise NotCanonical  # the base's record and a changed one, under one id
            records = dict(known)
            records.update(novel)
            sides[name] = _Side(records, set(novel))
        return sides

    def check(self, table: bytes, key: bytes, piece: bytes) -> None:
        """Raise `NotCanonical` unless `piece` is the canonical encoding of one record."""
        if self.tables.get(table, {}).get(key) != piece:
            _parse(piece[len(key) + 3 :])

    def value(self, table: bytes, key: bytes, piece: bytes) -> Any:
        """The record `piece` holds: the base's when the bytes agree, else parsed and checked."""
        if self.tables.get(table, {}).get(key) == piece:
            return self.document[table.decode()][key.decode()]
        return _parse(piece[len(key) + 3 :])

    def meta(self, tables: dict[bytes, _Side]) -> dict[str, Any] | None:
        """A side's meta table, parsed (it is small); None when the side has none."""
        if META not in tables:
            return None
        records = tables[META].records
        return {key.decode(): self.value(META, key, piece) for key, piece in records.items()}

    def merge_table(
        self, table: bytes, ours: _Side | None, theirs: _Side | None, parts: list[bytes]
    ) -> None:
        """Append the merged table's bytes to `parts`, as `storage.merge` merges a table.

        A record both sides left as the base has it is the base's (its bytes
        checked already); only the others are looked at one by one.
        """
        mine = {} if ours is None else ours.records
        other = {} if theirs is None else theirs.records
        if ours is not None and theirs is not None:
            merged = dict(self.tables.get(table, {}))
            touched = ours.changed | theirs.changed
        else:
            side = ours or theirs
            assert side is not None
            merged, touched = dict(side.records), side.changed
        base = self.document.get(table.decode(), {})
        for key in touched:
            merged[key] = self._record(table, key, mine, other, base)
        if not merged:
            parts.append(b"{}")
            return
        keys = list(merged)
        keys.sort()  # in order already, but for the ids only one side has
        glue = b'{\n    "'
        for key in keys:
            parts += (glue, merged[key])
            glue = CLOSE + NEXT_RECORD
        parts.append(CLOSE + b"\n  }")

    def _record(
        self, table: bytes, key: bytes, ours: Records, theirs: Records, base: dict[str, Any]
    ) -> bytes:
        """One merged record: the sides' bytes when they agree or only one has it."""
        mine, other = ours.get(key), theirs.get(key)
        if mine is not None and (other is None or mine == other):
            self.check(table, key, mine)  # these bytes go into the result as they are
            return mine
        if mine is None:
            assert other is not None
            self.check(table, key, other)
            return other
        assert other is not None
        mine_value, other_value = self.value(table, key, mine), self.value(table, key, other)
        if mine_value == other_value:
            merged = mine_value
        else:
            merged = merge_record(base.get(key.decode()) or {}, mine_value, other_value)
        encoded = indented(merged, 4)
        return key + b'": ' + encoded[: -len(CLOSE)]


def split_layout(raw: Bytes) -> dict[bytes, list[bytes]]:
    """The tables of a canonical file, each a list of its records' bytes; `NotCanonical` if not.

    Only the layout is read here (where records begin and end); the caller
    checks each record's bytes, so a version that merely looks canonical is
    caught there.
    """
    if raw[:5] != b'{\n  "':
        raise NotCanonical
    pieces = SEPARATOR.split(raw)
    texts, separators = pieces[0::2], pieces[1::2]
    texts[0] = texts[0][5:]
    starts = [0, *(n + 1 for n, s in enumerate(separators) if s != NEXT_RECORD), len(texts)]
    tables: dict[bytes, list[bytes]] = {}
    for start, end in pairwise(starts):
        opened = _open_tables(texts[start], tables)
        if opened is None:  # the file ended after empty tables
            if end != len(texts):
                raise NotCanonical
            break
        name, first = opened
        group = [first, *texts[start + 1 : end]]
        if end == len(texts):
            if not group[-1].endswith(LAST):
                raise NotCanonical
            group[-1] = group[-1][: -len(LAST)]
        if name in tables:
            raise NotCanonical  # a table twice
        tables[name] = group
    _check_key(*tables)
    return tables


def _by_id(pieces: list[bytes]) -> Records:
    """Records by id; `NotCanonical` for an id twice. Canonical ids hold no quote, so the
    first `": ` ends the id (a piece cut wrong is caught when its record is checked)."""
    records = {piece[: piece.find(b'": ')]: piece for piece in pieces}
    if len(records) != len(pieces):
        raise NotCanonical
    return records


def _open_tables(text: bytes, tables: dict[bytes, list[bytes]]) -> tuple[bytes, bytes] | None:
    """Read table names from `text` up to the first table with records: its name and the
    bytes of its first record. Empty tables on the way go into `tables`; None at the end."""
    while True:
        name, found, rest = text.partition(b'": ')
        if not found or name in tables:
            raise NotCanonical
        if rest.startswith(b'{\n    "'):
            return name, rest[7:]
        if rest == b"{}\n}\n":
            tables[name] = []
            return None
        if not rest.startswith(b'{},\n  "'):
            raise NotCanonical
        tables[name] = []
        text = rest[7:]


def _parse(raw: bytes) -> Any:
    """A record of a side that the base does not have in these bytes, checked canonical."""
    closed = raw + CLOSE
    value = orjson.loads(closed)
    if indented(value, 4) != closed:
        raise NotCanonical
    return value


def _check_key(*keys: bytes) -> None:
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
