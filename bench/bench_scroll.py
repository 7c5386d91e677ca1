"""A key that scrolls the loops table, to the last byte of its frame, in a real terminal.

The app runs as a process in a pseudo-terminal of 120x40 that supports
synchronized output, so each frame ends with a marker the bench sees arrive.
Once the app is usable, the bench sweeps the cursor down the list and back up
with `down`/`up`, one key at a time, waiting each time until the terminal has
been quiet for QUIET_S. A key's time runs from writing it to the terminal to
the end of the last frame it caused (the table, the timeline and the contact
cards of the next loop). The screen is kept by a terminal emulator (pyte), so
only the keys that scrolled the table (its top row changed) are counted; keys
that move the cursor within the visible rows are reported apart.

The baseline beside, in the same run, is a bare Textual app whose whole screen
is a `DataTable` of 50 rows and 8 columns like the loops table's (zebra
stripes, a row cursor) swept the same way: what a scrolling key costs in
Textual itself, with no panes to redraw beside the table.
Prints figures; asserts nothing. Usage: `python bench/bench_scroll.py [--files DIR]`.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import pyte
from figures import (
    LOOPDECK,
    PYTHON,
    TODAY,
    arguments,
    bench_env,
    first_start,
    first_two,
    open_loops,
    show,
    workspace,
)
from terminal import SIZE, Terminal

P50_TARGET_MS, P95_TARGET_MS = 16.0, 33.0
QUIET_S = 0.1
SCROLLING_KEYS = 60
"""Stop once this many keys scrolled the table (or after MAX_KEYS keys)."""
MAX_KEYS = 480
"""On the busy file about two keys in three only move the cursor: each turn of the sweep
crosses the rows on screen before the list scrolls again. At 240 keys it stopped
after 36 scrolling keys; 480 lets it reach SCROLLING_KEYS."""
DOWN, UP = b"\x1b[B", b"\x1b[A"
BARE_ROWS = 50
BARE_TABLE = f"""
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Static


class BareTable(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare table: {BARE_ROWS} shown")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Company", "Role", "Owner", "Wait", "Signal", "Next step")
        table.add_columns("To-do", "Stage")
        for n in range({BARE_ROWS}):
            cells = (f"Company {{n}}", "Staff ML Engineer", "REC", f"{{n % 30}}d", "ok")
            table.add_row(*cells, "Waiting for a decision on the onsite", "", "Onsite")
        table.focus()


BareTable().run()
"""

Keys = tuple[list[float], list[float]]
"""Seconds per key: the keys that scrolled the table, and those that only moved the cursor."""


class Screen:
    """What the terminal shows, fed with the bytes the app wrote."""

    def __init__(self) -> None:
        rows, columns = SIZE
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.fed = 0

    def catch_up(self, terminal: Terminal) -> None:
        for chunk in terminal.chunks[self.fed :]:
            self.stream.feed(chunk.data)
        self.fed = len(terminal.chunks)

    def top_row(self) -> str:
        """The loops table's first visible row (the line under its column headings)."""
        lines = self.screen.display
        for index, line in enumerate(lines):
            if "Company" in line and "Owner" in line:
                return lines[index + 1].split("││")[0]
        raise RuntimeError("the loops table is not on screen")

    def listed(self) -> int:
        found = re.search(r"(\d+) shown", "\n".join(self.screen.display))
        if found is None:
            raise RuntimeError("the loops table does not say how many loops it lists")
        return int(found.group(1))


def sweep_app(path: Path) -> Keys:
    """The loops table of the app on `path`, swept once it is usable (its first loop's
    panes are drawn)."""
    env = bench_env(path.parent)
    (heading, email), _ = first_two(path, TODAY, dict(open_loops(path)))
    return sweep([LOOPDECK, "--db", str(path)], first_start(env), [heading, email])


def sweep_bare(folder: Path) -> Keys:
    """The bare Textual table (`BARE_TABLE`), swept once its first row is drawn."""
    script = folder / "bare_table.py"
    script.write_text(BARE_TABLE, encoding="utf-8")
    return sweep([PYTHON, str(script)], bench_env(folder), ["Company 0"])


def sweep(command: list[str], env: dict[str, str], ready: list[str]) -> Keys:
    """Start `command`, wait until `ready` is drawn, then sweep its table down and up."""
    terminal = Terminal.start(command, env)
    scrolled: list[float] = []
    moved: list[float] = []
    try:
        terminal.wait_for(ready, 60.0)
        terminal.frames_until_quiet(0.5)
        screen = Screen()
        screen.catch_up(terminal)
        rows = screen.listed()
        position, key, presses = 0, DOWN, 0
        while len(scrolled) < SCROLLING_KEYS and presses < MAX_KEYS:
            if position == rows - 1:
                key = UP
            elif position == 0:
                key = DOWN
            before = screen.top_row()
            sent = terminal.press(key)
            frames = terminal.frames_until_quiet(QUIET_S)
            presses += 1
            position += 1 if key == DOWN else -1
            screen.catch_up(terminal)
            if not frames:
                raise RuntimeError("a key drew no frame")
            took = frames[-1] - sent
            (scrolled if screen.top_row() != before else moved).append(took)
    finally:
        terminal.close()
    return scrolled, moved


def main() -> int:
    args = arguments(__doc__ or "")
    with workspace(args.files) as folder:
        bare, _ = sweep_bare(folder)
        baseline = f"bare DataTable p50 {percentile(bare, 50):.0f} p95 {percentile(bare, 95):.0f}"
        for name in ("busy", "archive"):
            sub = folder / name
            sub.mkdir()
            path = sub / "loopdeck.json"
            (folder / f"{name}.json").rename(path)
            scrolled, moved = sweep_app(path)
            p50, p95 = percentile(scrolled, 50), percentile(scrolled, 95)
            show(
                "key that scrolls the table",
                name,
                f"p50 {p50:4.0f} ms p95 {p95:4.0f} ms",
                baseline,
                f"target <= {P50_TARGET_MS:g} / {P95_TARGET_MS:g} ms",
                p50 <= P50_TARGET_MS and p95 <= P95_TARGET_MS,
            )
            moves = f"{len(moved)} keys: p50 {percentile(moved, 50):.0f} ms"
            print(f"  {len(scrolled)} scrolling keys; those that only moved the cursor, {moves}")
    return 0


def percentile(seconds: list[float], nth: int) -> float:
    """The `nth` percentile of `seconds`, in milliseconds (the median for 50)."""
    if nth == 50:
        return statistics.median(seconds) * 1000
    return statistics.quantiles(seconds, n=100, method="inclusive")[nth - 1] * 1000


if __name__ == "__main__":
    sys.exit(main())
