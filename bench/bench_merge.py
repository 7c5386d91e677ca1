"""How long the merge driver takes on the large file, beside its 1 s target.

Two copies of the large file each get 100 edits (notes of random loops, rounds
and log entries, some on the same records) through the real `Repository`;
then the driver's whole job is timed: parse the three versions, merge, encode
and atomically write the result, as git runs it during a pull. The pure merge
is timed apart, to show where the time goes. Prints figures; asserts nothing.
Usage: `python bench/bench_merge.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate_large import main as generate

from storage import jsonfile
from storage.merge import merge
from storage.mergefiles import merge_files
from storage.repository import Repository

TARGET_S = 1.0
EDITS = 100


def median_s(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def edit(path: Path, seed: int) -> None:
    """`EDITS` field writes in one transaction, on records picked with `seed`."""
    rng = random.Random(seed)
    repo = Repository.open(path)
    loops = repo.loops(include_closed=True)
    with repo.transaction("bench edits") as tx:
        for n in range(EDITS):
            loop = rng.choice(loops)
            parts = [loop.process, *loop.rounds, *loop.events]
            record = rng.choice(parts)
            field = "text" if "text" in type(record).model_fields else "notes"
            tx.put(record.model_copy(update={field: f"edit {seed}-{n}"}))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base" / "loopdeck.json"
        generate([str(base)])
        sides = []
        for seed, name in enumerate(("ours", "theirs"), start=1):
            side = Path(folder) / name / "loopdeck.json"
            side.parent.mkdir()
            shutil.copyfile(base, side)
            edit(side, seed)
            sides.append(side)
        ours, theirs = sides
        result = Path(folder) / "result.json"

        def drive() -> None:
            shutil.copyfile(ours, result)
            merge_files(base, result, theirs, "loopdeck.json")

        documents = [jsonfile.read_strict(p)[0] for p in (base, ours, theirs)]
        driver_s = median_s(drive, args.runs)
        pure_s = median_s(lambda: merge(*documents), args.runs)
        size_mb = base.stat().st_size / 1e6
    print(f"file: {size_mb:.1f} MB, {EDITS} edits on each side, median of {args.runs} runs")
    print(f"merge driver (parse, merge, write): {driver_s:.3f} s   target {TARGET_S:.1f} s")
    print(f"  of which the merge itself:        {pure_s:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
