"""Write the 16 MB stress file: `python bench/generate_large.py PATH`.

500 loops, 5,000 rounds, 1,500 contacts and 10,000 log entries: several years
of a very busy search, well beyond what one person keeps. Not a target: every
command and the app must keep working on it (`bench/bench_stress.py`).
"""

from __future__ import annotations

import sys

from datafiles import main

if __name__ == "__main__":
    sys.exit(main(["large", *sys.argv[1:]]))
