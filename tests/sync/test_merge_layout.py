"""The merge on canonical bytes gives the full merge's bytes, and steps aside for anything else.

The driver takes `merge_canonical` first; it must never produce a byte the
full merge would not, and it must return None (so the full merge runs and says
what is wrong) for every version that is not exactly what loopdeck writes.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_cases import SEED_IDS, TABLE, cases, seeded

from storage.canonical import NotCanonical
from storage.errors import DataFileError
from storage.jsonfile import encode
from storage.merge import merge
from storage.mergebase import checked_base
from storage.mergefiles import mapped, merge_files, merge_versions
from storage.mergelayout import merge_canonical
from storage.mergesides import side_tables

Case = tuple[dict[str, Any], dict[str, Any], dict[str, Any]]
PROPERTIES = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])


def full(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> bytes:
    return encode(merge(base, ours, theirs))


@PROPERTIES
@given(cases())
def test_canonical_versions_merge_to_the_full_merges_bytes(case: Case) -> None:
    base, ours, theirs = case
    merged = merge_canonical(encode(base), encode(ours), encode(theirs))
    assert merged is not None
    assert b"".join(merged) == full(base, ours, theirs)


def test_tables_and_records_on_one_side_only_are_kept() -> None:
    base = seeded()
    ours = copy.deepcopy(base)
    theirs = copy.deepcopy(base)
    ours["rounds"] = {"r" * 32: {"name": "onsite", "_stamps": {"name": "s1"}}}
    theirs["contacts"] = {}
    theirs[TABLE]["z" * 32] = {"company": "Zeta", "_stamps": {"company": "s2"}}
    theirs[TABLE]["0" * 32] = {"company": "Aardvark", "_stamps": {"company": "s2"}}
    del ours["settings"]

    merged = merge_canonical(encode(base), encode(ours), encode(theirs))

    assert merged is not None
    assert b"".join(merged) == full(base, ours, theirs)
    assert orjson.loads(b"".join(merged))[TABLE]["0" * 32]["company"] == "Aardvark"


def versions() -> tuple[bytes, bytes, bytes]:
    base = seeded()
    ours = copy.deepcopy(base)
    ours[TABLE][SEED_IDS[0]]["notes"] = "ours"
    theirs = copy.deepcopy(base)
    theirs[TABLE][SEED_IDS[1]]["notes"] = "theirs"
    return encode(base), encode(ours), encode(theirs)


def test_the_test_versions_take_the_fast_path() -> None:
    assert merge_canonical(*versions()) is not None


def compact(raw: bytes) -> bytes:
    return orjson.dumps(orjson.loads(raw))


def twice_the_id(raw: bytes) -> bytes:
    """The first record of the table written twice: a parse would keep one of them."""
    start = raw.index(b'\n    "' + SEED_IDS[0].encode())
    end = raw.index(b'\n    "' + SEED_IDS[1].encode())
    return raw[:end] + raw[start:end] + raw[end:]


def twice_a_field(raw: bytes) -> bytes:
    return raw.replace(b'"company": "Acme",', b'"company": "Acme",\n      "company": "Lost",', 1)


def hand_spaced(raw: bytes) -> bytes:
    return raw.replace(b'"company": "Acme"', b'"company":  "Acme"', 1)


def escaped_id(raw: bytes) -> bytes:
    return raw.replace(SEED_IDS[2].encode(), b"\\u0063" + SEED_IDS[2][1:].encode())


def empty_record(raw: bytes) -> bytes:
    return raw.replace(b'  "settings": {}', b'  "settings": {\n    "x": {}\n  }')


def newer(raw: bytes) -> bytes:
    return raw.replace(b'"schema_version": 1', b'"schema_version": 99')


def truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


DAMAGE = {
    "compact": compact,
    "an id twice": twice_the_id,
    "a field twice": twice_a_field,
    "hand spaced": hand_spaced,
    "an escaped id": escaped_id,
    "a record without fields": empty_record,
    "a newer schema": newer,
    "truncated": truncated,
}


@pytest.mark.parametrize("side", [0, 1, 2])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_version_not_as_loopdeck_writes_it_takes_the_full_merge(damage: str, side: int) -> None:
    raws = list(versions())
    changed = DAMAGE[damage](raws[side])
    assert changed != raws[side]
    raws[side] = changed
    assert merge_canonical(*raws) is None


def test_an_empty_base_takes_the_full_merge() -> None:
    _, ours, theirs = versions()
    assert merge_canonical(b"", ours, theirs) is None


@pytest.mark.parametrize("damage", ["an id twice", "a field twice"])
def test_the_driver_still_refuses_damage_all_three_versions_share(
    tmp_path: Path, damage: str
) -> None:
    """Records equal in all three versions are copied as bytes, but only once checked."""
    paths = [tmp_path / name for name in ("base", "ours", "theirs")]
    for path, raw in zip(paths, versions(), strict=True):
        path.write_bytes(DAMAGE[damage](raw))
    before = paths[1].read_bytes()

    with pytest.raises(DataFileError, match="appears twice"):
        merge_files(*paths, "loopdeck.json")

    assert paths[1].read_bytes() == before


def test_the_driver_writes_the_full_merges_bytes_from_files(tmp_path: Path) -> None:
    paths = [tmp_path / name for name in ("base", "ours", "theirs")]
    for path, raw in zip(paths, versions(), strict=True):
        path.write_bytes(raw)
    expected = full(*(orjson.loads(raw) for raw in versions()))

    merge_files(*paths, "loopdeck.json")

    assert paths[1].read_bytes() == expected


@pytest.mark.parametrize("side", [1, 2])
def test_a_side_that_lost_a_record_of_the_base_takes_the_full_merge(side: int) -> None:
    """loopdeck never removes a record (a deletion is a tombstone): only a hand edit does."""
    raws = list(versions())
    document = orjson.loads(raws[side])
    del document[TABLE][SEED_IDS[2]]
    raws[side] = encode(document)

    assert merge_canonical(*raws) is None
    base, ours, theirs = (orjson.loads(raw) for raw in raws)
    assert SEED_IDS[2] in merge(base, ours, theirs)[TABLE]  # the full merge keeps it


@pytest.mark.parametrize("side", [1, 2])
def test_a_side_that_lost_its_first_record_takes_the_full_merge(side: int) -> None:
    raws = list(versions())
    document = orjson.loads(raws[side])
    del document[TABLE][SEED_IDS[0]]
    raws[side] = encode(document)

    assert merge_canonical(*raws) is None


def test_a_new_record_out_of_order_takes_the_full_merge() -> None:
    """A side is compared with the base, not sorted: a record in the wrong place is refused."""
    raws = list(versions())
    document = orjson.loads(raws[1])
    document[TABLE]["0" * 32] = {"company": "Early", "_stamps": {}}
    sorted_raw = encode(document)
    start = sorted_raw.index(b'\n    "' + b"0" * 32)
    end = sorted_raw.index(b"\n    }", start) + 6
    moved = sorted_raw[:start] + sorted_raw[end + 1 :]
    tail = moved.index(b"\n  }", moved.index(b'"' + TABLE.encode()))
    raws[1] = moved[:tail] + b"," + sorted_raw[start:end] + moved[tail:]
    orjson.loads(raws[1])  # still valid JSON, only out of order

    assert merge_canonical(*raws) is None
    assert merge_canonical(raws[0], sorted_raw, raws[2]) is not None


MUTATION_BYTES = b'"{}[],: \n\\a0'


@st.composite
def mutated_cases(draw: st.DrawFn) -> list[bytes]:
    """Three canonical versions, one of them changed in a few bytes or lines."""
    raws = [encode(document) for document in draw(cases())]
    which = draw(st.sampled_from([0, 1, 2]))
    raw = raws[which]
    kind = draw(st.sampled_from(["delete", "copy", "byte", "line", "lines"]))
    at = draw(st.integers(0, len(raw) - 1))
    size = draw(st.integers(1, 80))
    if kind == "delete":
        raw = raw[:at] + raw[at + size :]
    elif kind == "copy":
        to = draw(st.integers(0, len(raw)))
        raw = raw[:to] + raw[at : at + size] + raw[to:]
    elif kind == "byte":
        raw = raw[:at] + draw(st.sampled_from(list(MUTATION_BYTES))).to_bytes() + raw[at + 1 :]
    else:
        lines = raw.split(b"\n")
        line = at % len(lines)
        count = size % 12 + 1 if kind == "lines" else 1
        moved = lines[line : line + count]
        rest = lines[:line] + lines[line + count :]
        to = draw(st.integers(0, len(rest)))
        keep = draw(st.booleans())
        raw = b"\n".join(rest[:to] + moved + (moved if keep else []) + rest[to:])
    raws[which] = raw
    return raws


@PROPERTIES
@given(mutated_cases())
def test_a_damaged_version_merges_as_the_full_merge_does_or_not_at_all(raws: list[bytes]) -> None:
    """Every byte the fast path keeps was checked: it gives the full merge's bytes or None."""
    fast = merge_canonical(*raws)
    try:
        full: bytes | None = encode(merge_versions(*raws, "loopdeck.json"))
    except Exception:  # the full merge refuses (or fails on) it: the fast path must step aside
        full = None
    assert fast is None or b"".join(fast) == full


@pytest.mark.parametrize("edited", [False, True])
@pytest.mark.parametrize("dropping", [1, 2])
def test_a_table_one_side_dropped_is_the_other_sides(dropping: int, edited: bool) -> None:
    """The full merge keeps what the other side has, changed by it or not."""
    documents = [seeded(), seeded(), seeded()]
    del documents[dropping][TABLE]
    if edited:
        documents[3 - dropping][TABLE][SEED_IDS[1]]["notes"] = "kept"
    raws = [encode(document) for document in documents]

    merged = merge_canonical(*raws)

    assert merged is not None
    assert b"".join(merged) == full(*documents)


def test_a_refused_mapped_side_can_still_be_closed(tmp_path: Path) -> None:
    """The refusal's traceback keeps the walk's frames: the map must not be held by them."""
    raws = versions()
    path = tmp_path / "ours"
    path.write_bytes(truncated(raws[1]))
    kept: list[BaseException] = []
    with mapped(path) as side:
        try:
            side_tables(checked_base(raws[0]), side)
        except NotCanonical as error:
            kept.append(error)
    assert kept and kept[0].__traceback__ is not None
