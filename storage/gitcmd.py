"""Running git as a subprocess, with failures turned into one clear sentence.

Sync shells out to the user's own git rather than a library: it then honours
their credentials, hooks, `pull.rebase` and remotes exactly as `git pull`
would, and the merge driver it installs is called by that same git.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from storage.errors import StorageError

# Sync never stops to ask: no editor for merge messages, no password prompt (a
# missing credential fails with git's message instead of hanging the app), and
# messages in English so the rejection checks below can read them.
QUIET = {"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true"}


class SyncError(StorageError):
    """Sync cannot go on; the sentence says what to do. The data file is untouched."""


class Git:
    """git commands run in one work tree."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run `git ARGS` here; with `check`, a non-zero exit raises `SyncError`."""
        try:
            done = subprocess.run(
                ["git", *args],
                cwd=self.cwd,
                capture_output=True,
                text=True,
                env={**os.environ, **QUIET},
                check=False,
            )
        except FileNotFoundError:
            raise SyncError("git is not installed (or not on PATH); install git to sync") from None
        if check and done.returncode != 0:
            raise SyncError(
                f"git {args[0]} failed: {explain(done.stderr or done.stdout, self.cwd)}"
            )
        return done

    def out(self, *args: str) -> str:
        """The stripped output of a command that must succeed."""
        return self.run(*args).stdout.strip()

    def ok(self, *args: str) -> bool:
        """Whether a query command (e.g. `rev-parse --verify`) succeeds."""
        return self.run(*args, check=False).returncode == 0

    def config(self, key: str) -> str | None:
        done = self.run("config", "--get", key, check=False)
        return done.stdout.strip() if done.returncode == 0 else None

    def git_dir(self) -> Path:
        """The repository's git folder (a worktree's own, for a linked worktree)."""
        return Path(self.out("rev-parse", "--absolute-git-dir"))

    def rebase_dirs(self) -> list[Path]:
        """The folders of a rebase in progress (none when no rebase is stopped midway)."""
        folders = [self.git_dir() / name for name in ("rebase-merge", "rebase-apply")]
        return [folder for folder in folders if folder.exists()]


LOCKED = re.compile(r"Unable to create '(?P<path>.+?)': File exists")


def explain(text: str, cwd: Path, where: str | None = None) -> str:
    """What went wrong, in git's words; a lock file left behind is named, with what to do.

    A git command killed midway (a sync interrupted, a crash) leaves its lock
    file (`.git/index.lock`, a ref's `.lock`) and every later command fails;
    git's own advice ("remove the file manually") does not say which file.
    `where` is the repository holding the lock when it is not the one at `cwd`
    (a push killed in the remote leaves it there).
    """
    locked = LOCKED.search(text)
    if locked is not None:
        path = Path(locked.group("path"))
        return held(path if path.is_absolute() else cwd / path, where or cwd)
    said = last_line(text)
    if said == "stash failed":
        # `git merge` runs `git stash create` before a real merge; on a held index
        # lock that fails without a word of its own, and merge says only this.
        lock = _index_lock(cwd)
        if lock is not None:
            return held(lock, cwd)
    return said


def held(path: Path, folder: Path | str) -> str:
    """A lock file a git command in `folder` holds or a killed one left, and what to do."""
    return (
        f"{path} exists: another git command is running in {folder}, or one was stopped "
        f"midway; if none is running, remove {path} and sync again"
    )


def _index_lock(cwd: Path) -> Path | None:
    """The index's lock of the repository at `cwd`, if it is there."""
    done = Git(cwd).run("rev-parse", "--absolute-git-dir", check=False)
    lock = Path(done.stdout.strip()) / "index.lock"
    return lock if done.returncode == 0 and lock.exists() else None


def last_line(text: str) -> str:
    """git's most telling line: the last non-empty one, without its 'fatal: ' prefix."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "no message"
    line = lines[-1]
    for prefix in ("fatal: ", "error: "):
        line = line.removeprefix(prefix)
    return line


def work_tree(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder`, or None when it is not in one.

    A folder not created yet (the data file's, in a fresh clone) is in the
    work tree of the nearest folder that exists.
    """
    folder = folder.absolute()
    while not folder.is_dir():
        if folder.exists() or folder.parent == folder:
            return None
        folder = folder.parent
    done = Git(folder).run("rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        return None
    return Path(done.stdout.strip())
