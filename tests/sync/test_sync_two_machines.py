"""Two machines edit the same loop and sync through a bare remote: nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gitfarm import Farm, git

from planner.models import Process
from storage.gitdriver import driver_status


def test_same_field_edited_on_two_machines_converges_and_keeps_the_loser(farm: Farm) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()

    desktop.edit(acme.id, notes="call the recruiter")
    laptop.edit(acme.id, notes="send the take-home")
    first = desktop.sync()
    second = laptop.sync()
    desktop.sync()
    laptop.sync()

    assert first.pushed and second.pulled == 1 and second.new_conflicts == 1
    assert laptop.path.read_bytes() == desktop.path.read_bytes()
    assert laptop.status() == desktop.status() == ""
    record = laptop.record(acme.id)
    assert record["notes"] == "send the take-home"
    assert [(c["field"], c["value"]) for c in record["_conflicts"]] == [
        ("notes", "call the recruiter")
    ]


def test_a_rejected_push_pulls_again_and_retries(farm: Farm) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    desktop.edit(acme.id, level="L6")
    git(desktop.root, "commit", "--quiet", "-am", "desktop edit")
    # The desktop pushes in the instant between the laptop's pull and its push.
    hook = laptop.root / ".git" / "hooks" / "pre-push"
    hook.write_text(
        "#!/bin/sh\n"
        f'[ -e "{hook}.done" ] && exit 0\n'
        f'touch "{hook}.done"\n'
        "unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\n"
        f'cd "{desktop.root}" && git push --quiet origin main\n'
    )
    hook.chmod(0o755)
    laptop.edit(acme.id, notes="prep the system design round")

    result = laptop.sync()

    assert result.pushed and result.pulled == 1
    assert git(farm.remote, "log", "-1", "--format=%s", "main").startswith("Merge")
    desktop.sync()
    record = desktop.record(acme.id)
    assert (record["level"], record["notes"]) == ("L6", "prep the system design round")
    assert laptop.path.read_bytes() == desktop.path.read_bytes()


def test_an_open_repository_writes_on_top_of_what_a_pull_brought(farm: Farm) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    app_repo = laptop.repo()  # the app, open all along
    desktop.edit(acme.id, notes="from the desktop")
    desktop.sync()
    laptop.sync()

    globex = Process(company="Globex", role="SRE", created_on=dt.date(2026, 3, 2))
    with app_repo.transaction("add Globex") as tx:
        tx.put(globex)

    processes = laptop.document()["processes"]
    assert processes[acme.id]["notes"] == "from the desktop"
    assert globex.id in processes


def test_a_moved_interpreter_is_noticed_and_repaired_by_sync(farm: Farm) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.sync()
    assert driver_status(laptop.path) is None
    git(laptop.root, "config", "merge.loopdeck.driver", "/old/venv/python -P -m x %O %A %B %P")

    assert "another Python (/old/venv/python)" in str(driver_status(laptop.path))
    assert laptop.sync().repaired == ["git config"]
    assert driver_status(laptop.path) is None


def test_a_data_file_outside_git_has_no_driver_to_report(tmp_path: Path) -> None:
    assert driver_status(tmp_path / "loopdeck.json") is None
