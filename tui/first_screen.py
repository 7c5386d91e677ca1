"""The main screen as it last looked, kept so that the next start paints it at once.

Loading a large file (importing pydantic and the models, reading, ranking the
loops) takes longer than starting Textual itself. The header and the loops
pane are small, so every board the app computes is also saved here, as a
`Summary` and `RowView`s, keyed by the data file's inode, size and mtime and
by today's date. The next start on that same version of the file, the same
day, lists them before anything else is imported; the real board replaces
them moments later, and the editing keys wait for it. Any miss (the file
changed, a new day, no cache, a damaged cache) simply paints once the file
is loaded. It lives in the user cache folder, never beside the data file.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import orjson

from planner.signals import Owner, Signal
from storage.locations import cache_file, write_cache
from tui.views import RowView, Summary

FORMAT = 2
"""Raise it when `RowView` or `Summary` change: older caches then count as misses."""

ROW_FIELDS = tuple(field.name for field in fields(RowView))
SUMMARY_COUNTS = ("active", "on_me", "on_recruiter", "on_hiring_manager", "cooling", "todos")
"""A saved row is its fields in order (`dataclasses.astuple` deep-copies: ~7 ms a board)."""

Version = tuple[int, int, int]
"""A data file version: inode, size and mtime in nanoseconds."""


@dataclass(frozen=True)
class FirstScreen:
    """What the header and the loops pane showed for one version of the file."""

    summary: Summary
    rows: list[RowView]


def version_of(data_path: Path) -> Version | None:
    try:
        stat = os.stat(data_path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def cache_path(data_path: Path) -> Path:
    return cache_file(data_path, "screens", ".json")


def _key(data_path: Path, version: Version, today: dt.date) -> list[Any]:
    return [FORMAT, str(data_path.absolute()), list(version), today.isoformat()]


def load(data_path: Path, today: dt.date) -> FirstScreen | None:
    """The saved first screen if it belongs to the file as it is now, and to today."""
    version = version_of(data_path)
    if version is None:
        return None
    try:
        saved = orjson.loads(cache_path(data_path).read_bytes())
        if saved["key"] != _key(data_path, version, today):
            return None
        active, on_me, on_recruiter, on_hiring_manager, cooling, todos = saved["summary"]
        summary = Summary(active, on_me, on_recruiter, on_hiring_manager, cooling, todos, today)
        rows = [_row(*fields) for fields in saved["rows"]]
    except Exception:  # a cache is only a shortcut: anything odd is a miss
        return None
    return FirstScreen(summary, rows)


def store(
    data_path: Path, version: Version, today: dt.date, summary: Summary, rows: list[RowView]
) -> None:
    """Save what was drawn for this version of the file; failing to save is no error."""
    payload = {
        "key": _key(data_path, version, today),
        "summary": [getattr(summary, name) for name in SUMMARY_COUNTS],
        "rows": [[getattr(row, name) for name in ROW_FIELDS] for row in rows],
    }
    write_cache(cache_path(data_path), orjson.dumps(payload), data_path)


def _row(
    process_id: str,
    company: str,
    role: str,
    stage: str,
    closed: bool,
    owner: str | None,
    overridden: bool,
    waiting_days: int,
    signal: str | None,
    next_step: str,
    todos: int,
) -> RowView:
    return RowView(
        process_id=process_id,
        company=company,
        role=role,
        stage=stage,
        closed=bool(closed),
        owner=Owner(owner) if owner is not None else None,
        overridden=bool(overridden),
        waiting_days=int(waiting_days),
        signal=Signal(signal) if signal is not None else None,
        next_step=str(next_step),
        todos=int(todos),
    )
