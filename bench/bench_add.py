"""How long one durable `add` takes on the large file, beside its 50 ms target.

Each run adds one loop through `Repository.transaction` (lock, fingerprint
check, stamping, atomic write with fsync, undo journal) on an open
repository. For scale, the same run times a plain write of a file of the same
size with one fsync: the floor any safe save of that file pays on this disk.
Prints figures; asserts nothing. Usage: `python bench/bench_add.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate_large import main as generate

from planner.models import Process
from storage.repository import Repository

TARGET_MS = 50.0


def median_ms(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def plain_write(path: Path, payload: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "loopdeck.json"
        generate([str(path)])
        open_ms = median_ms(lambda: Repository.open(path), 3)
        repo = Repository.open(path)
        counter = iter(range(10**6))

        def add() -> None:
            with repo.transaction("add loop") as tx:
                tx.put(
                    Process(
                        company=f"Bench {next(counter)}",
                        role="ML Engineer",
                        created_on=dt.date(2026, 3, 16),
                    )
                )

        add_ms = median_ms(add, args.runs)
        payload = path.read_bytes()
        plain = Path(folder) / "plain.json"
        baseline_ms = median_ms(lambda: plain_write(plain, payload), args.runs)
    print(f"file size:                  {len(payload) / 1e6:7.1f} MB")
    print(f"open, median (for context): {open_ms:7.1f} ms")
    print(f"add, durable, median:       {add_ms:7.1f} ms   target <= {TARGET_MS:.0f} ms")
    print(f"plain fsync'd write:        {baseline_ms:7.1f} ms   (same size, for scale)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
