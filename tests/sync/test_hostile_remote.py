"""A remote that someone else can push to cannot reach outside the clone or switch the merge off.

Another clone (mallory) commits what a careless or hostile collaborator might:
`.gitattributes` and `.gitignore` as symbolic links to files elsewhere on the
victim's disk, and attributes that tell git to merge the data file line by
line (`merge=union`), not at all (`-merge`) or as a binary file (`binary`).
The victim keeps syncing, opens the app and runs `check`. Nothing outside the
clone changes, no line merge happens (the file stays strictly parseable and
conflicts are kept record by record) and `check` names what was committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from gitfarm import Farm, Machine, git

from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.cli.main import main


def tree(folder: Path) -> dict[str, str]:
    """Every entry under `folder` (links as their target, files by hash)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def outside(farm: Farm) -> Path:
    """Files of the victim's that no sync may touch: one there, one not (yet)."""
    folder = farm.base / "outside"
    folder.mkdir()
    (folder / "shell-profile").write_text("export PATH=/usr/bin\n")
    return folder


def check(capsys: pytest.CaptureFixture[str], machine: Machine) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(machine.path), "check"])
    out, err = capsys.readouterr()
    return code, out, err


async def open_app(machine: Machine) -> None:
    app = LoopdeckApp(Repository.open(machine.path), dt.date(2026, 3, 16), watch_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()


def mallory_commits(mallory: Machine, message: str) -> None:
    git(mallory.root, "add", "-A")
    git(mallory.root, "commit", "--quiet", "-m", message)
    git(mallory.root, "push", "--quiet", "origin", "main")


def two_machines(farm: Farm) -> tuple[Machine, Machine, str]:
    victim, mallory = farm.clone("victim"), farm.clone("mallory")
    acme = victim.add("Acme")
    victim.sync()
    mallory.sync()
    return victim, mallory, acme.id


async def test_symlinked_support_files_from_a_remote_are_never_written_through(
    farm: Farm, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim, mallory, acme = two_machines(farm)
    for name, target in ((".gitattributes", "shell-profile"), (".gitignore", "planted")):
        (mallory.root / name).unlink(missing_ok=True)
        (mallory.root / name).symlink_to(outside / target)
    mallory_commits(mallory, "links")
    before = tree(outside)

    victim.edit(acme, notes="first")
    victim.sync()
    victim.edit(acme, notes="second")
    victim.sync()
    await open_app(victim)
    code, out, err = check(capsys, victim)

    assert tree(outside) == before
    assert not (outside / "planted").exists()
    assert (victim.root / ".gitattributes").is_symlink()
    assert code == 0 and "is sound" in out
    assert f".gitattributes is a symbolic link (to {outside / 'shell-profile'})" in err
    assert f".gitignore is a symbolic link (to {outside / 'planted'})" in err
    assert victim.status() == ""
    mallory.sync()
    assert mallory.record(acme)["notes"] == "second"


@pytest.mark.parametrize(
    ("attribute", "reported"),
    [("merge=union", "merge: union"), ("-merge", "merge: unset"), ("binary", "merge: unset")],
)
async def test_a_committed_attribute_cannot_switch_the_merge_driver_off(
    farm: Farm,
    outside: Path,
    capsys: pytest.CaptureFixture[str],
    attribute: str,
    reported: str,
) -> None:
    victim, mallory, acme = two_machines(farm)
    with (mallory.root / ".gitattributes").open("a") as attributes:  # after any line of ours
        attributes.write(f"loopdeck.json {attribute}\n")
    mallory_commits(mallory, f"merge the data file with {attribute}")
    newcomer = farm.clone("newcomer")  # a clone made after the attribute was committed
    before = tree(outside)

    victim.edit(acme, notes="from the victim")
    mallory.edit(acme, notes="from mallory")
    newcomer.add("Globex")
    mallory.sync()
    victim_result = victim.sync()
    newcomer.sync(init=False)
    mallory.sync()
    victim.sync()
    await open_app(victim)
    code, out, err = check(capsys, victim)

    assert victim_result.new_conflicts == 1  # merged record by record, the loser kept
    for machine in (victim, mallory, newcomer):
        machine.sync()
        repo = Repository.open(machine.path)
        assert repo.read_only is None, machine.name  # no duplicate keys, no conflict markers
        assert sorted(loop.process.company for loop in repo.loops()) == ["Acme", "Globex"]
    assert victim.path.read_bytes() == mallory.path.read_bytes() == newcomer.path.read_bytes()
    assert tree(outside) == before
    assert code == 0 and "is sound" in out
    assert reported in err and f".gitattributes: 'loopdeck.json {attribute}'" in err
