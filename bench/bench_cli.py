"""The command line as scripts and shell prompts run it: whole processes, over `python -c pass`.

Per file (busy, archive), alternating with the baseline so both see the same
machine load:
- `loopdeck next --json`: run after run on an unchanged file (what a prompt
  does), and the first run after the file changed, printed beside;
- `loopdeck add LINE` and `loopdeck log PROCESS TEXT`: each a durable write
  (fsynced file and folder) of a file that the previous run changed;
- the peak resident memory of `next`.
Prints figures; asserts nothing. Usage: `python bench/bench_cli.py [--files DIR] [--runs N]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from figures import (
    LOOPDECK,
    PASS,
    arguments,
    bench_env,
    each_file,
    open_loops,
    ratio_line,
    run,
    show,
    workspace,
)

NEXT_TARGET = {"busy": 5.0, "archive": 8.0}
WRITE_TARGET = {"busy": 7.0, "archive": 12.0}
MEMORY_TARGET_MB = {"busy": 50.0, "archive": 100.0}


def bench_file(name: str, path: Path, runs: int) -> None:
    env = bench_env(path.parent)
    db = [LOOPDECK, "--db", str(path)]
    run([*db, "next", "--json"], env)  # warm the disk and bytecode caches, and any cache of ours
    base, warm, changed, adds, logs, peaks = [], [], [], [], [], []
    companies = [company for company, _ in open_loops(path)]
    for index in range(runs):
        base.append(run(PASS, env))
        done = run([*db, "next", "--json"], env)
        warm.append(done)
        peaks.append(done.peak_mb)
        base.append(run(PASS, env))
        line = f'Bench {index} / ML Engineer rec:"Ann Lee <ann@acme.io>" next:screen on:fri #ml'
        adds.append(run([*db, "add", line], env))
        base.append(run(PASS, env))
        target = f"{companies[index % len(companies)]} /"
        logs.append(run([*db, "log", target, "Sent my availability", "--kind", "sent"], env))
        changed.append(run([*db, "next", "--json"], env))  # the first after a write
    ratio_line("next --json", name, warm, base, "python -c pass", NEXT_TARGET[name])
    ratio_line("  first after a change", name, changed, base, "python -c pass", NEXT_TARGET[name])
    ratio_line("add LINE (durable)", name, adds, base, "python -c pass", WRITE_TARGET[name])
    ratio_line("log PROCESS TEXT (durable)", name, logs, base, "python -c pass", WRITE_TARGET[name])
    peak = max(peaks)
    show(
        "peak memory, next",
        name,
        f"max {peak:6.0f} MB",
        f"python -c pass {run(PASS, env).peak_mb:.0f} MB",
        f"target <= {MEMORY_TARGET_MB[name]:g} MB",
        peak <= MEMORY_TARGET_MB[name],
    )


def main() -> int:
    args = arguments(__doc__ or "")
    with workspace(args.files) as folder:
        for name, path in each_file(folder):
            bench_file(name, path, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
