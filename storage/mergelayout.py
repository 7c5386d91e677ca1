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

import re
from itertools import pairwise
from operator import methodcaller
from typing import Any

import orjson

from storage import jsonfile
from storage.merge import MergeError, check_version, merge_meta, merge_record
from storage.schema import META_TABLE

Records = dict[bytes, bytes]
"""A table's records: the id's bytes (between its quotes) to the record's bytes, from its
opening brace up to the line that closes it (the closing `\\n    }` is left off)."""

INDENT_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
META = META_TABLE.encode()
CLOSE = b"\n    }"
NEXT_RECORD = b',\n    "'
SEPARATOR = re.compile(rb'\n    \}(,\n    "|\n  \},\n  ")')
"""A record's end and what follows: the next record's id, or the next table's name."""
SPLIT_KEY = methodcaller("split", b'": ', 1)
"""A record's id from its bytes: canonical ids hold no quote, so the first `": ` ends it."""
LAST = b"\n    }\n  }\n}\n"
"""The end of a file whose last table has records."""


class NotCanonical(Exception):
    """A version is not in the canonical layout; the full merge takes over."""


def merge_canonical(base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
    """`encode(merge(...))` of three canonical versions, or None when one is not canonical."""
    try:
        return _merge(base, ours, theirs)
    except (NotCanonical, MergeError, orjson.JSONDecodeError):
        return None


def _merge(base_raw: bytes, ours_raw: bytes, theirs_raw: bytes) -> bytes:
    document = orjson.loads(base_raw)
    if not isinstance(document, dict) or jsonfile.encode(document) != base_raw:
        raise NotCanonical
    base = _Base(split_layout(base_raw), document)
    ours, theirs = split_layout(ours_raw), split_layout(theirs_raw)
    ours_meta, theirs_meta = base.meta(ours), base.meta(theirs)
    for name, meta in (("ours", ours_meta), ("theirs", theirs_meta)):
        check_version(name, {} if meta is None else {META_TABLE: meta})
    check_version("base", document)
    parts: list[bytes] = []
    for table in sorted(ours.keys() | theirs.keys()):
        parts += (b",\n  " if parts else b"{\n  ", b'"', table, b'": ')
        if table == META:
            merged = merge_meta(ours_meta or {}, theirs_meta or {})
            parts.append(_encode(merged).replace(b"\n", b"\n  "))
        else:
            base.merge_table(table, ours.get(table, {}), theirs.get(table, {}), parts)
    parts.append(b"\n}\n")
    return b"".join(parts)


class _Base:
    """The base version, parsed and cut into records: what the sides' records are checked by."""

    def __init__(self, tables: dict[bytes, Records], document: dict[str, Any]) -> None:
        if b"\\" in b"".join(key for records in tables.values() for key in records):
            raise NotCanonical  # an escaped id: its bytes would not sort as its text
        if [len(records) for records in tables.values()] != [len(t) for t in document.values()]:
            raise NotCanonical  # a record without fields, cut as part of its neighbour
        self.tables = tables
        self.document = document

    def check(self, table: bytes, key: bytes, raw: bytes) -> None:
        """Raise `NotCanonical` unless `raw` is the canonical encoding of one record."""
        if self.tables.get(table, {}).get(key) != raw:
            _parse(raw)

    def value(self, table: bytes, key: bytes, raw: bytes) -> Any:
        """The record `raw` holds: the base's when the bytes agree, else parsed and checked."""
        if self.tables.get(table, {}).get(key) == raw:
            return self.document[table.decode()][key.decode()]
        return _parse(raw)

    def meta(self, tables: dict[bytes, Records]) -> dict[str, Any] | None:
        """A side's meta table, parsed (it is small); None when the side has none."""
        if META not in tables:
            return None
        return {key.decode(): self.value(META, key, raw) for key, raw in tables[META].items()}

    def merge_table(self, table: bytes, ours: Records, theirs: Records, parts: list[bytes]) -> None:
        """Append the merged table's bytes to `parts`, as `storage.merge` merges a table.

        A record whose bytes both sides left as the base has them is the base's
        (checked already); only the others are looked at one by one.
        """
        known = self.tables.get(table, {})
        merged = dict(ours)
        for key in theirs.keys() - ours.keys():
            merged[key] = theirs[key]
        _check_key(*(merged.keys() - known.keys()))
        touched = {key for key, raw in ours.items() if known.get(key) != raw}
        touched.update(key for key, raw in theirs.items() if known.get(key) != raw)
        base = self.document.get(table.decode(), {})
        for key in touched:
            merged[key] = self._record(table, key, ours, theirs, base)
        if not merged:
            parts.append(b"{}")
            return
        keys = list(merged)
        keys.sort()  # the sides' ids are in order already; theirs alone come last
        glue = b'{\n    "'
        for key in keys:
            parts += (glue, key, b'": ', merged[key])
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
        return _encode(merged).replace(b"\n", b"\n    ")[: -len(CLOSE)]


def split_layout(raw: bytes) -> dict[bytes, Records]:
    """The tables of a canonical file, each record's bytes by its id; `NotCanonical` if not.

    Only the layout is read here (where records begin and end); the caller
    checks each record's bytes, so a version that merely looks canonical is
    caught there.
    """
    if not raw.startswith(b'{\n  "'):
        raise NotCanonical
    pieces = SEPARATOR.split(raw[5:])
    texts, separators = pieces[0::2], pieces[1::2]
    starts = [0, *(n + 1 for n, s in enumerate(separators) if s != NEXT_RECORD), len(texts)]
    tables: dict[bytes, Records] = {}
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
        try:
            records = dict(map(SPLIT_KEY, group))
        except ValueError:  # a piece without a key
            raise NotCanonical from None
        if len(records) != len(group) or name in tables:
            raise NotCanonical  # an id or a table twice
        tables[name] = records
    _check_key(*tables)
    return tables


def _open_tables(text: bytes, tables: dict[bytes, Records]) -> tuple[bytes, bytes] | None:
    """Read table names from `text` up to the first table with records: its name and the
    bytes of its first record. Empty tables on the way go into `tables`; None at the end."""
    while True:
        name, found, rest = text.partition(b'": ')
        if not found or name in tables:
            raise NotCanonical
        if rest.startswith(b'{\n    "'):
            return name, rest[7:]
        if rest == b"{}\n}\n":
            tables[name] = {}
            return None
        if not rest.startswith(b'{},\n  "'):
            raise NotCanonical
        tables[name] = {}
        text = rest[7:]


def _parse(raw: bytes) -> Any:
    """A record of a side that the base does not have in these bytes, checked canonical."""
    closed = raw + CLOSE
    value = orjson.loads(closed)
    if _encode(value).replace(b"\n", b"\n    ") != closed:
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


def _encode(value: Any) -> bytes:
    return orjson.dumps(value, option=INDENT_OPTIONS)
