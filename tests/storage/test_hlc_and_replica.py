"""Stamps sort and never go backwards; the replica id lives outside the synced file."""

from __future__ import annotations

import subprocess
from pathlib import Path

from storage.hlc import HybridClock
from storage.replica import keep_in_git, replica_file_for, replica_id


def test_stamps_keep_increasing_when_the_wall_clock_goes_back() -> None:
    readings = iter([5_000, 5_000, 4_000, 3_000, 6_000])
    clock = HybridClock("abc", wall=lambda: next(readings))

    stamps = [clock.now() for _ in range(5)]

    assert stamps == sorted(stamps) and len(set(stamps)) == 5
    assert stamps[0] == "0000000005000-0000-abc"
    assert stamps[3] == "0000000005000-0003-abc"
    assert stamps[4] == "0000000006000-0000-abc"


def test_a_stamp_seen_in_the_data_pushes_the_clock_past_it() -> None:
    clock = HybridClock("me", wall=lambda: 1_000)
    clock.observe("0000000009000-0007-other")

    assert clock.now() == "0000000009000-0008-me"


def test_a_full_counter_moves_to_the_next_millisecond() -> None:
    clock = HybridClock("me", wall=lambda: 1_000)
    clock.observe("0000000001000-9999-other")

    assert clock.now() == "0000000001001-0000-me"


def test_malformed_stamps_are_ignored_by_observe() -> None:
    clock = HybridClock("me", wall=lambda: 1_000)
    clock.observe("yesterday")

    assert clock.now() == "0000000001000-0000-me"


def test_in_a_git_work_tree_not_synced_the_replica_id_leaves_the_repository_alone(
    tmp_path: Path, private_state_dir: Path
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path / "notes")], check=True)
    data = tmp_path / "notes" / "loops" / "loopdeck.json"

    first = replica_id(data)

    assert replica_file_for(data).is_relative_to(private_state_dir)
    assert not (tmp_path / "notes" / ".git" / "loopdeck-replica").exists()
    assert replica_id(data) == first


def test_a_clone_set_up_for_sync_keeps_the_same_replica_id_in_dot_git(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path / "notes")], check=True)
    data = tmp_path / "notes" / "loopdeck.json"
    first = replica_id(data)

    assert keep_in_git(data, tmp_path / "notes" / ".git")

    assert replica_file_for(data) == tmp_path / "notes" / ".git" / "loopdeck-replica"
    assert replica_id(data) == first
    assert not keep_in_git(data, tmp_path / "notes" / ".git")


def test_outside_git_the_replica_id_lives_in_the_state_folder(
    tmp_path: Path, private_state_dir: Path
) -> None:
    data = tmp_path / "plain" / "loopdeck.json"

    first = replica_id(data)

    assert replica_file_for(data).parent == private_state_dir / "loopdeck" / "replicas"
    assert replica_file_for(data).read_text().strip() == first
    assert first.isalnum() and "-" not in first


def test_two_clones_get_different_replica_ids(tmp_path: Path) -> None:
    for name in ("laptop", "desktop"):
        subprocess.run(["git", "init", "-q", str(tmp_path / name)], check=True)

    assert replica_id(tmp_path / "laptop" / "x.json") != replica_id(tmp_path / "desktop" / "x.json")
