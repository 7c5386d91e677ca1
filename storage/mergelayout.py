"""The merge on the canonical bytes: records the versions agree on pass through unparsed.

A pull merges three copies of the whole file, but two sides of 100 edits each
disagree on a few hundred of tens of thousands of records. Parsing and
re-encoding all three copies cost most of the driver's time, so this path
checks the base a slice at a time (`mergebase`: every byte must be the
canonical encoding, which also rules out duplicate keys), and finds the
records each side changed by comparing its bytes with the base's
(`mergesides`). Only those are parsed, each on its own, and must re-encode to
their own bytes. A record both sides changed goes through `merge_record` and
is encoded alone, indented to its place; the result is the base's bytes with
the merged records spliced in, written as pieces without joining.

So every byte of the three versions is checked as strictly as `decode` checks
a file, and the result is byte for byte `encode(merge(...))`. Whatever does
not fit (a hand-formatted version, an empty base, a newer schema, damage)
returns None, and the caller runs the full merge, which says what is wrong.
"""

from __future__ import annotations

from typing import Any

import orjson

from storage.canonical import NotCanonical, indented
from storage.merge import MergeError, check_version, merge_meta, merge_record
from storage.mergebase import Base, checked_base
from storage.mergesides import Bytes, Edit, Edits, side_tables
from storage.schema import META_TABLE

META = META_TABLE.encode()
Piece = bytes | memoryview


def merge_canonical(base: bytes, ours: Bytes, theirs: Bytes) -> list[Piece] | None:
    """`encode(merge(...))` of three canonical versions, or None when one is not canonical.

    In pieces, to be written as they are: joining them would copy the whole file once more.
    """
    try:
        return _merge(base, ours, theirs)
    except (NotCanonical, MergeError, orjson.JSONDecodeError):
        return None


def _merge(base_raw: bytes, ours_raw: Bytes, theirs_raw: Bytes) -> list[Piece]:
    base = checked_base(base_raw)
    ours, theirs = side_tables(base, ours_raw), side_tables(base, theirs_raw)
    merger = _Merger(base)
    ours_meta, theirs_meta = merger.meta(ours), merger.meta(theirs)
    for name, meta in (("ours", ours_meta), ("theirs", theirs_meta), ("base", base.meta)):
        check_version(name, {} if meta is None else {META_TABLE: meta})
    parts: list[Piece] = []
    for table in sorted(ours.keys() | theirs.keys()):
        parts += (b",\n  " if parts else b"{\n  ", b'"', table, b'": ')
        if table == META:
            parts.append(indented(merge_meta(ours_meta or {}, theirs_meta or {}), 2))
        else:
            merger.table(table, ours.get(table), theirs.get(table), parts)
    parts.append(b"\n}\n")
    return parts


class _Merger:
    """Merges the sides' changed records into the base's bytes, table by table."""

    def __init__(self, base: Base) -> None:
        self.base = base
        self.view = memoryview(base.raw)

    def meta(self, tables: dict[bytes, Edits]) -> dict[str, Any] | None:
        """A side's meta table, parsed (it is small); None when the side has none."""
        if META not in tables:
            return None
        records = dict(self.base.meta)
        for key, edit in tables[META].items():
            records[key.decode()] = _parse(key, edit.unit)
        return records

    def table(
        self, name: bytes, ours: Edits | None, theirs: Edits | None, parts: list[Piece]
    ) -> None:
        """Append the merged table's value to `parts`, as `storage.merge` merges a table.

        A record neither side changed is the base's, in the base's bytes; a
        table only one side has is that side's (the other dropped it).
        """
        if ours is not None and theirs is not None:
            merged = {key: self._record(key, ours, theirs) for key in ours.keys() | theirs.keys()}
        else:
            side = ours if ours is not None else theirs
            assert side is not None
            merged = {key: _checked(key, edit) for key, edit in side.items()}
        edits = {**(ours or {}), **(theirs or {})}
        table = self.base.tables.get(name)
        if table is None or table.empty:
            units = [merged[key] for key in sorted(merged)]
            parts.append(b"{" + b",".join(units) + b"\n  }" if units else b"{}")
            return
        at = table.start
        for key in sorted(merged, key=lambda key: (edits[key].at, edits[key].end, key)):
            edit = edits[key]
            if edit.end != edit.at:  # the base's record, replaced
                parts += (self.view[at : edit.at], merged[key])
            elif edit.at == table.close:  # a new record after the base's last
                parts += (self.view[at : edit.at], b",", merged[key])
            else:  # a new record before the base's record at `edit.at`
                parts += (self.view[at : edit.at], merged[key], b",")
            at = edit.end
        parts.append(self.view[at : table.end])

    def _record(self, key: bytes, ours: dict[bytes, Edit], theirs: dict[bytes, Edit]) -> bytes:
        """One merged record of a table both sides have: the sides' bytes when they agree,
        or only one has it; else `merge_record` of the parsed records (the base's record
        standing for a side that left it as it was)."""
        mine, other = ours.get(key), theirs.get(key)
        edit = mine or other
        assert edit is not None
        based = edit.end != edit.at  # the base has this record, at the edit's place
        if mine is not None and other is not None and mine.unit == other.unit:
            return _checked(key, mine)
        if not based and (mine is None or other is None):
            return _checked(key, edit)
        start = orjson.loads(self.view[edit.at + len(key) + 9 : edit.end]) if based else {}
        mine_value = start if mine is None else _parse(key, mine.unit)
        other_value = start if other is None else _parse(key, other.unit)
        if mine_value == other_value:
            merged = mine_value
        else:
            merged = merge_record(start, mine_value, other_value)
        return b'\n    "' + key + b'": ' + indented(merged, 4)


def _checked(key: bytes, edit: Edit) -> bytes:
    """A side's record as its bytes, once they are checked canonical."""
    _parse(key, edit.unit)
    return edit.unit


def _parse(key: bytes, unit: bytes) -> Any:
    """A side's record that the base does not have in these bytes, checked canonical."""
    raw = unit[len(key) + 9 :]  # after `\n    "id": `
    value = orjson.loads(raw)
    if indented(value, 4) != raw:
        raise NotCanonical
    return value
