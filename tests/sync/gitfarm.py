"""Real git for sync tests: a bare remote and clones in a temp folder, no user config.

Each clone is a machine: its own work tree, its own replica id (in its .git),
its own identity, optionally its own clock skew and `pull.rebase` setting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest

from planner.models import Process
from storage.gitsync import SyncResult, sync
from storage.repository import Repository

DATA = "loopdeck.json"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def isolate_git(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """No system or user config leaks in; branches are called main everywhere."""
    home.mkdir(parents=True, exist_ok=True)
    (home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".state"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CONFIG_GLOBAL"):
        monkeypatch.delenv(name, raising=False)


@contextlib.contextmanager
def clock_skew(seconds: float) -> Iterator[None]:
    """This machine's wall clock runs `seconds` off (stamps come from `time.time_ns`)."""
    real = time.time_ns
    time.time_ns = lambda: real() + int(seconds * 1e9)
    try:
        yield
    finally:
        time.time_ns = real


@dataclass
class Machine:
    """One clone of the remote, with the data file at its top."""

    name: str
    root: Path
    skew: float = 0.0
    synced: bool = False
    data: str = DATA
    """The data file's path in the work tree."""

    @property
    def path(self) -> Path:
        return self.root / self.data

    def repo(self) -> Repository:
        return Repository.open(self.path)

    def sync(self, **options: Any) -> SyncResult:
        """`loopdeck sync`; the machine's first sync is `sync --init` unless a test says.

        As the README has it: the first machine sets the remote up with
        `--init`, which is also what a clone made before that needs.
        """
        options.setdefault("init", not self.synced)
        self.synced = True
        with clock_skew(self.skew):
            return sync(self.path, **options)

    def add(self, company: str, role: str = "ML Engineer") -> Process:
        process = Process(company=company, role=role, created_on=dt.date(2026, 3, 1))
        with clock_skew(self.skew), self.repo().transaction(f"add {company}") as tx:
            tx.put(process)
        return process

    def edit(self, process_id: str, **fields: Any) -> None:
        repo = self.repo()
        process = repo.loop(process_id).process.model_copy(update=fields)
        with clock_skew(self.skew), repo.transaction("edit") as tx:
            tx.put(process)

    def delete(self, process_id: str) -> None:
        repo = self.repo()
        with clock_skew(self.skew), repo.transaction("delete") as tx:
            tx.delete(repo.loop(process_id).process)

    def document(self) -> dict[str, Any]:
        loaded: dict[str, Any] = orjson.loads(self.path.read_bytes())
        return loaded

    def record(self, process_id: str) -> dict[str, Any]:
        found: dict[str, Any] = self.document()["processes"][process_id]
        return found

    def status(self) -> str:
        return git(self.root, "status", "--porcelain")


class Farm:
    """A bare remote and the machines cloned from it."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.remote = base / "remote.git"
        git(base, "init", "--quiet", "--bare", str(self.remote))

    def clone(
        self, name: str, skew: float = 0.0, rebase: bool = False, data: str = DATA
    ) -> Machine:
        root = self.base / name
        git(self.base, "clone", "--quiet", str(self.remote), str(root))
        git(root, "config", "user.name", f"Person on {name}")
        git(root, "config", "user.email", f"{name}@example.com")
        git(root, "config", "pull.rebase", "true" if rebase else "false")
        return Machine(name, root, skew, data=data)
