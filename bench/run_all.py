"""Every benchmark in one go (`make bench`): the figures a user waits for, beside their targets.

The data files (busy, archive, and the large stress file) are generated once
into a temp folder; each bench then runs in its own process on fresh copies,
so one bench's warm caches do not flatter the next. Each figure is printed
beside its target and a baseline measured in the same run (`python -c pass`,
or a bare Textual app). Exit code is non-zero only if a bench crashed or the
stress check failed: the figures are for reading, not asserting.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BENCHES = ("bench_cli", "bench_app", "bench_scroll", "bench_merge", "bench_stress")


def main() -> int:
    started = time.perf_counter()
    failed = []
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    with tempfile.TemporaryDirectory(prefix="loopdeck-files-") as folder:
        for shape in ("busy", "archive", "large"):
            target = Path(folder) / f"{shape}.json"
            script = str(BENCH / "datafiles.py")
            subprocess.run([sys.executable, script, shape, str(target)], check=True)
        for name in BENCHES:
            print(f"\n== {name}", flush=True)
            command = [sys.executable, str(BENCH / f"{name}.py"), "--files", folder]
            if subprocess.run(command, check=False).returncode != 0:
                failed.append(name)
    took = time.perf_counter() - started
    print(f"\n{took:.0f} s in all; load average {os.getloadavg()[0]:.1f} at the end")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
