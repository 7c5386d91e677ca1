"""Time to first paint of `loopdeck --db BIG` beside a bare Textual app, target 1.5x (aim 1.3x).

Both run as real processes in a pseudo-terminal of 120x40, as a user would
start them. The clock stops when the marker text appears on the terminal: for
loopdeck the company of the first (most urgent) loop of the large file, for
the bare app (Header, Static, Footer) its Static's text. Median over N runs
of each, alternating so that both see the same machine load. Starts after
the first find the cached first screen (`tui.first_screen`) and models, as
every start does until the file changes; the first start after a change is
printed beside, for honesty. Prints figures; asserts nothing.
Usage: `python bench/bench_first_paint.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from generate_large import main as generate

from storage.repository import Repository
from tui.session import Session

TARGET_RATIO = 1.5
AIM_RATIO = 1.3
SIZE = (40, 120)  # rows, columns
TIMEOUT_S = 30.0
TODAY = dt.date(2026, 3, 16)
LOOPDECK = Path(sys.executable).with_name("loopdeck")
BARE_MARKER = "bare textual ready"
BARE_APP = f'''
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("{BARE_MARKER}")
        yield Footer()


Bare().run()
'''
# Terminal control sequences (CSI, OSC, DCS, ...): stripped so a marker split by styles is found.
ESCAPES = re.compile(
    rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)


def first_paint_ms(command: list[str], marker: str, env: dict[str, str]) -> float:
    """Start `command` in a pty and return the milliseconds until `marker` is on screen."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the command
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", *SIZE, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    seen = b""
    needle = marker.encode()
    try:
        while time.perf_counter() - start < TIMEOUT_S:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if needle in ESCAPES.sub(b"", seen):
                return (time.perf_counter() - start) * 1000
        raise RuntimeError(f"'{marker}' did not appear within {TIMEOUT_S:.0f} s: {command}")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def first_company(path: Path) -> str:
    """The company the processes pane lists first: the marker of loopdeck's first paint."""
    board = Session(Repository.open(path), TODAY).board()
    return next(row for row in board.rows if not row.closed).loop.process.company


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "cache"
        os.environ["XDG_CACHE_HOME"] = str(cache)  # this process's caches too (first_company)
        env = {
            **os.environ,
            "LOOPDECK_TODAY": TODAY.isoformat(),
            "TERM": "xterm-256color",
            "XDG_CACHE_HOME": str(cache),  # the real default path, platformdirs included
        }
        path = Path(folder) / "loopdeck.json"
        generate([str(path)])
        bare_script = Path(folder) / "bare_app.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        bare = [sys.executable, str(bare_script)]
        full = [str(LOOPDECK), "--db", str(path)]
        marker = first_company(path)
        first_paint_ms(full, marker, env)  # warm the disk and bytecode caches, fill the caches
        first_paint_ms(bare, BARE_MARKER, env)
        bare_ms, full_ms, cold_ms, cold_bare_ms = [], [], [], []
        for _ in range(args.runs):
            bare_ms.append(first_paint_ms(bare, BARE_MARKER, env))
            full_ms.append(first_paint_ms(full, marker, env))
        for _ in range(max(3, args.runs // 2)):
            shutil.rmtree(cache, ignore_errors=True)
            cold_bare_ms.append(first_paint_ms(bare, BARE_MARKER, env))
            cold_ms.append(first_paint_ms(full, marker, env))
            time.sleep(1.0)  # let the killed run's cache writes be the only ones
    base, ours = statistics.median(bare_ms), statistics.median(full_ms)
    cold_base, cold = statistics.median(cold_bare_ms), statistics.median(cold_ms)
    ratio = ours / base
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"bare Textual app (Header, Static, Footer), median: {base:7.1f} ms")
    print(f"loopdeck --db BIG, first loop visible, median:    {ours:7.1f} ms")
    print(
        f"ratio: {ratio:.2f}x   target <= {TARGET_RATIO}x ({verdict}), aim {AIM_RATIO}x"
        f"   [{args.runs} runs each, 500 loops]"
    )
    print(
        f"first start after the file changed (no cached first screen or models), median: "
        f"{cold:7.1f} ms ({cold / cold_base:.2f}x the bare app beside it)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
