"""A data file inside a repository that does not sync it leaves that repository alone.

loopdeck changes a git repository only when git tracks the data file there or
`loopdeck sync --init` was run. Before, `add` wrote `.git/loopdeck-replica`,
opening the app wrote `.gitattributes`, `.gitignore` and `merge.loopdeck.*`
into the repository, and `check` failed on a sound file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from gitfarm import git, isolate_git

from storage.gitdriver import driver_status
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.cli.main import main

LOCAL = {"loopdeck.json", "loopdeck.lock", "loopdeck.undo.json"}


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the repository except the data file and its local companions."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name not in LOCAL
    }


@pytest.fixture
def dotfiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Someone's repository of notes and settings, with a loopdeck file in a folder of it."""
    isolate_git(monkeypatch, tmp_path / "home")
    root = tmp_path / "dotfiles"
    git(tmp_path, "init", "--quiet", str(root))
    (root / "notes.md").write_text("mine\n")
    git(root, "add", "notes.md")
    git(root, "-c", "user.name=Me", "-c", "user.email=me@example.com", "commit", "-qm", "notes")
    return root


def loopdeck(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


async def test_a_data_file_in_an_unrelated_repository_leaves_it_alone(
    dotfiles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = dotfiles / "jobs" / "loopdeck.json"
    before = snapshot(dotfiles)

    assert loopdeck(capsys, data, "add", "Acme / ML Engineer")[0] == 0
    app = LoopdeckApp(Repository.open(data), dt.date(2026, 3, 16), watch_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
    code, out, err = loopdeck(capsys, data, "check")

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "loopdeck.json is sound: 1 loop, 1 round, 0 contacts, 0 log entries",
        f"Not synced: git does not track loopdeck.json in {dotfiles}, so loopdeck leaves "
        "that repository alone ('loopdeck sync --init' syncs it there)",
    ]
    assert driver_status(data) is None
    assert snapshot(dotfiles) == before
    assert git(dotfiles, "status", "--porcelain") == "?? jobs/\n"


def test_sync_asks_for_init_and_then_syncs_through_that_repository(
    dotfiles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = dotfiles / "jobs" / "loopdeck.json"
    assert loopdeck(capsys, data, "add", "Acme / ML Engineer")[0] == 0
    before = snapshot(dotfiles)

    code, out, err = loopdeck(capsys, data, "sync")

    assert (code, out) == (1, "")
    assert err == (
        f"loopdeck: loopdeck.json is not tracked in the git repository at {dotfiles}; "
        "run 'loopdeck sync --init' to sync it through that repository\n"
    )
    assert snapshot(dotfiles) == before

    (dotfiles / ".git" / "config").write_text(
        (dotfiles / ".git" / "config").read_text() + "[user]\n\tname = Me\n\temail = m@e.x\n"
    )
    code, out, err = loopdeck(capsys, data, "sync", "--init")
    assert code == 0, err
    assert git(dotfiles, "ls-files") == "jobs/loopdeck.json\nnotes.md\n"
    assert git(dotfiles, "status", "--porcelain") == ""
    assert (dotfiles / ".git" / "loopdeck-replica").exists()
    assert driver_status(data) is None
