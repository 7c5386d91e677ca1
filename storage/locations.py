"""Where the data file lives, so the command line and the app agree on one answer.

Precedence: an explicit `--db`, then `$LOOPDECK_DB` (handy for scripts and a
synced folder), then the platform's user data folder. The model cache goes to
the user cache folder, never beside the file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from storage.jsonfile import side_file_mode, write_bytes_atomic

APP_NAME = "loopdeck"
DEFAULT_FILE_NAME = "loopdeck.json"


def resolve_db_path(cli_value: str | None) -> Path:
    """The data file path: `--db`, else `$LOOPDECK_DB`, else the user data folder."""
    chosen = cli_value or os.environ.get("LOOPDECK_DB")
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only here: the app's first paint should not wait for it

    return Path(platformdirs.user_data_dir(APP_NAME)) / DEFAULT_FILE_NAME


CONFIG_DIR_VARIABLE = "LOOPDECK_CONFIG_DIR"


def config_dir() -> Path:
    """`$LOOPDECK_CONFIG_DIR`, else the platform's user config folder: my own files
    (draft templates), local to this machine like any editor's settings."""
    chosen = os.environ.get(CONFIG_DIR_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


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


KEEP_CACHE_FILES = 8
"""Per kind of cache: enough for the data files one person opens, not one per demo copy."""


def write_cache(target: Path, payload: bytes, data_path: Path) -> None:
    """Replace a cache file atomically, then tidy its folder; a cache that cannot be
    written is simply not written (the next start parses the file instead).

    A cache holds the loops of `data_path`: it gets that file's permissions or
    0600, whichever is stricter, in folders only the user may enter.
    """
    try:
        target.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        write_bytes_atomic(target, payload, durable=False, mode=side_file_mode(data_path))
    except OSError:
        return
    prune_cache(target.parent)


def prune_cache(kind_folder: Path, keep: int = KEEP_CACHE_FILES) -> None:
    """Delete all but the `keep` most recently written files of a cache folder.

    Each data file path gets its own cache files; without this, every copy
    ever opened (demo copies, moved folders) would leave its files behind.
    """
    try:
        entries = sorted(
            (entry for entry in os.scandir(kind_folder) if entry.is_file()),
            key=lambda entry: entry.stat().st_mtime_ns,
            reverse=True,
        )
        for entry in entries[keep:]:
            os.unlink(entry.path)
    except OSError:
        return  # a cache that cannot be tidied is still a cache
