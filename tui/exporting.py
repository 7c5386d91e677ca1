"""Export from the app (command palette): the same files `loopdeck export` writes.

The app has no terminal to pipe into, so the file goes into the folder the app
was started in, under a name that never overwrites an earlier export.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from storage.exporters.formats import SUFFIX, render
from storage.exporters.snapshot import take_snapshot
from tui.session import Session


def export_into(session: Session, fmt: str, folder: Path, today: dt.date) -> str:
    """Write every loop in `fmt` to a new file in `folder`; the sentence to show."""
    snapshot = session.read(lambda repo: take_snapshot(repo, today))
    data = render(fmt, snapshot)
    target = _free_name(folder, f"loopdeck-{today.isoformat()}", SUFFIX[fmt])
    try:
        with target.open("xb") as out:
            out.write(data)
    except OSError as error:
        return f"Could not export to {target} ({error.strerror})."
    return f"Exported {len(snapshot.loops)} loops to {target}"


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """`stem.suffix`, or `stem-2.suffix` and so on when it is taken."""
    target, number = folder / f"{stem}{suffix}", 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}{suffix}"
    return target
