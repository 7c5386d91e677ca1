"""A sync killed midway is followed by one that recovers, or names the exact file to remove.

A killed git command leaves its lock file behind (`.git/index.lock`, a ref's
`.lock`), and git's own advice is "remove the file manually to continue"
without saying which. Each sync here is the real command in its own process
group, killed with SIGKILL at a random moment, git children and the merge
driver included; the next sync must succeed, or fail naming a file that
exists, after whose removal it succeeds. Nothing written is lost.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gitfarm import Farm, Machine

from storage.gitcmd import SyncError

ROOT = Path(__file__).resolve().parents[2]
LOOPDECK = "import sys; from tui.cli.main import main; sys.exit(main())"
NAMED = re.compile(r"remove (?P<path>/.+?) and sync again")


def sync_process(machine: Machine) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", LOOPDECK, "--db", str(machine.path), "sync"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: git and the merge driver die with it
    )


def sync_until_done(machine: Machine) -> list[Path]:
    """Sync; on a failure that names a file, remove that file and sync again. What was removed."""
    removed: list[Path] = []
    for _ in range(4):
        try:
            machine.sync()
            return removed
        except SyncError as error:
            named = NAMED.search(str(error))
            assert named is not None, f"names no file to remove: {error}"
            path = Path(named.group("path"))
            assert path.exists(), f"names a file that is not there: {error}"
            path.unlink()
            removed.append(path)
    raise AssertionError("still failing after removing what it named")


def test_a_leftover_index_lock_is_named_exactly(farm: Farm) -> None:
    laptop = farm.clone("laptop")
    acme = laptop.add("Acme")
    laptop.sync()
    laptop.edit(acme.id, notes="after the crash")
    lock = laptop.root / ".git" / "index.lock"
    lock.write_bytes(b"")

    with pytest.raises(SyncError) as failed:
        laptop.sync()

    assert str(failed.value) == (
        f"git add failed: {lock} exists: another git command is running in {laptop.root}, "
        f"or one was stopped midway; if none is running, remove {lock} and sync again"
    )
    assert sync_until_done(laptop) == [lock]
    assert laptop.status() == ""


@pytest.mark.slow
def test_a_sync_killed_at_random_points_is_recovered_or_names_the_file_to_remove(
    farm: Farm,
) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    for n in range(60):  # enough for git and the merge driver to take a moment
        laptop.add(f"Company {n:02d}")
    laptop.sync()
    desktop.sync()
    mine = [loop.process.id for loop in laptop.repo().loops()]
    desktop.add("Initech")
    desktop.sync()
    laptop.edit(mine[-1], notes="timed")
    started = time.monotonic()
    assert sync_process(laptop).wait() == 0  # commit, pull with a merge, push: the whole way
    whole = time.monotonic() - started
    pick = random.Random(11)
    moments = [whole * pick.uniform(0.3, 1.0) for _ in range(10)]

    removed: list[Path] = []
    for n, moment in enumerate(moments):
        desktop.add(f"Desktop {n:02d}")
        desktop.sync()
        laptop.edit(mine[n], notes=f"laptop {n}")
        child = sync_process(laptop)
        time.sleep(moment)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        removed += sync_until_done(laptop)

    desktop.sync()
    laptop.sync()
    assert laptop.path.read_bytes() == desktop.path.read_bytes()
    loops = {loop.process.company: loop.process for loop in desktop.repo().loops()}
    assert {f"Desktop {n:02d}" for n in range(len(moments))} <= loops.keys()
    notes = {p.notes for p in loops.values() if p.id in mine}
    assert {f"laptop {n}" for n in range(len(moments))} <= notes
    assert laptop.status() == desktop.status() == ""
    assert all(path.name.endswith(".lock") for path in removed)
