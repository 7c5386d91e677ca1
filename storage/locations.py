"""Where the data file lives, so the command line and the app agree on one answer.

Precedence: an explicit `--db`, then `$LOOPDECK_DB` (handy for scripts and a
synced folder), then the platform's user data folder. Caches (parsed models,
the last first screen) go to the user cache folder, never beside the file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

APP_NAME = "loopdeck"
DEFAULT_FILE_NAME = "loopdeck.json"


def resolve_db_path(cli_value: str | None) -> Path:
    """The data file path: `--db`, else `$LOOPDECK_DB`, else the user data folder."""
    chosen = cli_value or os.environ.get("LOOPDECK_DB")
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only here: the app's first paint should not wait for it

    return Path(platformdirs.user_data_dir(APP_NAME)) / DEFAULT_FILE_NAME


CACHE_DIR_VARIABLE = "LOOPDECK_CACHE_DIR"


def cache_dir() -> Path:
    """`$LOOPDECK_CACHE_DIR`, else the platform's user cache folder: local, never synced."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def cache_file(data_path: Path, kind: str, suffix: str) -> Path:
    """One cache file of a kind per data file, named by a hash of the file's absolute path."""
    digest = hashlib.sha256(str(data_path.absolute()).encode()).hexdigest()[:24]
    return cache_dir() / kind / f"{digest}{suffix}"
