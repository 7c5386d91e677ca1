"""The Repository API on a real file: create on first write, read back, stamps, tombstones."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from storehelp import add_loop, contact_of, event_of, process, round_of, titles

from planner.models import ProcessStatus, RoundKind, Settings
from storage import codec
from storage.codec import SCHEMA_VERSION
from storage.errors import NotFoundError
from storage.repository import Repository


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_open_does_not_create_the_file_and_the_first_write_does(db_path: Path) -> None:
    repo = Repository.open(db_path)

    assert repo.read_only is None
    assert repo.loops() == []
    assert not db_path.parent.exists()

    add_loop(db_path)

    data = read_json(db_path)
    assert data["meta"] == {"schema": {"schema_version": SCHEMA_VERSION}}
    assert db_path.read_bytes().endswith(b"}\n")


def test_loops_come_back_with_their_parts_in_a_new_instance(db_path: Path) -> None:
    acme = add_loop(db_path, "Acme", "ML Engineer")
    add_loop(db_path, "Borealis", "Infra")

    repo = Repository.open(db_path)
    loop = repo.loop(acme.id)

    assert titles(repo) == ["Acme / ML Engineer", "Borealis / Infra"]
    assert loop.process == acme
    assert [r.kind for r in loop.rounds] == [RoundKind.SCREEN]
    assert [c.name for c in loop.contacts] == ["Priya Rao"]
    assert [e.text for e in loop.events] == ["Sent my availability"]


def test_times_are_stored_as_hours_and_minutes(db_path: Path) -> None:
    repo = Repository.open(db_path)
    parent = process()
    with repo.transaction("add") as tx:
        tx.put(parent)
        tx.put(round_of(parent, date=dt.date(2026, 3, 20), time=dt.time(14, 0)))

    stored = next(iter(read_json(db_path)["rounds"].values()))
    assert stored["time"] == "14:00"
    assert stored["date"] == "2026-03-20"
    assert Repository.open(db_path).loop(parent.id).rounds[0].time == dt.time(14, 0)


def test_closed_loops_are_listed_only_when_asked(db_path: Path) -> None:
    repo = Repository.open(db_path)
    with repo.transaction("add") as tx:
        tx.put(process("Acme", "Open"))
        tx.put(process("Acme", "Shut", status=ProcessStatus.CLOSED))

    assert titles(repo) == ["Acme / Open"]
    assert titles(repo, include_closed=True) == ["Acme / Open", "Acme / Shut"]


def test_a_put_stamps_only_the_fields_whose_value_changed(db_path: Path) -> None:
    acme = add_loop(db_path)
    first = read_json(db_path)["processes"][acme.id]["_stamps"]

    repo = Repository.open(db_path)
    with repo.transaction("level") as tx:
        tx.put(acme.model_copy(update={"level": "Staff"}))

    second = read_json(db_path)["processes"][acme.id]["_stamps"]
    assert set(first) == set(second)
    assert {f for f in second if second[f] != first[f]} == {"level"}
    assert second["level"] > first["level"]


def test_a_put_with_nothing_changed_writes_nothing(db_path: Path) -> None:
    acme = add_loop(db_path)
    before = db_path.read_bytes()
    repo = Repository.open(db_path)

    with repo.transaction("no-op") as tx:
        tx.put(acme)

    assert db_path.read_bytes() == before
    assert repo.undo_label() == "add loop Acme / ML Engineer"


def test_deleting_a_loop_tombstones_it_and_everything_in_it(db_path: Path) -> None:
    acme = add_loop(db_path, "Acme", "ML Engineer")
    add_loop(db_path, "Borealis", "Infra")
    repo = Repository.open(db_path)

    with repo.transaction("delete") as tx:
        tx.delete(acme)

    data = read_json(db_path)
    mine = [
        record
        for table in ("rounds", "contacts", "events")
        for record in data[table].values()
        if record["process_id"] == acme.id
    ]
    assert data["processes"][acme.id]["_deleted"] is not None
    assert len(mine) == 3 and all(record["_deleted"] for record in mine)
    assert titles(Repository.open(db_path), include_closed=True) == ["Borealis / Infra"]
    with pytest.raises(NotFoundError):
        Repository.open(db_path).loop(acme.id)


def test_deleting_a_round_leaves_its_loop(db_path: Path) -> None:
    repo = Repository.open(db_path)
    parent = process()
    screen, tech = round_of(parent), round_of(parent, RoundKind.TECH)
    with repo.transaction("add") as tx:
        for record in (parent, screen, tech, contact_of(parent), event_of(parent)):
            tx.put(record)
    with repo.transaction("drop screen") as tx:
        tx.delete(screen)

    loop = Repository.open(db_path).loop(parent.id)
    assert [r.kind for r in loop.rounds] == [RoundKind.TECH]
    assert len(loop.contacts) == 1


def test_unknown_metadata_keys_survive_a_rewrite(db_path: Path) -> None:
    acme = add_loop(db_path)
    data = read_json(db_path)
    conflict = {"field": "level", "value": "L5", "stamp": "0000000000001-0000-other"}
    data["processes"][acme.id]["_conflicts"] = [conflict]
    db_path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    repo = Repository.open(db_path)
    with repo.transaction("level") as tx:
        tx.put(acme.model_copy(update={"level": "Staff"}))

    assert read_json(db_path)["processes"][acme.id]["_conflicts"] == [conflict]
    assert repo.conflicts(acme.id) == [conflict]
    assert repo.conflicts(repo.loop(acme.id).rounds[0].id) == []
    assert repo.conflicts("no-such-id") == []


def test_a_hand_edited_conflicts_value_reads_as_none(db_path: Path) -> None:
    acme = add_loop(db_path)
    data = read_json(db_path)
    data["processes"][acme.id]["_conflicts"] = 3
    db_path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    assert Repository.open(db_path).conflicts(acme.id) == []


def test_settings_default_then_persist(db_path: Path) -> None:
    repo = Repository.open(db_path)
    assert repo.settings() == Settings()

    with repo.transaction("settings") as tx:
        tx.put_settings(Settings(follow_up_days=5))
    assert Repository.open(db_path).settings().follow_up_days == 5

    first = read_json(db_path)["settings"]["settings"]["_stamps"]
    with repo.transaction("settings") as tx:
        tx.put_settings(Settings(follow_up_days=5, cooling_days=20))

    second = read_json(db_path)["settings"]["settings"]["_stamps"]
    assert Repository.open(db_path).settings().cooling_days == 20
    assert {f for f in second if second[f] != first[f]} == {"cooling_days"}


def test_an_exception_inside_a_transaction_writes_nothing(db_path: Path) -> None:
    add_loop(db_path)
    before = db_path.read_bytes()
    repo = Repository.open(db_path)

    with pytest.raises(RuntimeError), repo.transaction("broken") as tx:
        tx.put(process("Never", "Saved"))
        raise RuntimeError("user cancelled")

    assert db_path.read_bytes() == before
    assert titles(repo) == ["Acme / ML Engineer"]


def test_a_schema_1_file_reads_as_is_and_its_first_write_upgrades_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 2 added `expect` to log entries; a schema 1 file lacks nothing.

    The first write stamps 2, keeping the other meta keys, so a loopdeck that
    only knows schema 1 then says "upgrade" instead of rejecting a field it
    does not know as damage.
    """
    acme = add_loop(db_path)
    data = read_json(db_path)
    data["meta"] = {"schema": {"schema_version": 1, "demo_anchor": "2026-03-16"}}
    db_path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    repo = Repository.open(db_path)
    assert repo.read_only is None
    assert [e.expect for e in repo.loop(acme.id).events] == [None]
    assert read_json(db_path)["meta"]["schema"]["schema_version"] == 1  # reading writes nothing
    with repo.transaction("rename") as tx:
        tx.put(repo.loop(acme.id).process.model_copy(update={"role": "Staff ML Engineer"}))

    assert read_json(db_path)["meta"] == {
        "schema": {"schema_version": SCHEMA_VERSION, "demo_anchor": "2026-03-16"}
    }
    monkeypatch.setattr(codec, "SCHEMA_VERSION", 1)  # a loopdeck from before the upgrade
    older = Repository.open(db_path)
    assert older.read_only is not None
    assert f"written by a newer loopdeck (schema {SCHEMA_VERSION}" in older.read_only
