"""Closed loops' rounds, contacts and log are built on first need, and never lost meanwhile.

Most of an archive is closed loops, which `next`, `add` and `log` never read:
opening the file builds models for the open loops' records only. These tests
check that every read still hands out everything a full load would, and that
a bad record in a closed loop of a file changed elsewhere still opens the file
read-only.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from storehelp import add_loop, event_of, round_of

from planner.models import Event, ProcessStatus, Round
from storage.repository import Repository


def close(path: Path, process_id: str) -> None:
    repo = Repository.open(path)
    loop = repo.loop(process_id)
    with repo.transaction("close") as tx:
        tx.put(loop.process.model_copy(update={"status": ProcessStatus.CLOSED}))


def archive(path: Path) -> tuple[str, str]:
    """A file with one open loop and one closed one that has two log lines: their ids."""
    open_id = add_loop(path, "Acme").id
    closed = add_loop(path, "Borealis")
    repo = Repository.open(path)
    with repo.transaction("log") as tx:
        tx.put(event_of(closed, "Second line"))
    close(path, closed.id)
    return open_id, closed.id


def everything(repo: Repository) -> dict[str, Any]:
    """What the reads hand out, closed loops included, as plain data."""
    return {loop.process.id: asdict(loop) for loop in repo.loops(include_closed=True)} | {
        "events": [e.model_dump() for e in repo.records(Event)]
    }


def test_opening_builds_no_model_of_a_closed_loops_records(db_path: Path) -> None:
    open_id, closed_id = archive(db_path)

    repo = Repository.open(db_path)

    def built() -> set[str]:
        return {m.process_id for m in repo._models["events"].values()}  # type: ignore[attr-defined]

    assert closed_id not in built()  # a file this machine wrote: not even the open loop's yet
    assert [loop.process.id for loop in repo.loops()] == [open_id]
    assert built() == {open_id}
    assert {p.id for p in repo.processes()} == {open_id, closed_id}


def test_every_read_of_a_closed_loop_finds_its_records(db_path: Path) -> None:
    _, closed_id = archive(db_path)

    by_id = Repository.open(db_path).loop(closed_id)
    every = Repository.open(db_path).loops(include_closed=True)
    rounds = Repository.open(db_path).records(Round, closed_id)

    assert [e.text for e in by_id.events] == ["Sent my availability", "Second line"]
    assert [len(loop.events) for loop in every] == [1, 2]
    assert [r.process_id for r in rounds] == [closed_id]


def test_one_closed_loop_asked_for_by_id_builds_its_records_alone(db_path: Path) -> None:
    open_id, closed_id = archive(db_path)
    other = add_loop(db_path, "Cobalt").id
    close(db_path, other)
    repo = Repository.open(db_path)

    assert len(repo.loop(closed_id).events) == 2

    built = {m.process_id for m in repo._models["events"].values()}  # type: ignore[attr-defined]
    assert closed_id in built
    assert built <= {open_id, closed_id}
    assert [len(loop.events) for loop in repo.loops(include_closed=True)] == [1, 2, 1]


def test_the_pace_reads_closed_loops_rounds_without_building_their_log(db_path: Path) -> None:
    open_id, closed_id = archive(db_path)
    repo = Repository.open(db_path)

    loops = {loop.process.id: loop for loop in repo.loops_for_pace()}

    assert [len(loops[pid].rounds) for pid in (open_id, closed_id)] == [1, 1]
    built = {m.process_id for m in repo._models["events"].values()}  # type: ignore[attr-defined]
    assert built == {open_id}
    assert [len(loop.events) for loop in repo.loops(include_closed=True)] == [1, 2]


def test_the_closed_loops_for_the_pace_are_those_of_loops_for_pace(db_path: Path) -> None:
    _, closed_id = archive(db_path)
    other = add_loop(db_path, "Cobalt").id
    close(db_path, other)

    every = Repository.open(db_path).loops_for_pace()
    closed = Repository.open(db_path).closed_loops_for_pace()

    expected = {x.process.id: asdict(x) for x in every if x.process.status == "closed"}
    assert set(expected) == {closed_id, other}
    assert {x.process.id: asdict(x) for x in closed} == expected


def test_a_lazy_load_hands_out_what_a_full_load_does(db_path: Path) -> None:
    archive(db_path)
    lazy = Repository.open(db_path)
    full = db_path.with_name("copy.json")
    full.write_bytes(db_path.read_bytes())  # not this machine's write: validated whole

    assert everything(lazy) == everything(Repository.open(full))


def test_a_closed_loop_opened_again_keeps_its_records(db_path: Path) -> None:
    _, closed_id = archive(db_path)
    repo = Repository.open(db_path)
    process = next(p for p in repo.processes() if p.id == closed_id)

    with repo.transaction("resume") as tx:
        tx.put(process.model_copy(update={"status": ProcessStatus.ACTIVE}))

    reopened = next(loop for loop in repo.loops() if loop.process.id == closed_id)
    assert [e.text for e in reopened.events] == ["Sent my availability", "Second line"]
    assert len(reopened.rounds) == 1


def test_writing_to_a_closed_loop_keeps_its_other_records(db_path: Path) -> None:
    _, closed_id = archive(db_path)
    repo = Repository.open(db_path)
    process = next(p for p in repo.processes() if p.id == closed_id)

    with repo.transaction("log") as tx:
        tx.put(event_of(process, "Third line"))
        tx.put(round_of(process))

    texts = [e.text for e in repo.loop(closed_id).events]
    assert texts == ["Sent my availability", "Second line", "Third line"]
    assert len(repo.loop(closed_id).rounds) == 2


@pytest.mark.parametrize("ours", [True, False], ids=["this machine's write", "changed elsewhere"])
def test_a_bad_record_of_a_closed_loop_in_a_changed_file_opens_it_read_only(
    db_path: Path, ours: bool
) -> None:
    _, closed_id = archive(db_path)
    if not ours:
        data = json.loads(db_path.read_text(encoding="utf-8"))
        for record in data["rounds"].values():
            if record["process_id"] == closed_id:
                record["date"] = "next friday"
        db_path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    before = db_path.read_bytes()

    repo = Repository.open(db_path)

    if ours:
        assert repo.read_only is None
    else:
        assert repo.read_only is not None
        assert "has a wrong 'date'" in repo.read_only
        assert db_path.read_bytes() == before
