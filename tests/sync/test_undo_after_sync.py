"""Undo after a sync never drops a newer edit from another machine (compare-and-set).

Undo puts a field back only while it still holds the value the undone change
wrote. A field another machine wrote since, brought here by a sync, keeps
that newer value, and undo says which field moved on and who moved it.
"""

from __future__ import annotations

import pytest
from gitfarm import Farm, Machine

from tui.cli.main import main


def loopdeck(capsys: pytest.CaptureFixture[str], machine: Machine, *args: str) -> str:
    capsys.readouterr()
    code = main(["--db", str(machine.path), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def override(machine: Machine, process_id: str) -> tuple[object, object]:
    record = machine.record(process_id)
    return record.get("owner_override"), record.get("override_note")


def test_undo_after_a_sync_keeps_the_newer_override_from_the_other_machine(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = farm.clone("a"), farm.clone("b")
    acme = a.add("Acme")
    a.sync()
    loopdeck(capsys, a, "owner", "acme", "me", "--note", "A")
    a.sync()
    b.sync()
    loopdeck(capsys, b, "owner", "acme", "hiring_manager", "--note", "B")
    b.sync()
    a.sync()

    out = loopdeck(capsys, a, "undo")
    a.sync()
    b.sync()

    assert override(a, acme.id) == override(b, acme.id) == ("hiring_manager", "B")
    assert out.splitlines()[0] == "Undid nothing of: owner of Acme / ML Engineer: me"
    kept = out.splitlines()[1:]
    assert len(kept) == 2 and all("brought here by a sync" in line for line in kept)
    assert any(line.startswith("Kept the newer owner_override of Acme") for line in kept)
    assert a.path.read_bytes() == b.path.read_bytes()


def test_undo_reverts_the_fields_nobody_touched_and_keeps_the_one_that_moved_on(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = farm.clone("a"), farm.clone("b")
    acme = a.add("Acme")
    a.sync()
    b.sync()
    a.edit(acme.id, level="L5", location="Berlin")
    a.sync()
    b.sync()
    b.edit(acme.id, location="Remote")
    b.sync()
    a.sync()

    out = loopdeck(capsys, a, "undo")

    record = a.record(acme.id)
    assert (record["level"], record["location"]) == ("", "Remote")
    assert out.splitlines()[0] == "Undid: edit"
    replica_b = (b.root / ".git" / "loopdeck-replica").read_text().strip()
    assert out.splitlines()[1] == (
        "Kept the newer location of Acme / ML Engineer "
        f"(written on replica {replica_b} since, brought here by a sync)"
    )


def test_undoing_twice_in_a_row_takes_back_both_changes(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    a = farm.clone("a")
    acme = a.add("Acme")
    a.edit(acme.id, level="L5")
    a.edit(acme.id, level="L6")

    assert loopdeck(capsys, a, "undo") == "Undid: edit\n"
    assert loopdeck(capsys, a, "undo") == "Undid: edit\n"
    assert loopdeck(capsys, a, "undo") == "Undid: add Acme\n"
    assert a.record(acme.id)["_deleted"] is not None
