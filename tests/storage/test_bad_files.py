"""Every kind of bad data file opens read-only with one clear sentence and stays byte-identical.

Each case also tries to write (a transaction and an undo): both must be refused
with `ReadOnlyError` and leave the file exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from storehelp import add_loop, process

from storage.codec import SCHEMA_VERSION
from storage.errors import ReadOnlyError
from storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
Spoil = Callable[[Path], bytes]


def good_file(path: Path) -> dict:
    add_loop(path)
    return json.loads(path.read_text(encoding="utf-8"))


def dump(data: dict) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode()


def truncated(path: Path) -> bytes:
    good_file(path)
    return path.read_bytes()[:-200]


def conflicted(path: Path) -> bytes:
    good_file(path)
    lines = path.read_bytes().splitlines(keepends=True)
    ours, theirs = lines[5], lines[5].replace(b"Acme", b"Acme Corp")
    markers = [b"<<<<<<< HEAD\n", ours, b"=======\n", theirs, b">>>>>>> theirs\n"]
    return b"".join([*lines[:5], *markers, *lines[6:]])


def duplicate_key(path: Path) -> bytes:
    good_file(path)
    return path.read_bytes().replace(b'"company": "Acme",', b'"company": "Acme",\n"company": "X",')


def wrong_type(path: Path) -> bytes:
    data = good_file(path)
    for record in data["rounds"].values():
        record["date"] = "next friday"
    return dump(data)


def unknown_field(path: Path) -> bytes:
    data = good_file(path)
    for record in data["processes"].values():
        record["colour"] = "blue"
    return dump(data)


def newer_schema(path: Path) -> bytes:
    data = good_file(path)
    data["meta"]["schema"]["schema_version"] = SCHEMA_VERSION + 1
    return dump(data)


def no_schema(path: Path) -> bytes:
    data = good_file(path)
    del data["meta"]
    return dump(data)


def record_not_an_object(path: Path) -> bytes:
    data = good_file(path)
    for record_id in data["events"]:
        data["events"][record_id] = "see notes"
    return dump(data)


def bad_stamps(path: Path) -> bytes:
    data = good_file(path)
    for record in data["contacts"].values():
        record["_stamps"] = ["not", "a", "map"]
    return dump(data)


def top_level_list(path: Path) -> bytes:
    return b"[]\n"


def empty(path: Path) -> bytes:
    return b""


CASES: dict[str, tuple[Spoil, str]] = {
    "truncated": (truncated, "loopdeck.json ends too early (truncated)"),
    "conflict markers": (conflicted, "loopdeck.json line 6: git conflict markers"),
    "duplicate keys": (duplicate_key, "key 'company' appears twice"),
    "wrong types": (wrong_type, "has a wrong 'date' (Input should be a valid date"),
    "unknown field": (unknown_field, "has a wrong 'colour' (Extra inputs are not permitted"),
    "newer schema": (newer_schema, f"written by a newer loopdeck (schema {SCHEMA_VERSION + 1}"),
    "no schema": (no_schema, "has no schema version"),
    "not an object": (top_level_list, "does not hold a JSON object"),
    "record not an object": (record_not_an_object, "table 'events' is not a set of records"),
    "bad stamps": (bad_stamps, "has a malformed '_stamps'"),
    "empty": (empty, "loopdeck.json is empty"),
}


def assert_refuses_writes(repo: Repository, path: Path, before: bytes) -> None:
    with pytest.raises(ReadOnlyError), repo.transaction("add") as tx:
        tx.put(process("Never", "Written"))
    with pytest.raises(ReadOnlyError):
        repo.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_bad_file_opens_read_only_and_is_never_rewritten(db_path: Path, case: str) -> None:
    spoil, expected = CASES[case]
    db_path.parent.mkdir(parents=True, exist_ok=True)
    content = spoil(db_path)
    db_path.write_bytes(content)

    repo = Repository.open(db_path)

    assert repo.read_only is not None
    assert expected in repo.read_only
    assert repo.read_only.endswith("(opened read-only)")
    assert "\n" not in repo.read_only
    assert_refuses_writes(repo, db_path, content)


def test_a_file_that_goes_bad_underneath_blocks_the_next_write(db_path: Path) -> None:
    add_loop(db_path)
    repo = Repository.open(db_path)
    broken = conflicted(db_path.with_name("other.json"))
    db_path.write_bytes(broken)

    with pytest.raises(ReadOnlyError, match="git conflict markers"), repo.transaction("x") as tx:
        tx.put(process("Never", "Written"))

    assert db_path.read_bytes() == broken
    assert [loop.process.company for loop in repo.loops()] == ["Acme"]


def test_a_repaired_file_becomes_writable_again_on_reload(db_path: Path) -> None:
    add_loop(db_path)
    good = db_path.read_bytes()
    db_path.write_bytes(good[:-100])
    repo = Repository.open(db_path)
    assert repo.read_only is not None

    db_path.write_bytes(good)

    assert repo.reload_if_changed() is True
    assert repo.read_only is None
    assert repo.reload_if_changed() is False


def test_a_folder_that_cannot_be_created_means_read_only(tmp_path: Path) -> None:
    blocker = tmp_path / "notes"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    path = blocker / "loops" / "loopdeck.json"

    repo = Repository.open(path)

    assert repo.read_only == (
        "cannot create the folder for loopdeck.json: notes is a file; opened read-only"
    )
    with pytest.raises(ReadOnlyError), repo.transaction("add") as tx:
        tx.put(process())
    assert blocker.read_text(encoding="utf-8") == "a file where a folder should be\n"


def test_a_path_that_is_a_folder_cannot_be_read(db_path: Path) -> None:
    db_path.mkdir(parents=True)

    repo = Repository.open(db_path)

    assert repo.read_only is not None
    assert repo.read_only.startswith("cannot read loopdeck.json (Is a directory)")


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder anyone can read (pytest's tmp is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="loopdeck-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


CHILD = """
import os, sys
from pathlib import Path
from storage.codec import SCHEMA_VERSION
from storage.errors import ReadOnlyError
from storage.repository import Repository
from planner.models import Process
import storage.lockfile  # imported by the first write; validators are built on first use:
Process(company="Warm", role="Up", created_on="2026-03-16")  # both need the stdlib
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
repo = Repository.open(Path(sys.argv[1]))
print(repo.read_only)
try:
    with repo.transaction("add") as tx:
        tx.put(Process(company="Never", role="Written", created_on="2026-03-16"))
