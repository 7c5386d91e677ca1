"""The merge applied to file contents: what git's driver and `conflicts --from-git` run.

Each version is parsed as strictly as the app parses the data file, so a
version with conflict markers or duplicate keys stops the merge with a clear
sentence instead of being merged into something worse.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storage import jsonfile
from storage.gcpause import paused_gc
from storage.merge import merge
from storage.mergelayout import merge_canonical


def merge_versions(base: bytes, ours: bytes, theirs: bytes, name: str) -> dict[str, Any]:
    """The merged document; an empty base (both sides added the file) merges from nothing.

    Raises `DataFileError` (or its `MergeError`) naming the version at fault.
    """
    empty = not base or base.isspace()  # isspace stops at the first other byte; strip copies
    start: dict[str, Any] = {} if empty else jsonfile.decode(base, f"{name} (base)")
    mine = jsonfile.decode(ours, f"{name} (ours)")
    other = jsonfile.decode(theirs, f"{name} (theirs)")
    return merge(start, mine, other)


WRITE_BUFFER = 1 << 20
"""The result is written from many pieces; a large buffer makes that a few dozen writes."""


@contextmanager
def mapped(path: Path) -> Iterator[bytes | mmap.mmap]:
    """The file's bytes, mapped read-only rather than copied (an empty file as b"").

    The fast path only compares the sides with the base and copies out the
    records that differ, so it needs no copy of them; reading two 44 MB files
    into fresh memory cost more system time (page faults) than the comparing
    itself. The pages are mapped at once.
    """
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            yield b""
            return
        if hasattr(mmap, "MAP_SHARED"):
            flags = mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0)
            view = mmap.mmap(handle.fileno(), 0, flags=flags, prot=mmap.PROT_READ)
        else:
            view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    with view:
        yield view


def merge_files(base: Path, ours: Path, theirs: Path, name: str) -> None:
    """Merge three files as git hands them to a driver; the result replaces `ours`.

    `ours` is replaced (by rename) only after the merge succeeded, so a
    failure leaves it exactly as git wrote it and git reports a conflict. It
    is git's scratch copy, not the data file: a crash just means git merges
    again, so it is not fsynced (that alone would take a third of the time).
    The garbage collector is paused: three parsed copies of a large file are
    hundreds of thousands of dicts, none of them garbage, and walking them
    over and over would double the time a pull takes.

    Versions in the canonical layout (what loopdeck writes) take the fast path
    of `merge_canonical`; any other, damaged ones included, the full merge,
    which gives the same bytes or says what is wrong.
    """
    with paused_gc():
        start = base.read_bytes()
        with mapped(ours) as mine, mapped(theirs) as other:
            parts = merge_canonical(start, mine, other)
        if parts is None:
            merged = merge_versions(start, ours.read_bytes(), theirs.read_bytes(), name)
            parts = [jsonfile.encode(merged)]
    temp = jsonfile.temp_path(ours)
    try:
        with open(temp, "wb", buffering=WRITE_BUFFER) as handle:
            handle.writelines(parts)
        os.replace(temp, ours)
    finally:
        temp.unlink(missing_ok=True)
