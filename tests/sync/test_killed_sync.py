"""A sync killed midway is followed by one that recovers, or names the exact file to remove.

A killed git command leaves its lock file behind (`.git/index.lock`, a ref's
`.lock`), and git's own advice is "remove the file manually to continue"
without saying which. Each sync here is the real command in its own process
group, killed with SIGKILL at a random moment, git children and the merge
driver included (and, for a push to a remote on the same disk, the git writing
into the remote); the next sync, on this machine or another sharing the remote,
must succeed, or fail naming a file that exists, after whose removal it
succeeds. Nothing written is lost.
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
from gitfarm import Farm, Machine, git

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


def refusal(machine: Machine) -> str:
    """What the machine's next sync refuses with (it must refuse)."""
    with pytest.raises(SyncError) as failed:
        machine.sync()
    return str(failed.value)


def names(lock: Path, folder: Path) -> str:
    """How a sync names a lock a killed git left in `folder`, and what to do about it."""
    return (
        f"{lock} exists: another git command is running in {folder}, or one was stopped "
        f"midway; if none is running, remove {lock} and sync again"
    )


def test_a_leftover_index_lock_is_named_exactly(farm: Farm) -> None:
    laptop = farm.clone("laptop")
    acme = laptop.add("Acme")
    laptop.sync()
    laptop.edit(acme.id, notes="after the crash")
    lock = laptop.root / ".git" / "index.lock"
    lock.write_bytes(b"")

    assert refusal(laptop) == f"git add failed: {names(lock, laptop.root)}"
    assert sync_until_done(laptop) == [lock]
    assert laptop.status() == ""


@pytest.mark.parametrize("name", ["HEAD.lock", "refs/heads/main.lock"])
def test_a_lock_a_killed_push_left_in_the_remote_is_named_not_taken_for_it_moving(
    farm: Farm, name: str
) -> None:
    """git rejects the push with "failed to update ref", as when the remote moved."""
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    desktop.add("Initech")
    lock = farm.remote / name
    lock.write_bytes(b"")

    assert refusal(desktop) == f"could not push to origin ({names(lock, farm.remote)})"
    assert sync_until_done(desktop) == [lock]
    laptop.sync()
    assert {loop.process.company for loop in laptop.repo().loops()} == {"Acme", "Initech"}


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
        removed += sync_until_done(desktop)  # the killed push may have left its lock in the remote
        laptop.edit(mine[n], notes=f"laptop {n}")
        child = sync_process(laptop)
        time.sleep(moment)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        removed += sync_until_done(laptop)

    removed += sync_until_done(desktop)
    laptop.sync()
    assert laptop.path.read_bytes() == desktop.path.read_bytes()
    loops = {loop.process.company: loop.process for loop in desktop.repo().loops()}
    assert {f"Desktop {n:02d}" for n in range(len(moments))} <= loops.keys()
    notes = {p.notes for p in loops.values() if p.id in mine}
    assert {f"laptop {n}" for n in range(len(moments))} <= notes
    assert laptop.status() == desktop.status() == ""
    assert all(path.name.endswith(".lock") for path in removed)


def test_what_a_killed_merge_leaves_stays_out_of_status_and_old_copies_go(farm: Farm) -> None:
    """git's copies for the driver (`.merge_file_*`) and the driver's own temp beside
    git's copy of ours (`..merge_file_*.tmp`) are excluded; the next sync removes the
    old ones and keeps a fresh one (a merge run by hand right now may need it)."""
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.sync()
    names = (".merge_file_a1b2c3", "..merge_file_a1b2c3.9f8e7d.tmp", ".merge_file_fresh1")
    for name in names:
        (laptop.root / name).write_bytes(b"{}\n")
    two_hours_ago = time.time() - 7200
    for name in names[:2]:
        os.utime(laptop.root / name, (two_hours_ago, two_hours_ago))

    assert laptop.status() == ""
    laptop.sync()

    assert sorted(p.name for p in laptop.root.glob("*merge_file*")) == [".merge_file_fresh1"]


def diverged(laptop: Machine, desktop: Machine) -> str:
    """Both machines add a loop after a sync; the laptop commits its own and fetches the
    desktop's, as its sync does before the pull. The commit that pull starts from."""
    laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    desktop.add("Initech")
    desktop.sync()
    laptop.add("Borealis")
    git(laptop.root, "commit", "--quiet", "-am", "Borealis")
    git(laptop.root, "fetch", "--quiet", "origin")
    return git(laptop.root, "rev-parse", "HEAD").strip()


def assert_in_step(laptop: Machine, desktop: Machine) -> None:
    """After `diverged` and the laptop's sync: the desktop, synced, holds the three loops
    in the laptop's very bytes, and the laptop has nothing left uncommitted."""
    desktop.sync()
    companies = {loop.process.company for loop in desktop.repo().loops()}
    assert companies == {"Acme", "Initech", "Borealis"}
    assert laptop.path.read_bytes() == desktop.path.read_bytes()
    assert laptop.status() == ""


def merge_left_midway(farm: Farm, by_loopdeck: bool) -> tuple[Machine, Machine]:
    """The laptop as a sync killed during its pull leaves it: a merge in progress
    (MERGE_HEAD) of its committed change with the desktop's, and, when the sync
    was loopdeck's, its marker naming the commit the pull started from."""
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    started = diverged(laptop, desktop)
    branch = git(laptop.root, "symbolic-ref", "--short", "HEAD").strip()
    git(laptop.root, "merge", "--quiet", "--no-commit", "--no-ff", f"origin/{branch}")
    if by_loopdeck:
        (laptop.root / ".git" / "loopdeck-pull").write_text(started + "\n", encoding="utf-8")
    return laptop, desktop


