"""What every bench shares: the data files, timed processes, and one way to print a figure.

A figure is printed on one line with its target and the baseline measured in
the same run, so a loaded machine slows both sides and the ratio stays
readable:

    next --json  busy     median   97 ms =  3.9x  python -c pass 25 ms   target <= 5x    met
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
LOOPDECK = str(Path(sys.executable).with_name("loopdeck"))
PASS = [PYTHON, "-c", "pass"]
FILES = ("busy", "archive")
"""The files targets are judged on; `large` is the stress file."""


@dataclass(frozen=True)
class Run:
    """One finished process: wall time and peak resident memory."""

    seconds: float
    cpu: float
    """User and system CPU seconds: on a shared machine, steadier than wall time."""
    peak_mb: float
    code: int


def run(command: list[str], env: dict[str, str], timeout_s: float = 120.0) -> Run:
    """Start `command`, wait for it, and read its own rusage (not that of other children).

    Linux counts a child's peak memory from the moment it was forked, so the
    parent's size is a floor under every figure: benches keep this process
    small (data files are made and read in children) and print the peak of
    `python -c pass` beside, which shows that floor.
    """
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = start + timeout_s
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.0005)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode() if child.stderr else ""
    if child.returncode != 0:
        raise RuntimeError(f"{command} exited {child.returncode}: {stderr.strip()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, child.returncode)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def p95_ms(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] * 1000


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def show(figure: str, file: str, now: str, baseline: str, target: str, met: bool | None) -> None:
    """One figure: what, on which file, the measurement, its same-run baseline, the target."""
    judged = "" if met is None else verdict(met)
    print(f"{figure:<27} {file:<8} {now:<34} {baseline:<28} {target:<22} {judged}", flush=True)


def ratio_line(
    figure: str,
    file: str,
    ours: list[Run],
    base: list[Run],
    base_name: str,
    target: float,
    paired: list[Run] | None = None,
) -> float:
    """Print median wall time of `ours` over `base` against `target` (a ratio); return it.

    The ratio of CPU times is printed beside: on a busy machine the wall
    times of both sides stretch with the load, the CPU times much less.

    `paired`, when given, holds the baseline run made just before each of
    `ours`; the ratio judged is then the median of each run over its own
    baseline, printed on a line of its own. The machine's speed drifts within
    a run: the bare app's median moved from 264 to 373 ms between two
    sections of one run, and in four sets of seven starts in turn the ratio
    of the medians read 1.42x to 2.13x where the paired one read 1.57x to 1.71x.
    """
    ours_ms = median_ms([r.seconds for r in ours])
    base_ms = median_ms([r.seconds for r in base])
    ratio = ours_ms / base_ms
    cpu = statistics.median(r.cpu for r in ours) / statistics.median(r.cpu for r in base)
    judged = ratio
    if paired is not None:
        assert len(paired) == len(ours), "one baseline run for each run of ours"
        judged = statistics.median(r.seconds / b.seconds for r, b in zip(ours, paired, strict=True))
    show(
        figure,
        file,
        f"median {ours_ms:5.0f} ms = {ratio:4.1f}x (cpu {cpu:4.1f}x)",
        f"{base_name} {base_ms:4.0f} ms",
        f"target <= {target:g}x",
        judged <= target,
    )
    if paired is not None:
        print(f"  each start over the {base_name} start just before it: median {judged:.2f}x")
    return judged


TODAY = "2026-03-16"
"""The day every timed process runs on (the data files are made around it)."""


def bench_env(folder: Path, today: str = TODAY) -> dict[str, str]:
    """The environment of every timed process: today pinned, caches in the bench's own folder."""
    # A user's Python reads and writes bytecode caches: without them every start compiles
    # the project's modules again (a whole-app start pays ~0.1 s of CPU for it).
    unlike_a_user = ("LOOPDECK_", "PYTHONDONTWRITEBYTECODE")
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(unlike_a_user)}
    return {
        **inherited,
        "LOOPDECK_TODAY": today,
        "XDG_CACHE_HOME": str(folder / "cache"),  # the default path, platformdirs included
        "TERM": "xterm-256color",
    }


def first_start(env: dict[str, str]) -> dict[str, str]:
    """`env` with a config folder of its own, empty: the app opens on the first loop.

    The app remembers the last selected loop in its config folder; a bench that
    pressed a key in the run before would otherwise open on another loop, and the
    user's own config folder is never the bench's to change.
    """
    folder = Path(env["XDG_CACHE_HOME"]).parent
    return {**env, "LOOPDECK_CONFIG_DIR": tempfile.mkdtemp(prefix="config-", dir=folder)}


def arguments(doc: str) -> argparse.Namespace:
    """`--files DIR` (made by run_all.py, else generated here) and `--runs N`."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--files", type=Path, help="a folder holding busy.json and archive.json")
    parser.add_argument("--runs", type=int, default=7)
    return parser.parse_args()


@contextmanager
def workspace(files: Path | None, names: tuple[str, ...] = FILES) -> Iterator[Path]:
    """A temp folder with a fresh copy of each named data file (generated when not given)."""
    with tempfile.TemporaryDirectory(prefix="loopdeck-bench-") as folder:
        work = Path(folder)
        for name in names:
            target = work / f"{name}.json"
            source = None if files is None else files / f"{name}.json"
            if source is not None and source.exists():
                shutil.copyfile(source, target)
            else:  # in a child: this process stays small (see `run`)
                script = str(Path(__file__).with_name("datafiles.py"))
                subprocess.run(
                    [PYTHON, script, name, str(target)], check=True, stdout=subprocess.DEVNULL
                )
        yield work


def each_file(
    folder: Path, names: tuple[str, ...] = ("busy", "archive")
) -> Iterator[tuple[str, Path]]:
    """Each data file of a `workspace`, moved into a folder of its own as `loopdeck.json`:
    its lock, undo journal and caches then sit beside it as they do for a user."""
    for name in names:
        sub = folder / name
        sub.mkdir()
        path = sub / "loopdeck.json"
        (folder / f"{name}.json").rename(path)
        yield name, path


def open_loops(path: Path) -> list[tuple[str, str]]:
    """(company, recruiter email) of each open loop in the file, read in a child process."""
    script = (
        "import json, sys, orjson\n"
        "doc = orjson.loads(open(sys.argv[1], 'rb').read())\n"
        "mail = {c['process_id']: c['email'] for c in doc['contacts'].values()"
        " if c['role'] == 'recruiter'}\n"
        "print(json.dumps([(p['company'], mail.get(i, '')) for i, p in doc['processes'].items()"
        " if p['status'] != 'closed']))\n"
    )
    found = subprocess.run([PYTHON, "-c", script, str(path)], capture_output=True, check=True)
    return [tuple(pair) for pair in json.loads(found.stdout)]


def first_two(path: Path, today: str, emails: dict[str, str]) -> list[tuple[str, str]]:
    """(timeline heading, recruiter email) of the two most urgent loops on `today`."""
    with tempfile.TemporaryDirectory() as scratch:  # so the app's own caches stay as they were
        env = bench_env(Path(scratch), today)
        found = subprocess.run(
            [LOOPDECK, "--db", str(path), "list", "--json"],
            env=env,
            capture_output=True,
            check=True,
        )
    items = json.loads(found.stdout)[:2]  # open loops first, in the board's order
    return [(f"{i['company']} / {i['role']}", emails[i["company"]]) for i in items]
