"""Kept conflicts are listed whatever kind of record they sit on (offers and the profile too)."""

from __future__ import annotations

from typing import Any

from storage.codec import MODEL_OF
from storage.conflicts import list_conflicts


def kept(field: str, value: Any, **fields: Any) -> dict[str, Any]:
    return {
        **fields,
        "_stamps": {},
        "_deleted": None,
        "_conflicts": [{"field": field, "value": value, "stamp": "0000000000001-0000-aa"}],
    }


def test_conflicts_on_every_record_kind_are_listed_with_their_loop() -> None:
    document: dict[str, Any] = {table: {} for table in MODEL_OF}
    document["processes"]["p1"] = {"company": "Acme", "role": "ML Engineer", "_stamps": {}}
    document["offers"]["o1"] = kept("base", 180000, process_id="p1", base=190000)
    document["questions"]["q1"] = kept("text", "Team size?", process_id="p1", text="Team?")
    document["profile"]["profile"] = kept("visa", "none needed", visa="EU citizen")

    found = {(c.table, c.loop, c.field, c.value, c.current) for c in list_conflicts(document)}

    assert found == {
        ("offers", "Acme / ML Engineer", "base", 180000, 190000),
        ("questions", "Acme / ML Engineer", "text", "Team size?", "Team?"),
        ("profile", "profile", "visa", "none needed", "EU citizen"),
    }
