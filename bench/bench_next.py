"""How much `loopdeck next` on the large file adds to a bare start, beside the 1.5x target.

Each run is a real process, as a script or a shell prompt would start it:
`loopdeck --db BIG next --json > /dev/null`. The baseline is a process that
starts the same interpreter and imports the same modules, then stops; the
difference is loading, validating and computing the next steps. Target: the
full run takes at most 1.5x the baseline (median over N runs of each,
alternating). Runs after the first find the parsed file in the model cache
(`storage.modelcache`), as every run does until the file changes; the first
run after a change parses the file and is printed beside, for honesty.
Prints figures; asserts nothing. Usage: `python bench/bench_next.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate_large import main as generate

TARGET_RATIO = 1.5
LOOPDECK = Path(sys.executable).with_name("loopdeck")
IMPORTS = "import tui.cli.main, tui.cli.next_steps, storage.repository, planner.threads"
"""What `loopdeck next` imports, its own command module included, and nothing more."""


def run_ms(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CACHE_HOME"] = folder  # caches in the temp folder, by the default path
        env = {**os.environ, "LOOPDECK_TODAY": "2026-03-16"}
        path = Path(folder) / "loopdeck.json"
        generate([str(path)])
        full = [str(LOOPDECK), "--db", str(path), "next", "--json"]
        baseline = [sys.executable, "-c", IMPORTS]
        run_ms(full, env)  # warm the disk cache and the bytecode cache
        base, warm, cold = [], [], []
        for _ in range(args.runs):  # alternating, so that both see the same machine load
            base.append(run_ms(baseline, env))
            warm.append(run_ms(full, env))
        for _ in range(max(3, args.runs // 3)):
            shutil.rmtree(Path(folder) / "loopdeck", ignore_errors=True)
            cold.append(run_ms(full, env))
    base_ms, next_ms, cold_ms = (statistics.median(x) for x in (base, warm, cold))
    ratio = next_ms / base_ms
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"start + imports only, median:  {base_ms:7.1f} ms")
    print(f"loopdeck next --json, median:  {next_ms:7.1f} ms")
    print(f"ratio:                         {ratio:7.2f}x   target <= {TARGET_RATIO}x ({verdict})")
    print(
        f"first run after the file changed (parses it, refreshes the cache), median: "
        f"{cold_ms:7.1f} ms ({cold_ms / base_ms:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
