"""Where the data file lives, so the command line and the app agree on one answer.

Precedence: an explicit `--db`, then `$LOOPDECK_DB` (handy for scripts and a
synced folder), then the platform's user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "loopdeck"
DEFAULT_FILE_NAME = "loopdeck.json"


def resolve_db_path(cli_value: str | None) -> Path:
    """The data file path: `--db`, else `$LOOPDECK_DB`, else the user data folder."""
    chosen = cli_value or os.environ.get("LOOPDECK_DB")
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / DEFAULT_FILE_NAME
