"""A read while a sync runs waits for it instead of calling the file damaged or empty.

git rewrites the data file in place when it merges: for a moment the file is
missing or cut short. The sync holds the data file's lock all along, so a
reader that finds the file missing or unparseable while the lock is held waits
for it and reads again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from gitfarm import Farm

from storage.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
LOOPDECK = "import sys; from tui.cli.main import main; sys.exit(main())"

HOLDER = """
import sys, time
from pathlib import Path
from storage.lockfile import FileLock
path = Path(sys.argv[1])
with FileLock(path.with_name(path.stem + ".lock")):
    path.write_bytes(path.read_bytes()[:-40])  # git half way through writing it
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    path.write_bytes(Path(sys.argv[3]).read_bytes())
"""


def test_a_read_of_a_half_written_file_waits_for_the_writer_holding_the_lock(
    farm: Farm, tmp_path: Path
) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.add("Globex")
    whole = tmp_path / "whole.json"
    whole.write_bytes(laptop.path.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(laptop.path), "0.6", str(whole)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"

    started = time.monotonic()
    repo = Repository.open(laptop.path)

    assert holder.wait() == 0
    assert time.monotonic() - started > 0.3
    assert repo.read_only is None
    assert sorted(loop.process.company for loop in repo.loops()) == ["Acme", "Globex"]


@pytest.mark.slow
def test_a_reader_polling_during_syncs_never_finds_the_file_damaged_or_empty(
    farm: Farm,
) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    laptop.add("Acme")
    laptop.sync(init=True)
    desktop.sync()
    for n in range(150):  # a file git takes a moment to write
        desktop.add(f"Company {n:03d}")
    desktop.sync()
    seen: list[str] = []
    stop = threading.Event()

    def poll() -> None:
        """Any exception is recorded too: a thread's crash alone would not fail the test."""
        while not stop.is_set():
            try:
                repo = Repository.open(laptop.path)
                if repo.read_only is not None:
                    seen.append(repo.read_only)
                elif not repo.loops():
                    seen.append("no loops")
            except Exception as error:  # reported by the assert below
                seen.append(repr(error))
                return

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        for n in range(8):
            desktop.edit(next(iter(desktop.document()["processes"])), notes=f"round {n}")
            desktop.sync()
            done = subprocess.run(
                [sys.executable, "-c", LOOPDECK, "--db", str(laptop.path), "sync"],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                capture_output=True,
                text=True,
            )
            assert done.returncode == 0, done.stderr
    finally:
        stop.set()
        reader.join()

    assert seen == []
