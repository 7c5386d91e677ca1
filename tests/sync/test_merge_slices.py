"""The base is checked a slice at a time, and that proves what parsing it whole proved.

A base larger than a slice is cut between two records of one table; each
slice is parsed and encoded alone. What no single slice can see (the order of
the ids on both sides of a cut) is checked at the cut: a base out of order or
holding an id twice there must still take the full merge.
"""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest
from merge_cases import TABLE, seeded

from storage.canonical import NotCanonical, indented
from storage.jsonfile import encode
from storage.merge import merge
from storage.mergebase import CUT, SLICE, checked_base
from storage.mergelayout import merge_canonical

RECORDS = 3 * SLICE // 400
"""Enough records of ~400 bytes for three slices."""


def record_id(n: int) -> str:
    return f"{n:08d}".ljust(32, "0")


def large() -> dict[str, Any]:
    """A base of a few slices: one large table between small ones, every record one size."""
    document = seeded()
    stamps = {"company": "0000001000000-0000-base", "notes": "0000001000000-0000-base"}
    for n in range(RECORDS):
        document[TABLE][record_id(n)] = {
            "company": f"Company {n:08d}",
            "notes": "x" * 200,
            "tags": [],
            "_stamps": stamps,
            "_deleted": None,
        }
    document["rounds"] = {"r" * 32: {"name": "onsite", "_stamps": {"name": "s1"}}}
    return document


def test_a_large_canonical_base_is_accepted_with_its_tables_where_they_are() -> None:
    document = large()
    raw = encode(document)
    assert raw.count(CUT) > 2 and len(raw) > 2 * SLICE

    base = checked_base(raw)

    assert [name.decode() for name in base.tables] == sorted(document)
    for name, table in base.tables.items():
        assert raw[table.start : table.end] == indented(document[name.decode()], 2)
    assert base.meta == document["meta"]


def swap_at_the_first_cut(raw: bytes) -> bytes:
    """The records before and after the first cut swapped: each slice stays sorted."""
    cut = raw.find(CUT, SLICE)
    before = raw.rfind(b'\n    "', 0, cut)
    after_end = raw.find(b"\n    }", cut + len(CUT)) + 6
    first, second = raw[before : cut + 6], raw[cut + 7 : after_end]
    assert len(first) == len(second)
    return raw[:before] + second + b"," + first + raw[after_end:]


def twice_at_the_first_cut(raw: bytes) -> bytes:
    """The record after the first cut replaced by the one before it: one id twice."""
    cut = raw.find(CUT, SLICE)
    before = raw.rfind(b'\n    "', 0, cut)
    after_end = raw.find(b"\n    }", cut + len(CUT)) + 6
    return raw[:before] + raw[before : cut + 6] + b"," + raw[before : cut + 6] + raw[after_end:]


@pytest.mark.parametrize("damage", [swap_at_the_first_cut, twice_at_the_first_cut])
def test_a_base_out_of_order_or_with_an_id_twice_at_a_cut_is_refused(damage: Any) -> None:
    raw = encode(large())
    damaged = damage(raw)
    assert len(damaged) == len(raw) and damaged != raw
    with pytest.raises(NotCanonical):
        checked_base(damaged)
    assert merge_canonical(damaged, raw, raw) is None


def test_a_damaged_record_deep_in_a_later_slice_is_refused() -> None:
    raw = encode(large())
    at = raw.index(record_id(RECORDS - 5).encode())
    damaged = raw[:at] + raw[at:].replace(b'"notes": "x', b'"notes":  "x', 1)
    with pytest.raises(NotCanonical):
        checked_base(damaged)


def test_sides_edited_all_over_a_large_base_merge_to_the_full_merges_bytes() -> None:
    base = large()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    for n in range(0, RECORDS, 97):
        ours[TABLE][record_id(n)]["notes"] = f"ours {n}"
        ours[TABLE][record_id(n)]["_stamps"] = {"notes": "0000001000002-0000-o"}
    for n in range(0, RECORDS, 89):
        theirs[TABLE][record_id(n)]["company"] = f"theirs {n}"
        theirs[TABLE][record_id(n)]["_stamps"] = {"company": "0000001000001-0000-t"}
    for n in (3, RECORDS // 2, RECORDS - 1):  # both alike
        for side in (ours, theirs):
            side[TABLE][record_id(n)]["tags"] = ["remote"]
    ours[TABLE][record_id(RECORDS // 3)[:-1] + "1"] = {"company": "inserted", "_stamps": {}}
    theirs[TABLE]["z" * 32] = {"company": "appended", "_stamps": {}}
    theirs["contacts"] = {"c" * 32: {"email": "a@b.c", "_stamps": {}}}
    raws = [encode(document) for document in (base, ours, theirs)]

    merged = merge_canonical(*raws)

    assert merged is not None
    assert b"".join(merged) == encode(merge(*(orjson.loads(raw) for raw in raws)))
