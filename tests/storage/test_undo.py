"""Undo: the journal beside the file, read by a fresh instance (as `loopdeck undo` does)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from storehelp import add_loop, process, titles

from storage.jsonfile import Written
from storage.repository import Repository
from storage.undo import JOURNAL_SIZE, UndoJournal, Undone, journal_path


def stamps(path: Path, table: str, record_id: str) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))[table][record_id]["_stamps"]


def test_undo_in_a_new_instance_reverts_the_last_edit_then_the_add(db_path: Path) -> None:
    acme = add_loop(db_path)
    repo = Repository.open(db_path)
    with repo.transaction("set level of Acme") as tx:
        tx.put(acme.model_copy(update={"level": "Staff"}))
    edited = stamps(db_path, "processes", acme.id)

    later = Repository.open(db_path)
    assert later.undo() == Undone("set level of Acme")
    assert Repository.open(db_path).loop(acme.id).process.level == ""
    assert stamps(db_path, "processes", acme.id)["level"] > edited["level"]

    assert Repository.open(db_path).undo() == Undone("add loop Acme / ML Engineer")
    assert titles(Repository.open(db_path), include_closed=True) == []


def test_nothing_to_undo_returns_none_and_writes_nothing(db_path: Path) -> None:
    add_loop(db_path)
    repo = Repository.open(db_path)
    assert repo.undo() == Undone("add loop Acme / ML Engineer")
    after_undo = db_path.read_bytes()

    assert repo.undo() is None
    assert Repository.open(db_path).undo() is None
    assert db_path.read_bytes() == after_undo


def test_undoing_a_delete_brings_the_loop_back_whole(db_path: Path) -> None:
    acme = add_loop(db_path)
    repo = Repository.open(db_path)
    with repo.transaction("delete Acme") as tx:
        tx.delete(acme)
    assert titles(repo) == []

    assert Repository.open(db_path).undo() == Undone("delete Acme")

    loop = Repository.open(db_path).loop(acme.id)
    assert (len(loop.rounds), len(loop.contacts), len(loop.events)) == (1, 1, 1)
    assert stamps(db_path, "processes", acme.id)["_deleted"]


def test_undo_keeps_what_a_pull_brought_in_meanwhile(db_path: Path) -> None:
    acme = add_loop(db_path)
    repo = Repository.open(db_path)
    with repo.transaction("set level") as tx:
        tx.put(acme.model_copy(update={"level": "Staff"}))
    pulled = db_path.with_name("pulled.json")
    shutil.copy(db_path, pulled)
    laptop = Repository.open(pulled)
    with laptop.transaction("set location") as tx:
        tx.put(laptop.loop(acme.id).process.model_copy(update={"location": "Berlin"}))
    os.replace(pulled, db_path)

    assert repo.undo() == Undone("set level")

    stored = Repository.open(db_path).loop(acme.id).process
    assert (stored.level, stored.location) == ("", "Berlin")


def test_the_journal_keeps_the_last_transactions_only(db_path: Path) -> None:
    repo = Repository.open(db_path)
    for number in range(JOURNAL_SIZE + 5):
        with repo.transaction(f"add {number}") as tx:
            tx.put(process(f"Company {number}", "Role"))

    journal = json.loads(journal_path(db_path).read_text(encoding="utf-8"))["entries"]
    assert len(journal) == JOURNAL_SIZE
    assert journal[0]["label"] == "add 5"
    assert repo.undo_label() == f"add {JOURNAL_SIZE + 4}"


def test_undo_on_a_new_path_creates_nothing(db_path: Path) -> None:
    assert Repository.open(db_path).undo() is None
    assert not db_path.parent.exists()


def test_a_damaged_journal_means_no_history_not_a_crash(db_path: Path) -> None:
    add_loop(db_path)
    journal_path(db_path).write_text("{ not json", encoding="utf-8")
    before = db_path.read_bytes()

    assert Repository.open(db_path).undo() is None
    assert db_path.read_bytes() == before


def test_the_journal_remembers_our_last_write_until_someone_else_writes(db_path: Path) -> None:
    add_loop(db_path)
    journal = UndoJournal(db_path)
    assert journal.written() == Written.of(os.stat(db_path))

    db_path.write_bytes(db_path.read_bytes().replace(b'"Acme"', b'"Acmf"'))

    assert journal.written() != Written.of(os.stat(db_path))
    assert titles(Repository.open(db_path)) == ["Acmf / ML Engineer"]
