"""How long until the app is usable, over a bare Textual app started in the same run.

Both run as real processes in a pseudo-terminal of 120x40, as a user starts
them. "Usable" means the first loop's timeline (its 'Company / Role' heading)
and its people (the recruiter's card) are drawn, and a key works: the bench
then presses `down` and stops the clock when the second loop's recruiter card
is drawn. The bare app (a Static and a Footer) is timed the same way: its text
drawn, then a key that changes it. Which loops come first is asked of
`loopdeck list --json` beforehand, with its own throwaway cache folder.

The CPU ratio printed beside covers each whole run, quitting included.
Three kinds of start, alternating with the bare app:
- again: the file and the day are the same as at the previous start;
- a new day: the first start on the next day (one day later per run);
- the file changed: a `loopdeck log` wrote to it since the previous start.
Each kind is started `--runs` times: with three, as these two were before,
their medians moved between met and missed with the machine's speed. Each
start is judged over the bare start made just before it (the median of those
ratios); the medians of both sides are printed too.
The app's peak resident memory is read from its rusage after it quits.
Prints figures; asserts nothing. Usage: `python bench/bench_app.py [--files DIR] [--runs N]`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from figures import (
    LOOPDECK,
    PYTHON,
    TODAY,
    Run,
    arguments,
    bench_env,
    each_file,
    first_start,
    first_two,
    open_loops,
    ratio_line,
    run,
    show,
    workspace,
)
from terminal import Terminal

USABLE_TARGET = {"busy": 1.5, "archive": 2.0}
COLD_TARGET = {"busy": 1.8, "archive": 2.5}
MEMORY_TARGET_MB = {"busy": 80.0, "archive": 150.0}
TIMEOUT_S = 30.0
DOWN = b"\x1b[B"
BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Bare(App[None]):
    BINDINGS = [("j", "next", "Next")]

    def compose(self) -> ComposeResult:
        yield Static("bare app ready", id="text")
        yield Footer()

    def action_next(self) -> None:
        self.query_one("#text", Static).update("bare app key seen")


Bare().run()
"""


def bare_usable(script: Path, env: dict[str, str]) -> Run:
    terminal = Terminal.start([PYTHON, str(script)], env)
    try:
        terminal.wait_for(["bare app ready"], TIMEOUT_S)
        since = len(terminal.chunks)
        terminal.press(b"j")
        usable = terminal.wait_for(["bare app key seen"], TIMEOUT_S, since) - terminal.started
    finally:
        terminal.close()
    return terminal.result(usable)


def loopdeck_usable(path: Path, env: dict[str, str], loops: list[tuple[str, str]]) -> Run:
    """Seconds until usable (its CPU and peak memory: the whole run); `loops` from `first_two`."""
    (heading, email), (_, second_email) = loops
    terminal = Terminal.start([LOOPDECK, "--db", str(path)], first_start(env))
    try:
        terminal.wait_for([heading, email], TIMEOUT_S)
        since = len(terminal.chunks)
        terminal.press(DOWN)
        usable = terminal.wait_for([second_email], TIMEOUT_S, since) - terminal.started
    finally:
        terminal.close()
    return terminal.result(usable)


def bench_file(name: str, path: Path, runs: int) -> None:
    env = bench_env(path.parent)
    emails = dict(open_loops(path))
    script = path.parent / "bare_app.py"
    script.write_text(BARE_APP, encoding="utf-8")
    loops = first_two(path, TODAY, emails)
    loopdeck_usable(path, env, loops)  # warm the disk and bytecode caches, and any cache of ours
    bare_usable(script, env)
    bare, again, new_day, changed, bare_cold, peaks = [], [], [], [], [], []
    for _ in range(runs):
        bare.append(bare_usable(script, env))
        done = loopdeck_usable(path, env, loops)
        again.append(done)
        peaks.append(done.peak_mb)
    day = dt.date.fromisoformat(TODAY)
    company = next(iter(emails))
    for index in range(runs):
        day += dt.timedelta(days=1)
        later = first_two(path, day.isoformat(), emails)
        bare_cold.append(bare_usable(script, env))
        new_day.append(loopdeck_usable(path, {**env, "LOOPDECK_TODAY": day.isoformat()}, later))
        # A note is no touch: it changes the file, not which loops come first.
        run([LOOPDECK, "--db", str(path), "log", f"{company} /", f"bench note {index}"], env)
        bare_cold.append(bare_usable(script, env))
        changed.append(loopdeck_usable(path, env, loops))
    bare_name, usable, cold = "bare Textual", USABLE_TARGET[name], COLD_TARGET[name]
    ratio_line("app usable, again", name, again, bare, bare_name, usable, paired=bare)
    before_day, before_change = bare_cold[0::2], bare_cold[1::2]
    ratio_line("app usable, a new day", name, new_day, bare_cold, bare_name, cold, before_day)
    ratio_line("app usable, file changed", name, changed, bare_cold, bare_name, cold, before_change)
    peak = max(peaks)
    show(
        "peak memory, app",
        name,
        f"max {peak:6.0f} MB",
        "",
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
