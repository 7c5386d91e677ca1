"""Records of our own file are read back without checks, and checked after all when odd.

`codec.live_models(..., trusted=True)` is what reading the file this machine
last wrote uses. A record that is not what this app writes (a bug, a field
from a newer version) must not slip through unchecked: the table is
validated instead, and the problem is one sentence about that record.
"""

from __future__ import annotations

from typing import Any

import pytest

from planner.models import Process
from storage import codec
from storage.errors import DataFileError


def stored(**change: Any) -> dict[str, Any]:
    process = Process.model_validate({"company": "Acme", "role": "SRE", "created_on": "2026-03-02"})
    return {process.id: {**codec.fields_of(process), "_stamps": {}, **change}}


def test_trusted_records_come_back_equal_to_validated_ones() -> None:
    records = stored()

    trusted = codec.live_models("processes", records, "d.json", trusted=True)

    assert trusted == codec.live_models("processes", records, "d.json")


@pytest.mark.parametrize(
    ("change", "field"),
    [({"status": "bogus!"}, "status"), ({"created_on": None}, "created_on"), ({"x": 1}, "x")],
)
def test_a_record_not_as_this_app_writes_it_is_validated_after_all(
    change: dict[str, Any], field: str
) -> None:
    records = stored(**change)
    (record_id,) = records

    with pytest.raises(DataFileError) as refused:
        codec.live_models("processes", records, "d.json", trusted=True)

    assert str(refused.value).startswith(f"d.json: loop {record_id[:8]} has a wrong '{field}' (")