def test_a_merge_a_killed_sync_left_is_aborted_and_the_sync_done_again(farm: Farm) -> None:
    laptop, desktop = merge_left_midway(farm, by_loopdeck=True)

    laptop.sync()
    desktop.sync()

    companies = {loop.process.company for loop in desktop.repo().loops()}
    assert companies == {"Acme", "Initech", "Borealis"}
    assert laptop.path.read_bytes() == desktop.path.read_bytes()
    assert laptop.status() == ""
    assert not (laptop.root / ".git" / "loopdeck-pull").exists()


def test_a_merge_someone_started_by_hand_is_left_to_them(farm: Farm) -> None:
    laptop, _ = merge_left_midway(farm, by_loopdeck=False)
    merge_head = laptop.root / ".git" / "MERGE_HEAD"

    with pytest.raises(SyncError, match="a git merge is in progress"):
        laptop.sync()

    assert merge_head.exists()


def test_a_merge_git_committed_before_the_kill_is_kept_and_its_note_dropped(farm: Farm) -> None:
    """Killed after the merge commit but before git removed MERGE_HEAD."""
    laptop, desktop = merge_left_midway(farm, by_loopdeck=True)
    merge_head = (laptop.root / ".git" / "MERGE_HEAD").read_text(encoding="utf-8")
    git(laptop.root, "commit", "--quiet", "--no-edit")
    (laptop.root / ".git" / "MERGE_HEAD").write_text(merge_head, encoding="utf-8")

    laptop.sync()
    desktop.sync()

    assert {loop.process.company for loop in desktop.repo().loops()} == {
        "Acme",
        "Initech",
        "Borealis",
    }
    assert laptop.status() == ""


def test_a_data_file_git_was_writing_when_killed_is_taken_from_git_again(farm: Farm) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.sync()
    committed = laptop.path.read_bytes()
    head = git(laptop.root, "rev-parse", "HEAD").strip()
    (laptop.root / ".git" / "loopdeck-pull").write_text(head + "\n", encoding="utf-8")
    laptop.path.write_bytes(b"")  # git truncates a file before it writes it

    laptop.sync()

    assert laptop.path.read_bytes() == committed
    assert laptop.status() == ""


@pytest.mark.parametrize("left", [b"", None], ids=["truncated", "gone"])
def test_a_data_file_git_was_writing_behind_its_index_lock_names_the_lock(
    farm: Farm, left: bytes | None
) -> None:
    """git writes the work tree while it holds `index.lock`: killed there, it leaves both
    the data file half written (or unlinked) and the lock, which stops the checkout that
    takes the file again. The lock is named, and the recovery done once it is gone."""
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    head = diverged(laptop, desktop)  # so the pull is a real merge
    (laptop.root / ".git" / "loopdeck-pull").write_text(head + "\n", encoding="utf-8")
    if left is None:
        laptop.path.unlink()
    else:
        laptop.path.write_bytes(left)
    lock = laptop.root / ".git" / "index.lock"
    lock.write_bytes(b"")

    assert refusal(laptop) == f"git checkout failed: {names(lock, laptop.root)}"
    assert (laptop.path.read_bytes() if laptop.path.exists() else None) == left
    assert sync_until_done(laptop) == [lock]
    assert_in_step(laptop, desktop)


def test_a_rebase_a_killed_sync_left_behind_its_index_lock_names_the_lock(farm: Farm) -> None:
    """Killed while the rebase picked a commit: the rebase is stopped midway and the pick's
    `index.lock` is left, which stops the abort. The lock is named and the rebase kept as
    the sync's own; once the lock is gone the next sync aborts the rebase and syncs."""
    laptop, desktop = farm.clone("laptop", rebase=True), farm.clone("desktop")
    started = diverged(laptop, desktop)
    stopped = subprocess.run(
        ["git", "rebase", "--quiet", "--exec", "exit 1", "origin/main"],
        cwd=laptop.root,
        capture_output=True,
    )
    assert stopped.returncode != 0 and (laptop.root / ".git" / "rebase-merge").is_dir()
    (laptop.root / ".git" / "loopdeck-pull").write_text(started + "\n", encoding="utf-8")
    lock = laptop.root / ".git" / "index.lock"
    lock.write_bytes(b"")

    assert refusal(laptop) == f"git rebase failed: {names(lock, laptop.root)}"
    assert sync_until_done(laptop) == [lock]
    assert_in_step(laptop, desktop)


def test_a_held_index_lock_is_named_when_git_merge_says_only_stash_failed(farm: Farm) -> None:
    """With the data file deleted by hand, the sync has nothing to add (the step that
    names a held lock); `git merge` then stops in the `git stash create` it runs before
    a real merge, which fails on the lock without a word of its own."""
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    diverged(laptop, desktop)
    laptop.path.unlink()
    lock = laptop.root / ".git" / "index.lock"
    lock.write_bytes(b"")

    assert refusal(laptop) == (
        f"could not merge with origin ({names(lock, laptop.root)}); "
        "nothing was changed, fix that and sync again"
    )
