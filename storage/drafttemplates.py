"""My own draft templates: `<config folder>/templates/<kind>.txt` replaces a default.

The config folder is `$LOOPDECK_CONFIG_DIR`, else the platform's user config
folder (`~/.config/loopdeck` on Linux). A missing file means the default
words (`planner.draftwords`); a file that cannot be read is an error, never a
silent fallback, so the user is not surprised by words they thought replaced.
"""

from __future__ import annotations

from pathlib import Path

from planner.draftwords import DraftKind
from storage.errors import StorageError
from storage.locations import config_dir


def template_path(kind: DraftKind) -> Path:
    return config_dir() / "templates" / f"{kind.value}.txt"


def read_template(kind: DraftKind) -> tuple[str, str] | None:
    """(text, the path as the user knows it) of my template for `kind`, or None."""
    path = template_path(kind)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StorageError(f"cannot read the template {path} ({error.strerror})") from None
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n"), str(path)
    except UnicodeDecodeError:
        raise StorageError(f"the template {path} is not UTF-8 text") from None
