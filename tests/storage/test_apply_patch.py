"""`Repository.apply`: a change's writes land field by field, whatever the loaded copy says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storehelp import add_loop, process, round_of

from planner.changes.base import Insert, Patch, Remove, Update, update
from planner.models import Owner, ProcessStatus, RoundKind
from storage.errors import StorageError
from storage.repository import Repository


def stored(path: Path, table: str, record_id: str) -> dict[str, object]:
    record: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))[table][record_id]
    return record


def test_an_insert_writes_the_whole_record_as_one_undo_step(db_path: Path) -> None:
    repo = Repository.open(db_path)
    acme = process()
    screen = round_of(acme, RoundKind.SCREEN)
    repo.apply(Patch("add loop Acme", (Insert(acme), Insert(screen)), "Added"))

    assert stored(db_path, "processes", acme.id)["company"] == "Acme"
    assert stored(db_path, "rounds", screen.id)["kind"] == "screen"
    assert repo.undo_label() == "add loop Acme"
    assert repo.undo().label == "add loop Acme"
    assert Repository.open(db_path).loops(include_closed=True) == []


def test_an_update_writes_only_the_fields_it_names(db_path: Path) -> None:
    acme = add_loop(db_path)
    repo = Repository.open(db_path)
    before = stored(db_path, "processes", acme.id)["_stamps"]
    assert isinstance(before, dict)
    # The record says level "Staff" too, but the change only names the location.
    edited = acme.model_copy(update={"level": "Staff", "location": "Berlin"})
    repo.apply(Patch("location", (Update(edited, frozenset({"location"})),), "Moved"))

    record = stored(db_path, "processes", acme.id)
    assert (record["level"], record["location"]) == ("", "Berlin")
    stamps = record["_stamps"]
    assert isinstance(stamps, dict)
    changed = {name for name in stamps if stamps[name] != before.get(name)}
    assert changed == {"location"}


def test_the_round_time_is_stored_as_typed(db_path: Path) -> None:
    acme = add_loop(db_path)
    repo = Repository.open(db_path)
    screen = repo.loop(acme.id).rounds[0]
    (write,) = update(screen, time="09:30")
    repo.apply(Patch("time", (write,), "Timed"))
    assert stored(db_path, "rounds", screen.id)["time"] == "09:30"


def test_a_remove_tombstones_a_loop_with_its_rounds_and_undo_brings_them_back(
    db_path: Path,
) -> None:
    acme = add_loop(db_path)
    repo = Repository.open(db_path)
    screen = repo.loop(acme.id).rounds[0]
    repo.apply(Patch("delete Acme", (Remove(acme),), "Deleted"))

    assert stored(db_path, "processes", acme.id)["_deleted"] is not None
    assert stored(db_path, "rounds", screen.id)["_deleted"] is not None
    assert Repository.open(db_path).loops(include_closed=True) == []

    assert Repository.open(db_path).undo().label == "delete Acme"
    back = Repository.open(db_path).loop(acme.id)
    assert [r.id for r in back.rounds] == [screen.id]
    assert len(back.contacts) == len(back.events) == 1


def test_a_form_saved_after_another_process_changed_the_loop_keeps_that_change(
    db_path: Path,
) -> None:
    """The form opened on the loop as it was; a hold came from another process; the
    form saves the owner. The hold survives, whether or not this repository reloaded."""
    acme = add_loop(db_path)
    app = Repository.open(db_path)
    opened = app.loop(acme.id).process  # the owner form opens on this copy

    shell = Repository.open(db_path)  # `loopdeck hold` from another shell
    shell.apply(Patch("hold", update(opened, status=ProcessStatus.ON_HOLD), "Held"))

    app.reload_if_changed()  # the app's watcher took the change in meanwhile
    saved = update(opened, owner_override=Owner.HIRING_MANAGER, override_note="Maya said Friday")
    app.apply(Patch("owner", saved, "Owner set"))

    final = Repository.open(db_path).loop(acme.id).process
    assert final.status == ProcessStatus.ON_HOLD
    assert (final.owner_override, final.override_note) == (Owner.HIRING_MANAGER, "Maya said Friday")


def test_a_stale_repository_that_never_reloaded_keeps_the_other_change_too(
    db_path: Path,
) -> None:
    acme = add_loop(db_path)
    app = Repository.open(db_path)
    opened = app.loop(acme.id).process
    Repository.open(db_path).apply(
        Patch("hold", update(opened, status=ProcessStatus.ON_HOLD), "Held")
    )
    app.apply(Patch("level", update(opened, level="Staff"), "Level"))

    final = Repository.open(db_path).loop(acme.id).process
    assert (final.status, final.level) == (ProcessStatus.ON_HOLD, "Staff")


def test_an_update_of_a_record_deleted_meanwhile_is_refused_and_writes_nothing(
    db_path: Path,
) -> None:
    acme = add_loop(db_path)
    app = Repository.open(db_path)
    opened = app.loop(acme.id).process
    Repository.open(db_path).apply(Patch("delete", (Remove(opened),), "Deleted"))
    before = db_path.read_bytes()

    with pytest.raises(StorageError, match="deleted meanwhile"):
        app.apply(Patch("level", update(opened, level="Staff"), "Level"))
    assert db_path.read_bytes() == before
    with pytest.raises(StorageError, match="deleted meanwhile"):
        app.apply(Patch("delete again", (Remove(opened),), "Deleted"))
    assert db_path.read_bytes() == before


def test_an_empty_patch_writes_nothing(db_path: Path) -> None:
    add_loop(db_path)
    before = db_path.read_bytes()
    repo = Repository.open(db_path)
    repo.apply(Patch("nothing", (), "Nothing changed"))
    assert db_path.read_bytes() == before
    assert repo.undo_label() == "add loop Acme / ML Engineer"
