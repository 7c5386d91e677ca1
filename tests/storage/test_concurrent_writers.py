"""Two windows, two processes, or a `git pull` changing the file: no write is ever lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from storehelp import add_loop, process, titles

from storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]


def test_two_instances_writing_alternately_lose_nothing(db_path: Path) -> None:
    first, second = Repository.open(db_path), Repository.open(db_path)
    for number in range(3):
        for name, repo in (("first", first), ("second", second)):
            with repo.transaction("add") as tx:
                tx.put(process(f"{name} {number}", "Role"))

    expected = sorted(f"{name} {n} / Role" for n in range(3) for name in ("first", "second"))
    assert titles(Repository.open(db_path)) == expected
    assert first.reload_if_changed() is True
    assert titles(first) == expected


def test_stale_copies_editing_different_fields_of_one_loop_both_win(db_path: Path) -> None:
    acme = add_loop(db_path)
    first, second = Repository.open(db_path), Repository.open(db_path)

    with first.transaction("level") as tx:
        tx.put(first.loop(acme.id).process.model_copy(update={"level": "Staff"}))
    with second.transaction("location") as tx:
        tx.put(second.loop(acme.id).process.model_copy(update={"location": "Berlin"}))

    stored = Repository.open(db_path).loop(acme.id).process
    assert (stored.level, stored.location) == ("Staff", "Berlin")
    assert second.loop(acme.id).process.level == "Staff"


def test_a_file_replaced_underneath_before_a_write_loses_nothing(db_path: Path) -> None:
    add_loop(db_path, "Acme", "ML Engineer")
    repo = Repository.open(db_path)
    pulled = db_path.with_name("pulled.json")
    shutil.copy(db_path, pulled)
    add_loop(pulled, "Pulled", "From Laptop")
    os.replace(pulled, db_path)

    with repo.transaction("add") as tx:
        tx.put(process("Mine", "Local"))

    assert titles(Repository.open(db_path)) == [
        "Acme / ML Engineer",
        "Mine / Local",
        "Pulled / From Laptop",
    ]


def test_reload_if_changed_sees_another_window(db_path: Path) -> None:
    add_loop(db_path, "Acme", "ML Engineer")
    repo = Repository.open(db_path)
    assert repo.reload_if_changed() is False

    add_loop(db_path, "Borealis", "Infra")

    assert repo.reload_if_changed() is True
    assert titles(repo) == ["Acme / ML Engineer", "Borealis / Infra"]


WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from storehelp import process
from storage.repository import Repository
repo = Repository.open(Path(sys.argv[1]))
for number in range(15):
    with repo.transaction("add") as tx:
        tx.put(process(f"{sys.argv[2]} {number:02d}", "Role"))
"""


def test_two_processes_writing_at_once_serialize_on_the_lock(db_path: Path) -> None:
    add_loop(db_path)
    here = str(Path(__file__).parent)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), name, here],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=60)
        assert writer.returncode == 0, errors

    names = titles(Repository.open(db_path))
    assert len(names) == 31
    assert {f"{side} {n:02d} / Role" for side in ("left", "right") for n in range(15)} < set(names)
