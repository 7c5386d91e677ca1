"""A process killed at any step of a write leaves the old or the new file, never a broken one.

A real child process saves a second loop and dies (`os._exit`) at one step of
the atomic write: halfway through writing the temp file, before its fsync,
before or after `os.replace`, after the folder fsync. The parent then checks
that the file parses to exactly the old or the new content, and that the next
open sweeps away the temp file the crash left behind.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from storehelp import add_loop, titles

from storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
CRASHED = 77

CHILD = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from storehelp import process
from storage.repository import Repository

path, step = Path(sys.argv[1]), sys.argv[2]
real_write, real_fsync, real_replace = os.write, os.fsync, os.replace
fsyncs = []

def write(fd, data):
    if step == "mid-temp-write":
        real_write(fd, bytes(data[: len(data) // 2]))
        os._exit(77)
    return real_write(fd, data)

def fsync(fd):
    fsyncs.append(fd)
    if step == "before-fsync":
        os._exit(77)
    real_fsync(fd)
    if step == "after-folder-fsync" and len(fsyncs) == 2:
        os._exit(77)

def replace(src, dst):
    if step == "before-replace":
        os._exit(77)
    real_replace(src, dst)
    if step == "after-replace":
        os._exit(77)

repo = Repository.open(path)
os.write, os.fsync, os.replace = write, fsync, replace
with repo.transaction("add loop") as tx:
    tx.put(process("Borealis", "Infra"))
"""

OLD = ["Acme / ML Engineer"]
NEW = ["Acme / ML Engineer", "Borealis / Infra"]
STEPS = {
    "mid-temp-write": OLD,
    "before-fsync": OLD,
    "before-replace": OLD,
    "after-replace": NEW,
    "after-folder-fsync": NEW,
}


def stale_temps(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("step", STEPS)
def test_a_write_killed_at_each_step_leaves_a_whole_file(db_path: Path, step: str) -> None:
    add_loop(db_path)

    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), step, str(Path(__file__).parent)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert child.returncode == CRASHED, child.stderr
    if STEPS[step] == OLD:
        assert len(stale_temps(db_path)) == 1
    repo = Repository.open(db_path)
    assert repo.read_only is None
    assert titles(repo) == STEPS[step]
    assert stale_temps(db_path) == []


def test_the_child_saves_when_nothing_kills_it(db_path: Path) -> None:
    """The harness itself works: without a crash step the second loop is saved."""
    add_loop(db_path)

    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), "none", str(Path(__file__).parent)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert child.returncode == 0, child.stderr
    assert titles(Repository.open(db_path)) == NEW


JOURNAL_CHILD = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from storehelp import process
from storage.repository import Repository

real_replace = os.replace

def replace(src, dst):
    if str(dst).endswith(".undo.json"):
        os._exit(77)
    real_replace(src, dst)

repo = Repository.open(Path(sys.argv[1]))
os.replace = replace
with repo.transaction("add loop") as tx:
    tx.put(process("Borealis", "Infra"))
"""


def test_the_temp_file_of_a_killed_undo_journal_write_is_swept_on_the_next_open(
    db_path: Path,
) -> None:
    add_loop(db_path)

    child = subprocess.run(
        [sys.executable, "-c", JOURNAL_CHILD, str(db_path), str(Path(__file__).parent)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert child.returncode == CRASHED, child.stderr
    assert [name.startswith(".loopdeck.undo.json.") for name in stale_temps(db_path)] == [True]
    Repository.open(db_path)
    assert stale_temps(db_path) == []
