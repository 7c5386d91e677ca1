"""TinyDB over the data file: random string ids, one file write per flush, never in place."""

from __future__ import annotations

import json
from pathlib import Path

from storage.tinydb_storage import LoopdeckDB


def test_inserted_documents_get_random_hex_ids(tmp_path: Path) -> None:
    db = LoopdeckDB(tmp_path / "loopdeck.json")
    table = db.records("processes")

    first: object = table.insert({"company": "Acme"})
    second: object = table.insert({"company": "Borealis"})

    assert isinstance(first, str) and isinstance(second, str)
    assert first != second
    assert len(first) == 32 and int(first, 16) >= 0
    assert table.get(doc_id=first) == {"company": "Acme"}  # type: ignore[call-overload]


def test_table_writes_reach_the_file_only_on_flush(tmp_path: Path) -> None:
    path = tmp_path / "data" / "loopdeck.json"
    db = LoopdeckDB(path)
    db.records("processes").put_many({"a1": {"company": "Acme"}, "b2": {"company": "Borealis"}})
    assert not path.exists()

    db.file.flush()

    assert json.loads(path.read_text(encoding="utf-8")) == {
        "processes": {"a1": {"company": "Acme"}, "b2": {"company": "Borealis"}}
    }
    assert db.file.changed_on_disk() is False


def test_a_flush_replaces_the_file_instead_of_writing_into_it(tmp_path: Path) -> None:
    path = tmp_path / "loopdeck.json"
    db = LoopdeckDB(path)
    db.file.flush()
    old_inode = path.stat().st_ino
    keeper = tmp_path / "hard-link"
    keeper.hardlink_to(path)

    db.records("events").put_many({"e1": {"text": "hi"}})
    db.file.flush()

    assert path.stat().st_ino != old_inode
    assert keeper.read_text(encoding="utf-8") == "{}\n"
