"""What the app remembers between starts: the theme picked and the last loop selected.

It lives in the user's config folder (`<config>/remembered.json`), local to
this machine like an editor's settings, never in the data file that git
syncs: another machine may prefer another theme. A file that cannot be read
is as good as none (the defaults); one that cannot be written is skipped:
forgetting a theme is no reason to stop anyone quitting.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from storage.jsonfile import write_bytes_atomic
from storage.locations import config_dir

FILE_NAME = "remembered.json"


@dataclass(frozen=True)
class Remembered:
    """The app's state worth keeping from one start to the next."""

    theme: str | None = None
    """The theme last picked (Textual's name), None for the app's default."""
    loop: str | None = None
    """The process id of the loop last selected, selected again if it is still listed."""


def remembered_path() -> Path:
    return config_dir() / FILE_NAME


def load_remembered() -> Remembered:
    """The state saved at the last quit, or the defaults."""
    try:
        document = json.loads(remembered_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Remembered()
    if not isinstance(document, dict):
        return Remembered()
    theme, loop = document.get("theme"), document.get("loop")
    return Remembered(
        theme=theme if isinstance(theme, str) else None,
        loop=loop if isinstance(loop, str) else None,
    )


def save_remembered(state: Remembered) -> None:
    """Replace the file atomically; a file that cannot be written is left as it was."""
    path = remembered_path()
    payload = json.dumps(asdict(state), indent=2, sort_keys=True).encode("utf-8") + b"\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, payload, durable=False)
    except OSError:
        return
