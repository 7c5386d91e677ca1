"""The merge rules on small hand-written documents, one rule per test."""

from __future__ import annotations

from typing import Any

import pytest

from storage.merge import MergeError, merge

LOOP = "1" * 32


def document(record: dict[str, Any] | None, version: int = 1) -> dict[str, Any]:
    records = {} if record is None else {LOOP: record}
    return {"meta": {"schema": {"schema_version": version}}, "processes": records}


def loop(deleted: str | None = None, **fields: tuple[Any, str]) -> dict[str, Any]:
    values = {"company": ("Acme", "s0"), "notes": ("", "s0"), "tags": ([], "s0")}
    values.update(fields)
    record: dict[str, Any] = {name: value for name, (value, _stamp) in values.items()}
    record["_stamps"] = {name: stamp for name, (_value, stamp) in values.items()}
    record["_deleted"] = deleted
    if deleted:
        record["_stamps"]["_deleted"] = deleted
    return record


def merged_loop(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    result = merge(document(loop()), document(ours), document(theirs))
    assert result == merge(document(loop()), document(theirs), document(ours))
    record: dict[str, Any] = result["processes"][LOOP]
    return record


def test_same_field_takes_the_newest_stamp_and_keeps_the_other_value() -> None:
    record = merged_loop(loop(notes=("call Ann", "s2-a")), loop(notes=("call Bob", "s1-b")))
    assert record["notes"] == "call Ann"
    assert record["_conflicts"] == [{"field": "notes", "value": "call Bob", "stamp": "s1-b"}]


def test_different_fields_both_apply_without_conflict() -> None:
    record = merged_loop(loop(notes=("call Ann", "s2-a")), loop(company=("Acme AI", "s1-b")))
    assert (record["company"], record["notes"]) == ("Acme AI", "call Ann")
    assert "_conflicts" not in record


def test_tags_merge_as_sets() -> None:
    base = loop(tags=(["ml", "remote"], "s0"))
    ours = loop(tags=(["ml", "remote", "urgent"], "s1-a"))
    theirs = loop(tags=(["ml", "infra"], "s2-b"))
    result = merge(document(base), document(ours), document(theirs))["processes"][LOOP]
    assert result["tags"] == ["ml", "infra", "urgent"]
    assert "_conflicts" not in result


def test_an_edit_newer_than_the_deletion_keeps_the_record_alive() -> None:
    record = merged_loop(loop(deleted="s1-a"), loop(notes=("offer!", "s2-b")))
    assert record["_deleted"] is None
    assert record["notes"] == "offer!"
    assert record["_conflicts"] == [{"field": "_deleted", "value": "s1-a", "stamp": "s1-a"}]


def test_a_deletion_newer_than_the_edit_wins_but_the_edit_stays_restorable() -> None:
    record = merged_loop(loop(deleted="s3-a"), loop(notes=("offer!", "s2-b")))
    assert record["_deleted"] == "s3-a"
    assert record["notes"] == "offer!"
    assert record["_conflicts"] == [{"field": "_deleted", "value": None, "stamp": "s2-b"}]


def test_inserts_from_both_sides_are_kept() -> None:
    base = document(None)
    ours = document(loop())
    theirs = {**document(None), "processes": {"2" * 32: loop(company=("Globex", "s1"))}}
    assert set(merge(base, ours, theirs)["processes"]) == {LOOP, "2" * 32}


def test_a_side_with_a_newer_schema_is_refused() -> None:
    with pytest.raises(MergeError, match="newer loopdeck"):
        merge(document(loop()), document(loop(), version=99), document(loop()))
