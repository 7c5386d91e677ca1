"""The replica id that ends every stamp: one per copy of the data file, never synced.

It must live outside the synced data file (two clones sharing an id could
issue equal stamps). A clone that loopdeck syncs keeps it in its git folder
(`.git/loopdeck-replica`, written when sync sets the clone up); any other
data file, in a git work tree or not, keeps it in the user's state folder,
one per data file path: loopdeck changes a git repository only when it syncs
the data file through it.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

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


def state_file_for(data_path: Path) -> Path:
    """The replica id of a data file no synced clone holds: in the user state folder.

    `platformdirs` is imported here, when a write first needs the id: a read
    never does, and the import (its `tempfile`, `shutil` and `random` with it)
    cost about 6 ms.
    """
    import platformdirs

    digest = hashlib.sha256(str(data_path.absolute()).encode()).hexdigest()[:24]
    return Path(platformdirs.user_state_dir("loopdeck")) / "replicas" / digest


def replica_file_for(data_path: Path) -> Path:
    """Where the replica id of this data file is kept."""
    git_dir = git_dir_for(data_path)
    if git_dir is not None and (git_dir / REPLICA_FILE).is_file():
        return git_dir / REPLICA_FILE
    return state_file_for(data_path)


def replica_id(data_path: Path) -> str:
    """This copy's replica id for the data file, created on first use."""
    where = replica_file_for(data_path)
    existing = _read(where)
    if existing:
        return existing
    return _create(where, uuid.uuid4().hex[:12])


def keep_in_git(data_path: Path, git_dir: Path) -> bool:
    """Move the replica id into the clone's git folder as sync sets it up; True if it did.

    The id the data file had so far goes along, so stamps do not change hands.
    """
    target = git_dir / REPLICA_FILE
    if _read(target):
        return False
    _create(target, _read(state_file_for(data_path)) or uuid.uuid4().hex[:12])
    return True


def _read(where: Path) -> str:
    try:
        existing = where.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return existing if existing.isalnum() and existing.isascii() else ""


def _create(where: Path, fresh: str) -> str:
    where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = where.with_name(f".{where.name}.{fresh}.tmp")
    temp.write_text(fresh + "\n", encoding="ascii")
    os.replace(temp, where)
    # Two processes may race to create it: whichever replaced last is the id for both.
    return where.read_text(encoding="ascii").strip()
