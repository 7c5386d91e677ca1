"""Which bytes each export format writes: one answer for `loopdeck export` and the app's palette."""

from __future__ import annotations

from storage.exporters.csv_export import to_csv
from storage.exporters.ics_export import to_ics
from storage.exporters.markdown_export import to_markdown
from storage.exporters.snapshot import Snapshot

SUFFIX = {"csv": ".csv", "ics": ".ics", "md": ".md"}
"""The formats, with the file ending each is saved under."""


def render(fmt: str, snapshot: Snapshot) -> bytes:
    """The snapshot in `fmt` (a key of `SUFFIX`), as the file's bytes."""
    if fmt == "ics":
        return to_ics(snapshot)
    return (to_csv(snapshot) if fmt == "csv" else to_markdown(snapshot)).encode("utf-8")
