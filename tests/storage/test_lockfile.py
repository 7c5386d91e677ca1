"""The lock every write and sync takes: one holder at a time, across processes and threads."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from storage.lockfile import FileLock, Timeout

HOLDER = """
import sys, time
from storage.lockfile import FileLock
with FileLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_in_another_process(lock_file: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock_file), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == "held\n"
    return holder


def test_a_lock_held_by_another_process_times_out_then_is_taken_once_free(
    tmp_path: Path,
) -> None:
    lock_file = tmp_path / "data.lock"
    holder = hold_in_another_process(lock_file, 1.0)
    lock = FileLock(lock_file, timeout=0.2)
    with pytest.raises(Timeout):
        lock.acquire()
    assert not lock.is_locked
    holder.communicate()
    with lock.acquire(timeout=5):
        assert lock.is_locked
    assert not lock.is_locked


def test_a_waiting_writer_gets_the_lock_when_the_holder_ends(tmp_path: Path) -> None:
    lock_file = tmp_path / "data.lock"
    holder = hold_in_another_process(lock_file, 0.3)
    started = time.monotonic()
    with FileLock(lock_file).acquire(timeout=10):
        waited = time.monotonic() - started
    holder.communicate()
    assert 0.1 < waited < 10


def test_the_holder_may_acquire_again_and_keeps_it_until_the_last_release(tmp_path: Path) -> None:
    lock_file = tmp_path / "data.lock"
    lock = FileLock(lock_file, timeout=0)
    with lock:
        with lock.acquire(timeout=0):
            pass
        assert lock.is_locked  # the inner release gave back one of two
        with pytest.raises(Timeout):
            FileLock(lock_file, timeout=0).acquire()
    assert not lock.is_locked
    with FileLock(lock_file, timeout=0):
        pass


def test_another_thread_of_the_same_process_waits_like_another_process(tmp_path: Path) -> None:
    lock = FileLock(tmp_path / "data.lock", timeout=5)
    order: list[str] = []

    def write() -> None:
        with lock.acquire():
            order.append("worker")

    with lock:
        worker = threading.Thread(target=write)
        worker.start()
        time.sleep(0.2)
        order.append("main")
    worker.join(5)
    assert order == ["main", "worker"]
    assert not lock.is_locked


def test_the_lock_file_is_created_with_the_mode_asked_for(tmp_path: Path) -> None:
    lock_file = tmp_path / "data.lock"
    old = os.umask(0)
    try:
        with FileLock(lock_file, mode=0o600):
            pass
    finally:
        os.umask(old)
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600


def test_a_missing_folder_is_made_and_a_path_that_cannot_be_one_is_an_os_error(
    tmp_path: Path,
) -> None:
    with FileLock(tmp_path / "new folder" / "data.lock", timeout=0):
        assert (tmp_path / "new folder" / "data.lock").exists()
    (tmp_path / "a file").write_text("")
    with pytest.raises(OSError):
        FileLock(tmp_path / "a file" / "data.lock", timeout=0).acquire()
