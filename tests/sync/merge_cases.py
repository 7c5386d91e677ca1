"""Documents for merge tests, built the way the app builds them: by stamped writes.

A case is a base document and two sides that each applied their own writes to
it. `assert_nothing_lost` is the property every merge function must satisfy;
the tests run it on the real merge and on a deliberately broken one.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from storage.merge import canonical, merge_set

TABLE = "processes"
SCALARS = ("company", "notes")
LISTS = ("tags",)
VALUES = st.sampled_from(["Acme", "Globex", "Initech", "", None, 3])
TAGS = st.lists(st.sampled_from(["ml", "infra", "remote", "urgent"]), max_size=3, unique=True)
SEED_IDS = ("a" * 32, "b" * 32, "c" * 32)


def stamp(ms: int, counter: int, replica: str) -> str:
    return f"{ms:013d}-{counter:04d}-{replica}"


def empty() -> dict[str, Any]:
    return {"meta": {"schema": {"schema_version": 1}}, "settings": {}, TABLE: {}}


OPS = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(SEED_IDS), st.sampled_from(SCALARS), VALUES),
    st.tuples(st.just("tags"), st.sampled_from(SEED_IDS), TAGS),
    st.tuples(st.just("delete"), st.sampled_from(SEED_IDS)),
    st.tuples(st.just("restore"), st.sampled_from(SEED_IDS)),
    st.tuples(st.just("insert"), VALUES),
    st.tuples(st.just("resolve"), st.sampled_from(SEED_IDS)),
)
CLOCKS = st.integers(min_value=1_000_000, max_value=1_000_100)


def apply(document: dict[str, Any], ops: list[Any], replica: str, clock: int) -> dict[str, Any]:
    """`document` after `ops`, each stamped by `replica` from `clock` on (skew comes from clock)."""
    result = copy.deepcopy(document)
    records = result[TABLE]
    for counter, op in enumerate(ops):
        now = stamp(clock, counter, replica)
        kind, *args = op
        if kind == "insert":
            record_id = f"{replica}{counter}".ljust(32, "0")
            records[record_id] = {
                "company": args[0],
                "notes": "",
                "tags": [],
                "_stamps": {"company": now, "notes": now, "tags": now},
                "_deleted": None,
            }
            continue
        record = records.get(args[0])
        if record is None:
            continue
        if kind == "set" or kind == "tags":
            field, value = (args[1], args[2]) if kind == "set" else ("tags", args[1])
            record[field] = value
            record["_stamps"][field] = now
        elif kind == "delete" and record["_deleted"] is None:
            record["_deleted"] = now
            record["_stamps"]["_deleted"] = now
        elif kind == "restore" and record["_deleted"] is not None:
            record["_deleted"] = None
            record["_stamps"]["_deleted"] = now
        elif kind == "resolve" and record.get("_conflicts"):
            record["_conflicts"] = record["_conflicts"][1:]
            record["_stamps"]["_conflicts"] = now
    return result


def seeded(replica: str = "base") -> dict[str, Any]:
    """Three loops every side can edit."""
    ops = [("insert", name) for name in ("Acme", "Globex", "Initech")]
    document = apply(empty(), ops, replica, 999_999)
    records = document[TABLE]
    for record_id, seed_id in zip(sorted(records), SEED_IDS, strict=True):
        records[seed_id] = records.pop(record_id)
    return document


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """A base (itself with history) and two sides that diverged from it."""
    base = apply(seeded(), draw(st.lists(OPS, max_size=4)), "b", draw(CLOCKS))
    ours = apply(base, draw(st.lists(OPS, max_size=6)), "o", draw(CLOCKS))
    theirs = apply(base, draw(st.lists(OPS, max_size=6)), "t", draw(CLOCKS))
    return base, ours, theirs


def _pair(record: dict[str, Any], field: str) -> tuple[bytes, str]:
    return canonical(record.get(field)), record.get("_stamps", {}).get(field, "")


def _kept(record: dict[str, Any]) -> set[tuple[str, bytes, str]]:
    return {(c["field"], canonical(c["value"]), c["stamp"]) for c in record.get("_conflicts", [])}


def assert_nothing_lost(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], merged: dict[str, Any]
) -> None:
    """Every record survives; every concurrent write is the value or a kept conflict."""
    for side in (ours, theirs):
        for record_id in side[TABLE]:
            assert record_id in merged[TABLE], f"record {record_id} was dropped"
    for record_id, mine in ours[TABLE].items():
        other = theirs[TABLE].get(record_id)
        start = base[TABLE].get(record_id)
        if other is None or start is None:
            continue
        result = merged[TABLE][record_id]
        for field in (*SCALARS, "_deleted"):
            _check_field(field, start, mine, other, result)
        _check_tags(start, mine, other, result)
        _check_delete_against_edit(start, mine, other, result)
        _check_delete_against_edit(start, other, mine, result)


def _check_field(
    field: str,
    start: dict[str, Any],
    mine: dict[str, Any],
    other: dict[str, Any],
    result: dict[str, Any],
) -> None:
    changed = [side for side in (mine, other) if _pair(side, field) != _pair(start, field)]
    for side in changed:
        if field == "_deleted":
            same_state = (result["_deleted"] is None) == (side["_deleted"] is None)
            survived = same_state or any(kept[0] == "_deleted" for kept in _kept(result))
        else:
            value, written = _pair(side, field)
            survived = _pair(result, field)[0] == value or (field, value, written) in _kept(result)
        assert survived, f"{field} = {side.get(field)!r} was lost"


def _check_tags(
    start: dict[str, Any], mine: dict[str, Any], other: dict[str, Any], result: dict[str, Any]
) -> None:
    expected = merge_set(start["tags"], mine["tags"], other["tags"])
    assert set(result["tags"]) == set(expected), "a tag added or removed on one side was lost"


def _check_delete_against_edit(
    start: dict[str, Any], deleter: dict[str, Any], editor: dict[str, Any], result: dict[str, Any]
) -> None:
    """A deletion on one side and an edit on the other: the outcome is flagged, never silent."""
    deleted_now = start["_deleted"] is None and deleter["_deleted"] is not None
    edited = any(_pair(editor, f) != _pair(start, f) for f in (*SCALARS, *LISTS))
    if deleted_now and editor["_deleted"] is None and edited:
        assert any(kept[0] == "_deleted" for kept in _kept(result)), "delete hid an edit"
