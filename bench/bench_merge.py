"""The merge driver as git runs it during a pull: a process, 100 edits on each side.

Two copies of a data file each get EDITS field writes (notes of random loops,
rounds and log entries, some on the same records) through the real
`Repository`, in a child process. Then the driver runs as git starts it
(`python -P -m tui.cli.merge_driver BASE OURS THEIRS PATH`): parse the three
versions, merge, write the result over OURS. Alternating with `python -c pass`.
Prints figures; asserts nothing. Usage: `python bench/bench_merge.py [--files DIR] [--runs N]`.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from figures import PASS, PYTHON, arguments, bench_env, run, show, workspace

from planner.records import field_names

TARGET_S = {"busy": 0.3, "archive": 1.0}
EDITS = 100


def edit(path: Path, seed: int) -> None:
    """EDITS field writes in one transaction, on records picked with `seed`."""
    from storage.repository import Repository

    rng = random.Random(seed)
    repo = Repository.open(path)
    loops = repo.loops(include_closed=True)
    with repo.transaction("bench edits") as tx:
        for n in range(EDITS):
            loop = rng.choice(loops)
            record = rng.choice([loop.process, *loop.rounds, *loop.events])
            field = "text" if "text" in field_names(type(record)) else "notes"
            tx.put(record.model_copy(update={field: f"edit {seed}-{n}"}))


def bench_file(name: str, base: Path, runs: int) -> None:
    folder = base.parent
    env = bench_env(folder)
    sides = []
    for seed, side_name in enumerate(("ours", "theirs"), start=1):
        side = folder / side_name / "loopdeck.json"
        side.parent.mkdir()
        shutil.copyfile(base, side)
        subprocess.run([PYTHON, __file__, "--edit", str(side), str(seed)], check=True, env=env)
        sides.append(side)
    ours, theirs = sides
    result = folder / "result.json"
    driver = [PYTHON, "-P", "-m", "tui.cli.merge_driver", str(base), str(result), str(theirs)]
    driver.append("loopdeck.json")
    baseline, merged = [], []
    for _ in range(runs + 1):
        shutil.copyfile(ours, result)
        baseline.append(run(PASS, env))
        merged.append(run(driver, env))
    baseline, merged = baseline[1:], merged[1:]  # the first warmed the caches
    took = statistics.median(r.seconds for r in merged)
    cpu = statistics.median(r.cpu for r in merged)
    show(
        "merge driver process",
        name,
        f"median {took:6.3f} s (cpu {cpu:5.3f} s)",
        f"python -c pass {statistics.median(r.seconds for r in baseline) * 1000:.0f} ms",
        f"target <= {TARGET_S[name]:g} s",
        took <= TARGET_S[name],
    )


def main() -> int:
    if sys.argv[1:2] == ["--edit"]:
        edit(Path(sys.argv[2]), int(sys.argv[3]))
        return 0
    args = arguments(__doc__ or "")
    with workspace(args.files) as folder:
        for name in ("busy", "archive"):
            sub = folder / name
            sub.mkdir()
            path = sub / "base.json"
            (folder / f"{name}.json").rename(path)
            bench_file(name, path, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
