"""Cost of one cursor move through the processes pane on the large file, target 30 ms per key.

Each key is `down` in the processes pane of the real app (Pilot, 160x45): the
timeline and the contact cards follow the cursor, and the measurement ends
when the app has handled the key and repainted (`pilot.press` + `pilot.pause`).

Two clocks. Wall time includes Pilot's own waiting: it sleeps in 20 ms steps
until the process looks idle, so even a key bound to nothing measures ~60-90
ms; that floor is printed too. CPU time (`time.process_time`) counts only the
work the app did for the key (the UI runs on one thread; nothing else is busy
while it is measured), so the target is judged on it. Median and 90th
percentile over N keys. Prints figures; asserts nothing.
Usage: `python bench/bench_cursor.py [--keys N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generate_large import main as generate
from textual.pilot import Pilot

from storage.repository import Repository
from tui.app import LoopdeckApp

TARGET_MS = 30.0
TODAY = dt.date(2026, 3, 16)


Timings = dict[str, list[float]]


async def press_timed(pilot: Pilot[None], key: str, into: Timings) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await pilot.pause()
    into.setdefault(f"{key} wall", []).append((time.perf_counter() - wall) * 1000)
    into.setdefault(f"{key} cpu", []).append((time.process_time() - cpu) * 1000)


async def time_keys(path: Path, keys: int) -> Timings:
    """`down` N times, and for the harness floor a key bound to nothing (`z`) N/4 times."""
    app = LoopdeckApp(Repository.open(path), TODAY, watch_interval=None)
    timings: Timings = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        start = app.selected_id
        for index in range(keys):
            await press_timed(pilot, "down", timings)
            if index % 4 == 0:
                await press_timed(pilot, "z", timings)
        if app.selected_id == start:
            raise RuntimeError("the cursor did not move")
    return timings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "loopdeck.json"
        generate([str(path)])
        timings = asyncio.run(time_keys(path, args.keys))
    for name, label in (
        ("down cpu", "cursor down, app CPU time"),
        ("down wall", "cursor down, wall time   "),
        ("z wall", "no-op key, wall time     "),
    ):
        values = timings[name]
        median, p90 = statistics.median(values), statistics.quantiles(values, n=10)[-1]
        print(f"{label}  median {median:6.1f} ms   p90 {p90:6.1f} ms")
    median_cpu = statistics.median(timings["down cpu"])
    verdict = "met" if median_cpu <= TARGET_MS else "MISSED"
    print(
        f"target: CPU per key <= {TARGET_MS:.0f} ms ({verdict})   "
        f"[{args.keys} keys, 500 loops, 160x45]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
