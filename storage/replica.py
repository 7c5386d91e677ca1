"""The replica id that ends every stamp: one per clone, never synced.

It must live outside the synced data file (two clones sharing an id could
issue equal stamps), so it goes into the git folder of the work tree holding
the data file, or, outside git, into the user's state folder.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import platformdirs

REPLICA_FILE = "loopdeck-replica"


def git_dir_for(path: Path) -> Path | None:
    """The `.git` folder of the work tree containing `path`, if any (worktrees included)."""
    for folder in path.resolve().parents:
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                return (folder / text.removeprefix("gitdir:").strip()).resolve()
    return None


def replica_file_for(data_path: Path) -> Path:
    """Where the replica id of this data file is kept."""
    git_dir = git_dir_for(data_path)
    if git_dir is not None:
        return git_dir / REPLICA_FILE
    return Path(platformdirs.user_state_dir("loopdeck")) / "replica"


def replica_id(data_path: Path) -> str:
    """This machine's replica id for the data file, created on first use."""
    where = replica_file_for(data_path)
    try:
        existing = where.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        existing = ""
    if existing and existing.isalnum() and existing.isascii():
        return existing
    fresh = uuid.uuid4().hex[:12]
    where.parent.mkdir(parents=True, exist_ok=True)
    temp = where.with_name(f".{where.name}.{fresh}.tmp")
    temp.write_text(fresh + "\n", encoding="ascii")
    os.replace(temp, where)
    # Two processes may race to create it: whichever replaced last is the id for both.
    return where.read_text(encoding="ascii").strip()
