"""The sync, conflicts and merge-driver commands, run through the real `main()` on real git."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitfarm import Farm, Machine, git

from storage.gitdriver import driver_status
from tui.cli.main import main


def loopdeck(
    capsys: pytest.CaptureFixture[str], machine: Machine, *args: str
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(machine.path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def diverged(farm: Farm) -> tuple[Machine, Machine, str]:
    """Two synced machines that then wrote different notes on the same loop."""
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    desktop.edit(acme.id, notes="call the recruiter")
    laptop.edit(acme.id, notes="send the take-home")
    return laptop, desktop, acme.id


def test_sync_reports_each_step_and_both_machines_converge(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desktop, _ = diverged(farm)

    assert (
        loopdeck(capsys, desktop, "sync")[1]
        == "Committed local changes (1 loop)\nPushed to origin\n"
    )
    code, out, _ = loopdeck(capsys, laptop, "sync")
    assert code == 0
    assert out.splitlines() == [
        "Committed local changes (1 loop)",
        "Pulled changes to 1 loop from origin",
        "Kept 1 overwritten value(s) as conflicts (see 'loopdeck conflicts')",
        "Pushed to origin",
    ]
    loopdeck(capsys, desktop, "sync")
    assert loopdeck(capsys, laptop, "sync")[1] == "Nothing to do: already in sync with origin\n"
    assert laptop.path.read_bytes() == desktop.path.read_bytes()


def test_a_conflict_is_listed_resolved_and_undone(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desktop, acme = diverged(farm)
    desktop.sync()
    laptop.sync()
    before = laptop.path.read_bytes()

    code, out, _ = loopdeck(capsys, laptop, "conflicts")
    assert code == 0
    assert "'call the recruiter'" in out and "'send the take-home'" in out
    assert out.splitlines()[1].split()[:5] == ["1", "Acme", "/", "ML", "Engineer"]

    code, out, _ = loopdeck(capsys, laptop, "conflicts", "--resolve", "1", "--take", "other")
    assert code == 0, out
    assert laptop.record(acme)["notes"] == "call the recruiter"
    assert laptop.record(acme)["_conflicts"] == []
    assert "No kept conflicts" in loopdeck(capsys, laptop, "conflicts")[1]

    assert loopdeck(capsys, laptop, "undo")[0] == 0
    record = laptop.record(acme)
    assert record["notes"] == "send the take-home"
    assert [c["value"] for c in record["_conflicts"]] == ["call the recruiter"]
    assert laptop.path.read_bytes() != before  # undo is a new stamped write, not a rewind


def test_a_resolution_syncs_to_the_other_machine(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desktop, acme = diverged(farm)
    desktop.sync()
    laptop.sync()
    desktop.sync()

    loopdeck(capsys, desktop, "conflicts", "--resolve", "1", "--take", "current")
    desktop.sync()
    laptop.sync()

    assert laptop.record(acme)["_conflicts"] == []
    assert laptop.path.read_bytes() == desktop.path.read_bytes()


def test_resolving_a_conflict_that_does_not_exist_says_so(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desktop, _ = diverged(farm)
    desktop.sync()
    laptop.sync()
    before = laptop.path.read_bytes()

    code, _, err = loopdeck(capsys, laptop, "conflicts", "--resolve", "7", "--take", "other")
    assert code == 1
    assert (
        err
        == "loopdeck: there is no conflict 7 (there are 1); run 'loopdeck conflicts' to list them\n"
    )
    code, _, err = loopdeck(capsys, laptop, "conflicts", "--resolve", "1")
    assert (code, err.count("\n")) == (1, 1)
    assert laptop.path.read_bytes() == before


def test_a_clone_without_the_driver_is_refused_then_finished_from_git(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desktop, acme = diverged(farm)
    desktop.sync()
    git(laptop.root, "config", "--remove-section", "merge.loopdeck")
    assert "no loopdeck merge driver" in str(driver_status(laptop.path))
    git(laptop.root, "commit", "--quiet", "-am", "by hand")
    pulled = git_fails(laptop.root, "pull", "--no-rebase", "origin", "main")
    assert "CONFLICT" in pulled
    assert b"<<<<<<<" in laptop.path.read_bytes()
    before = laptop.path.read_bytes()

    code, _, err = loopdeck(capsys, laptop, "sync")
    assert code == 1 and "conflicts --from-git" in err
    assert laptop.path.read_bytes() == before

    code, out, _ = loopdeck(capsys, laptop, "conflicts", "--from-git")
    assert code == 0, out
    assert "Committed the merge" in out
    record = laptop.record(acme)
    assert record["notes"] == "send the take-home"
    assert [c["value"] for c in record["_conflicts"]] == ["call the recruiter"]
    assert loopdeck(capsys, laptop, "sync")[0] == 0
    assert driver_status(laptop.path) is None
    desktop.sync()
    assert laptop.path.read_bytes() == desktop.path.read_bytes()


def git_fails(cwd: Path, *args: str) -> str:
    import subprocess

    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    return done.stdout + done.stderr


def test_sync_outside_a_repository_asks_for_init_and_init_commits_locally(
    tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    alone = Machine("alone", tmp_path / "alone")
    alone.add("Acme")
    before = alone.path.read_bytes()

    code, out, err = loopdeck(capsys, alone, "sync")
    assert (code, out) == (1, "")
    assert "not in a git repository; run 'loopdeck sync --init'" in err
    assert alone.path.read_bytes() == before

    git(farm.base, "init", "--quiet", str(tmp_path / "probe"))  # identity for the commit:
    (tmp_path / "home" / ".gitconfig").write_text(
        "[user]\n\tname = Me\n\temail = me@example.com\n[init]\n\tdefaultBranch = main\n"
    )
    code, out, _ = loopdeck(capsys, alone, "sync", "--init")
    assert code == 0
    assert out.splitlines()[0] == "Made the data folder a git repository"
    assert "committed locally only" in out
    assert alone.status() == ""
    assert git(alone.root, "ls-files") == "loopdeck.json\n"  # and nothing else
    assert driver_status(alone.path) is None


def test_init_with_a_remote_joins_its_history_and_keeps_local_loops(
    tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.sync()
    (tmp_path / "home" / ".gitconfig").write_text(
        "[user]\n\tname = Me\n\temail = me@example.com\n[init]\n\tdefaultBranch = trunk\n"
    )
    fresh = Machine("fresh", tmp_path / "fresh")
    fresh.add("Globex")

    code, out, err = loopdeck(capsys, fresh, "sync", "--init", "--remote", str(farm.remote))
    assert code == 0, err
    assert "Pushed to origin" in out
    laptop.sync()
    companies = {r["company"] for r in laptop.document()["processes"].values()}
    assert companies == {"Acme", "Globex"}
    assert laptop.path.read_bytes() == fresh.path.read_bytes()


def test_a_new_machine_joining_a_remote_says_what_it_brought(
    tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.add("Globex")
    laptop.sync()
    (tmp_path / "home" / ".gitconfig").write_text(
        "[user]\n\tname = Me\n\temail = me@example.com\n[init]\n\tdefaultBranch = main\n"
    )
    fresh = Machine("fresh", tmp_path / "fresh")

    code, out, err = loopdeck(capsys, fresh, "sync", "--init", "--remote", str(farm.remote))
    assert code == 0, err
    assert out.splitlines() == [
        "Made the data folder a git repository",
        "Joined the history of origin: 2 loops came from it",
        "Installed the merge driver (.git/info/attributes, .git/info/exclude, git config)",
    ]
    assert fresh.path.read_bytes() == laptop.path.read_bytes()
    assert loopdeck(capsys, fresh, "sync")[1] == "Nothing to do: already in sync with origin\n"


def test_the_driver_refuses_a_newer_schema_and_leaves_ours_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs = (tmp_path / name for name in ("base", "ours", "theirs"))
    document = b'{\n  "meta": {\n    "schema": {\n      "schema_version": %d\n    }\n  }\n}\n'
    base.write_bytes(document % 1)
    ours.write_bytes(document % 1)
    theirs.write_bytes(document % 9)

    code = main(["merge-driver", str(base), str(ours), str(theirs), "data/loopdeck.json"])
    assert code == 1
    assert "newer loopdeck" in capsys.readouterr().err
    assert ours.read_bytes() == document % 1


def test_a_damaged_data_file_is_not_committed(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.sync()
    damaged = laptop.path.read_bytes()[:-20]
    laptop.path.write_bytes(damaged)
    head = git(laptop.root, "rev-parse", "HEAD")

    code, out, err = loopdeck(capsys, laptop, "sync")

    assert (code, out) == (1, "")
    assert err.startswith("loopdeck: loopdeck.json ends too early") and err.count("\n") == 1
    assert laptop.path.read_bytes() == damaged
    assert git(laptop.root, "rev-parse", "HEAD") == head


def test_without_git_sync_says_so_and_check_has_nothing_to_report(
    farm: Farm, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    monkeypatch.setenv("PATH", str(farm.base / "empty-bin"))

    code, out, err = loopdeck(capsys, laptop, "sync")

    assert (code, out) == (1, "")
    assert err == "loopdeck: git is not installed (or not on PATH); install git to sync\n"
    assert driver_status(laptop.path) is None


def test_check_reports_a_missing_driver_and_is_quiet_once_sync_installs_it(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.sync()
    assert loopdeck(capsys, laptop, "check")[0] == 0
    git(laptop.root, "config", "--remove-section", "merge.loopdeck")
    before = laptop.path.read_bytes()

    code, out, err = loopdeck(capsys, laptop, "check")

    assert code == 1 and "is sound" in out
    assert "no loopdeck merge driver" in err and err.count("\n") == 1
    assert laptop.path.read_bytes() == before
    assert loopdeck(capsys, laptop, "sync")[0] == 0
    assert loopdeck(capsys, laptop, "check")[0] == 0
