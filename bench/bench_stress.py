"""The 16 MB stress file: every command and the app still work on it, in time.

Not a target, a check: 500 loops, 10 rounds and 20 log lines each, several
years of a very busy search. Each command runs as a process with a timeout;
the app is started in a pseudo-terminal, used (a key, the next steps screen)
and quit. Prints each step's time and "ok", or what failed; the exit code is
1 if anything failed. Usage: `python bench/bench_stress.py [--files DIR]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from figures import (
    LOOPDECK,
    TODAY,
    arguments,
    bench_env,
    first_start,
    first_two,
    open_loops,
    run,
    workspace,
)
from terminal import Terminal

TIMEOUT_S = 60.0


def commands(company: str, other: str, folder: Path) -> list[list[str]]:
    loop, elsewhere = f"{company} /", f"{other} /"
    return [
        ["check"],
        ["next"],
        ["next", "--json"],
        ["next", "--owner", "me"],
        ["list", "--all", "--json"],
        ["show", loop, "--json"],
        ["add", 'Stress Co / ML Engineer rec:"Ann Lee <ann@acme.io>" next:screen on:fri'],
        ["stage", "Stress Co", 'tech on:+1w with:"Priya Rao"'],
        ["done", "Stress Co", "--outcome", "passed", "--on", "today"],
        ["log", loop, "Sent availability", "--kind", "sent"],
        ["owner", loop, "hiring_manager", "--note", "HM said Friday"],
        ["hold", loop],
        ["resume", loop],
        ["offer", loop, "--base", "220k", "--bonus", "15%", "--deadline", "fri"],
        ["offers", "--all"],
        ["told", elsewhere, "--about", loop],
        ["prep", loop, "--ask", "How is on-call shared?"],
        ["config", "follow_up_days", "6"],
        ["stats", "--json"],
        ["export", "--format", "csv", "-o", str(folder / "loops.csv")],
        ["export", "--format", "ics", "-o", str(folder / "loops.ics")],
        ["export", "--format", "md", "-o", str(folder / "loops.md")],
        ["close", "Stress Co", "--reason", "withdrew"],
        ["undo"],
        ["conflicts"],
    ]


def main() -> int:
    args = arguments(__doc__ or "")
    failed = 0
    with workspace(args.files, ("large",)) as folder:
        path = folder / "large.json"
        env = bench_env(folder)
        (company, _), (other, _) = open_loops(path)[:2]
        print(f"file: {path.stat().st_size / 1e6:.1f} MB")
        for command in commands(company, other, folder):
            try:
                done = run([LOOPDECK, "--db", str(path), *command], env, TIMEOUT_S)
                print(f"  ok    {done.seconds:6.2f} s  {done.peak_mb:5.0f} MB  {' '.join(command)}")
            except RuntimeError as error:
                failed += 1
                print(f"  FAILED  {' '.join(command)}: {error}")
        (heading, email), _ = first_two(path, TODAY, dict(open_loops(path)))
        terminal = Terminal.start([LOOPDECK, "--db", str(path)], first_start(env))
        try:
            usable = terminal.wait_for([heading, email], TIMEOUT_S)
            since = len(terminal.chunks)
            terminal.press(b"\x1b[B")
            terminal.press(b"n")  # the next steps screen, grouped by owner
            terminal.wait_for(["Hiring manager  ("], TIMEOUT_S, since)
            print(f"  ok    {usable - terminal.started:6.2f} s  the app: usable, a key, next steps")
        except Exception as error:
            failed += 1
            print(f"  FAILED  the app: {error}")
        finally:
            terminal.close(b"\x1b\x11")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
