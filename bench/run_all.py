"""Run every bench/bench_*.py in turn and print its figures under its name (`make bench`).

Each benchmark runs in its own process so one's warm caches and imports do not
flatter the next. Exit code is non-zero only if a benchmark crashed: the
figures are for reading, not asserting.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(BENCH.glob("bench_*.py")):
        print(f"== {script.stem}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.name)
        print(flush=True)
    if failed:
        print("crashed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
