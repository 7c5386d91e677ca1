"""How much `loopdeck next` on the large file adds to a bare start, beside the 1.5x target.

Each run is a real process, as a script or a shell prompt would start it:
`loopdeck --db BIG next --json > /dev/null`. The baseline is a process that
starts the same interpreter and imports the same modules, then stops; the
difference is loading, validating and computing the next steps. Target: the
full run takes at most 1.5x the baseline (median over N runs of each).
Prints figures; asserts nothing. Usage: `python bench/bench_next.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate_large import main as generate

TARGET_RATIO = 1.5
LOOPDECK = Path(sys.executable).with_name("loopdeck")
IMPORTS = "import tui.cli.main, storage.repository, planner.ownership"


def median_ms(command: list[str], runs: int, env: dict[str, str]) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    env = {**os.environ, "LOOPDECK_TODAY": "2026-03-16"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "loopdeck.json"
        generate([str(path)])
        full = [str(LOOPDECK), "--db", str(path), "next", "--json"]
        baseline = [sys.executable, "-c", IMPORTS]
        median_ms(full, 1, env)  # warm the disk cache and the bytecode cache
        base_ms = median_ms(baseline, args.runs, env)
        next_ms = median_ms(full, args.runs, env)
    ratio = next_ms / base_ms
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"start + imports only, median: {base_ms:7.1f} ms")
    print(f"loopdeck next --json, median: {next_ms:7.1f} ms")
    print(f"ratio:                        {ratio:7.2f}x   target <= {TARGET_RATIO}x ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