except ReadOnlyError:
    print("refused")
"""


def test_a_file_without_write_permission_opens_read_only(shared_folder: Path) -> None:
    """Root ignores permission bits, so a root child drops to an unprivileged user first.

    It imports everything before dropping privileges: the interpreter may sit
    in a folder only root can read.
    """
    path = shared_folder / "data" / "loopdeck.json"
    add_loop(path)
    path.parent.chmod(0o755)
    before = path.read_bytes()
    if os.geteuid() != 0:
        path.chmod(0o444)

    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(shared_folder)},
        capture_output=True,
        text=True,
        check=True,
    )

    assert child.stdout.splitlines() == [
        "loopdeck.json is not writable (permission denied); opened read-only",
        "refused",
    ]
    assert path.read_bytes() == before


def test_a_file_marked_read_only_is_not_written_even_by_root(db_path: Path) -> None:
    """chmod a-w says "leave it alone"; root could write anyway, loopdeck does not."""
    add_loop(db_path)
    db_path.chmod(0o444)
    before = db_path.read_bytes()

    repo = Repository.open(db_path)

    assert repo.read_only is not None and repo.read_only.endswith("opened read-only")
    with pytest.raises(ReadOnlyError), repo.transaction("add") as tx:
        tx.put(process("Never"))
    assert db_path.read_bytes() == before
    db_path.chmod(0o644)
