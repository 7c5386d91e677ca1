"""A read served from the model cache keeps none of the file; what needs it reads it again.

On a large file the bytes are the biggest thing a command would hold, for a
write a read never makes. These tests check that whatever reads the file
again (a write, a closed loop's records) uses exactly the version the models
came from, and reloads and validates the file whole when it is not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from storehelp import add_loop, event_of, rewrite_in_place, round_of

from planner.models import ProcessStatus
from storage import jsonfile, modelcache
from storage.errors import StorageError
from storage.repository import Repository


@pytest.fixture(autouse=True)
def cache_every_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modelcache, "MIN_BYTES", 0)


def from_cache(path: Path) -> Repository:
    """A repository whose models came from the cache (filled as the app and commands do)
    of the file parsed (not a cache of an earlier version caught up with later writes,
    which holds whatever that version held: closed loops' records, say)."""
    modelcache.cache_path(path).unlink(missing_ok=True)
    Repository.open(path, save_cache=False).save_cache()
    repo = Repository.open(path)
    assert not repo._db.file.parsed
    return repo


def test_reads_from_the_cache_never_parse_the_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_loop(db_path, "Acme")
    repo = from_cache(db_path)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the file was read although the cache had it")

    monkeypatch.setattr(jsonfile, "decode", refuse)
    assert [loop.process.company for loop in repo.loops()] == ["Acme"]
    assert repo.conflict_counts() == {}


def test_a_write_after_a_cache_hit_builds_on_the_same_version(db_path: Path) -> None:
    acme = add_loop(db_path, "Acme")
    repo = from_cache(db_path)

    with repo.transaction("log a call") as tx:
        tx.put(event_of(acme, "Called the recruiter"))

    texts = sorted(e.text for e in Repository.open(db_path).loop(acme.id).events)
    assert texts == ["Called the recruiter", "Sent my availability"]


def test_a_file_changed_in_place_after_a_cache_hit_is_reloaded_before_a_write(
    db_path: Path,
) -> None:
    acme = add_loop(db_path, "Acme")
    repo = from_cache(db_path)
    rewrite_in_place(db_path, b'"Acme"', b'"Acmf"')

    with repo.transaction("log a call") as tx:
        tx.put(event_of(acme, "Called the recruiter"))

    assert [loop.process.company for loop in repo.loops()] == ["Acmf"]
    reopened = Repository.open(db_path).loop(acme.id)
    assert reopened.process.company == "Acmf"
    assert len(reopened.events) == 2


def test_a_file_damaged_in_place_after_a_cache_hit_refuses_the_write_untouched(
    db_path: Path,
) -> None:
    acme = add_loop(db_path, "Acme")
    repo = from_cache(db_path)
    rewrite_in_place(db_path, b'"Acme"', b"'Acme'")
    damaged = db_path.read_bytes()

    with (
        pytest.raises(StorageError, match="not valid JSON"),
        repo.transaction("log a call") as tx,
    ):
        tx.put(event_of(acme, "Called the recruiter"))

    assert db_path.read_bytes() == damaged
    assert repo.read_only is not None
    assert [loop.process.company for loop in repo.loops()] == ["Acme"]  # the last good version


def test_closed_loops_read_after_another_write_come_from_that_version_whole(
    db_path: Path,
) -> None:
    closed = add_loop(db_path, "Acme")
    add_loop(db_path, "Borealis")
    writer = Repository.open(db_path)
    with writer.transaction("close Acme") as tx:
        tx.put(writer.loop(closed.id).process.model_copy(update={"status": ProcessStatus.CLOSED}))
    repo = from_cache(db_path)
    assert "rounds" in repo._closed_out
    other = Repository.open(db_path)  # another window renames the closed loop, adds a round
    with other.transaction("rename") as tx:
        tx.put(other.loop(closed.id).process.model_copy(update={"company": "Acme Corp"}))
        tx.put(round_of(closed))

    loops = {loop.process.id: loop for loop in repo.loops(include_closed=True)}

    assert loops[closed.id].process.company == "Acme Corp"
    assert len(loops[closed.id].rounds) == 2


def test_a_closed_loop_asked_for_after_another_write_comes_from_that_version(
    db_path: Path,
) -> None:
    closed = add_loop(db_path, "Acme")
    writer = Repository.open(db_path)
    with writer.transaction("close Acme") as tx:
        tx.put(writer.loop(closed.id).process.model_copy(update={"status": ProcessStatus.CLOSED}))
    repo = from_cache(db_path)
    other = Repository.open(db_path)
    with other.transaction("rename") as tx:
        tx.put(other.loop(closed.id).process.model_copy(update={"company": "Acme Corp"}))
        tx.put(round_of(closed))

    loop = repo.loop(closed.id)

    assert loop.process.company == "Acme Corp"
    assert len(loop.rounds) == 2
