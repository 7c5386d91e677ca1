"""Cost of one cursor move through the processes pane on the large file, target 30 ms per key.

Each key is `down` in the processes pane of the real app (Pilot, 160x45): the
timeline and the contact cards follow the cursor.

What is measured, per key: the time from handing the key to the app until the
end of the last screen update it caused (the moment the table, the timeline
and the contact cards all show the new loop on the terminal). Every screen
update is timestamped as it finishes. After each key the bench sleeps
SETTLE_S rather than calling `pilot.pause()`, which would force one more
screen update of its own after polling for idleness in 20 ms steps; so only
the app's own frames count, its frame timer included, as a user would see
them. The target is judged on this latency. The app's CPU time over the
press and the settling is printed beside it, and that of a key bound to
nothing (`z`) as the floor of the harness. Median and 90th percentile over N keys. Prints
figures; asserts nothing. Usage: `python bench/bench_cursor.py [--keys N]`.
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
from textual.screen import Screen

from storage.repository import Repository
from tui.app import LoopdeckApp

TARGET_MS = 30.0
SETTLE_S = 0.15
"""Pause after each key: several frames longer than any key takes, like a brisk typist."""
TODAY = dt.date(2026, 3, 16)


Timings = dict[str, list[float]]
PAINTED: list[float] = []
"""perf_counter() at the end of every screen update, in order."""


def record_screen_updates() -> None:
    """Timestamp the end of each screen update (the compositor writing to the terminal)."""
    update = Screen._compositor_refresh

    def timed(screen: Screen[object]) -> None:
        update(screen)
        PAINTED.append(time.perf_counter())

    Screen._compositor_refresh = timed  # type: ignore[method-assign,assignment]


async def press_timed(pilot: Pilot[None], key: str, into: Timings) -> None:
    PAINTED.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await asyncio.sleep(SETTLE_S)
    into.setdefault(f"{key} cpu", []).append((time.process_time() - cpu) * 1000)
    last = PAINTED[-1] if PAINTED else wall
    into.setdefault(f"{key} painted", []).append((last - wall) * 1000)


async def time_keys(path: Path, keys: int) -> Timings:
    """`down` N times, and for the harness floor a key bound to nothing (`z`) N/4 times."""
    record_screen_updates()
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
        ("down painted", "cursor down, key to last repaint"),
        ("down cpu", "cursor down, CPU over the press"),
        ("z cpu", "no-op key, CPU over the press  "),
    ):
        values = timings[name]
        median, p90 = statistics.median(values), statistics.quantiles(values, n=10)[-1]
        print(f"{label}  median {median:6.1f} ms   p90 {p90:6.1f} ms")
    median = statistics.median(timings["down painted"])
    verdict = "met" if median <= TARGET_MS else "MISSED"
    print(
        f"target: key to repaint <= {TARGET_MS:.0f} ms, median ({verdict})   "
        f"[{args.keys} keys, 500 loops, 160x45]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
