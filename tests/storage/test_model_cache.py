"""The model cache: a reopened file skips parsing, and any doubt means parsing again.

Every test lowers the size threshold to zero so small files are cached, and
proves a cache hit by making the parser fail: a repository that still opens
cleanly cannot have parsed the file.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from storehelp import add_loop, event_of, process

from storage import codec, modelcache
from storage.locations import CACHE_DIR_VARIABLE, KEEP_CACHE_FILES
from storage.repository import Repository
from storage.undo import Undone, journal_path


@pytest.fixture(autouse=True)
def cache_every_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modelcache, "MIN_BYTES", 0)


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any) -> Any:
        raise AssertionError("the file was parsed although the cache had it")

    monkeypatch.setattr(codec, "live_models", refuse)


def dumped(repo: Repository) -> dict[str, Any]:
    """Everything the repository hands out, as plain data, to compare two opens."""
    return {
        table: {rid: model.model_dump() for rid, model in repo._models[table].items()}
        for table in codec.MODEL_OF
    } | {"settings": repo.settings().model_dump(), "counts": repo.conflict_counts()}


def test_the_second_open_takes_the_models_from_the_cache(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_loop(db_path, "Acme")
    add_loop(db_path, "Borealis")
    # A cache of the version before Borealis is caught up from the journal, and left as
    # it is: parse the whole file, which fills the cache.
    modelcache.cache_path(db_path).unlink()
    parsed = Repository.open(db_path)
    assert modelcache.cache_path(db_path).exists()

    forbid_parsing(monkeypatch)
    cached = Repository.open(db_path)

    assert cached.read_only is None
    assert dumped(cached) == dumped(parsed)
    assert [loop.process.title for loop in cached.loops()] == [
        "Acme / ML Engineer",
        "Borealis / ML Engineer",
    ]


def test_a_cache_hit_gives_values_of_the_same_types_and_shares_equal_ones(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records read from our file share one object per day, which the cache keeps, and a
    kind comes back a kind, not its text."""
    add_loop(db_path, "Acme")
    add_loop(db_path, "Borealis")
    # A cache of the version before Borealis would be caught up with Borealis's records,
    # read on their own: parse the whole file, as the sharing is about.
    modelcache.cache_path(db_path).unlink()
    parsed = Repository.open(db_path)
    forbid_parsing(monkeypatch)
    cached = Repository.open(db_path)

    def types(repo: Repository) -> dict[str, dict[str, list[type]]]:
        return {
            table: {rid: [type(v) for v in m.__dict__.values()] for rid, m in models.items()}
            for table, models in repo._models.items()
        }

    assert types(cached) == types(parsed)
    acme, borealis = cached.loops()
    assert acme.process.created_on == borealis.process.created_on
    assert acme.process.created_on is borealis.process.created_on


def test_a_file_changed_elsewhere_is_parsed_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_loop(db_path, "Acme")
    Repository.open(db_path)  # fills the cache
    add_loop(db_path, "Borealis")
    journal_path(db_path).unlink()  # as if another machine wrote it: no steps to catch up

    repo = Repository.open(db_path)

    assert {loop.process.company for loop in repo.loops()} == {"Acme", "Borealis"}
    forbid_parsing(monkeypatch)
    assert len(Repository.open(db_path).loops()) == 2  # and the new version is cached


def test_same_inode_size_and_time_but_other_bytes_is_a_miss(db_path: Path) -> None:
    add_loop(db_path, "Acme")
    Repository.open(db_path)
    before = os.stat(db_path)
    raw = db_path.read_bytes()
    changed = raw.replace(b'"Acme"', b'"Acmf"')
    assert len(changed) == len(raw)
    time.sleep(0.02)  # the kernel's clock for change times ticks every few milliseconds
    with open(db_path, "r+b") as handle:  # in place: same inode, same size
        handle.write(changed)
    os.utime(db_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(db_path).st_ino == before.st_ino

    repo = Repository.open(db_path)

    assert [loop.process.company for loop in repo.loops()] == ["Acmf"]


@pytest.mark.parametrize("damage", [b"", b"not a key\n", None])
def test_a_damaged_cache_is_a_miss_and_is_rewritten(
    db_path: Path, damage: bytes | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_loop(db_path, "Acme")
    Repository.open(db_path)
    cache = modelcache.cache_path(db_path)
    if damage is None:  # the right key, then a truncated pickle
        key = cache.read_bytes().split(b"\n", 1)[0]
        cache.write_bytes(key + b"\n\x80\x05\x95")
    else:
        cache.write_bytes(damage)

    assert [loop.process.company for loop in Repository.open(db_path).loops()] == ["Acme"]
    forbid_parsing(monkeypatch)
    assert [loop.process.company for loop in Repository.open(db_path).loops()] == ["Acme"]


def test_changed_model_fields_make_old_caches_misses(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_loop(db_path, "Acme")
    Repository.open(db_path)
    monkeypatch.setattr(modelcache, "_SIGNATURE", ["another version of the models"])
    calls: list[str] = []
    parse = codec.live_models

    def counting(table: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(table)
        return parse(table, *args, **kwargs)

    monkeypatch.setattr(codec, "live_models", counting)

    Repository.open(db_path)

    assert "processes" in calls


def test_writing_after_a_cache_hit_parses_the_file_then_and_keeps_everything(
    db_path: Path,
) -> None:
    acme = add_loop(db_path, "Acme")
    Repository.open(db_path)
    repo = Repository.open(db_path)  # from the cache: the document is not parsed yet
    assert not repo._db.file.parsed

    with repo.transaction("log a call") as tx:
        tx.put(event_of(acme, "Called the recruiter"))

    reopened = Repository.open(db_path)
    texts = sorted(event.text for event in reopened.loop(acme.id).events)
    assert texts == ["Called the recruiter", "Sent my availability"]
    assert reopened.undo() == Undone("log a call")
    assert [e.text for e in Repository.open(db_path).loop(acme.id).events] == [
        "Sent my availability"
    ]


def test_save_cache_after_writes_lets_the_next_open_skip_parsing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_loop(db_path, "Acme")
    repo = Repository.open(db_path)
    with repo.transaction("add Borealis") as tx:
        tx.put(process("Borealis"))
    repo.save_cache()

    forbid_parsing(monkeypatch)
    assert {loop.process.company for loop in Repository.open(db_path).loops()} == {
        "Acme",
        "Borealis",
    }


def test_an_unwritable_cache_folder_is_no_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_loop(db_path, "Acme")
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker))

    repo = Repository.open(db_path)

    assert repo.read_only is None
    assert [loop.process.company for loop in repo.loops()] == ["Acme"]


def test_a_bad_file_is_never_served_from_an_old_cache(db_path: Path) -> None:
    add_loop(db_path, "Acme")
    Repository.open(db_path)
    db_path.write_bytes(db_path.read_bytes()[:-20])  # truncated, as a cut-off copy would be

    repo = Repository.open(db_path)

    assert repo.read_only is not None
    assert "truncated" in repo.read_only


def test_a_copy_of_the_file_elsewhere_has_its_own_cache(db_path: Path, tmp_path: Path) -> None:
    add_loop(db_path, "Acme")
    Repository.open(db_path)
    copy = tmp_path / "copy" / "loopdeck.json"
    copy.parent.mkdir()
    shutil.copy2(db_path, copy)

    assert modelcache.cache_path(copy) != modelcache.cache_path(db_path)
    assert [loop.process.company for loop in Repository.open(copy).loops()] == ["Acme"]


def test_open_without_saving_leaves_the_cache_to_save_cache(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app opens this way and saves the cache on its way out."""
    add_loop(db_path, "Acme")
    repo = Repository.open(db_path, save_cache=False)
    cache = modelcache.cache_path(db_path)
    assert not cache.exists()

    repo.save_cache()
    written = cache.stat().st_mtime_ns
    repo.save_cache()  # already current: not written again
    assert cache.stat().st_mtime_ns == written

    forbid_parsing(monkeypatch)
    assert [loop.process.company for loop in Repository.open(db_path).loops()] == ["Acme"]


def test_the_cache_keeps_only_the_most_recent_files(tmp_path: Path) -> None:
    """Every data file path gets its own cache; old copies' files do not pile up."""
    paths = []
    for number in range(KEEP_CACHE_FILES + 3):
        path = tmp_path / f"copy{number}" / "loopdeck.json"
        add_loop(path, f"Company {number}")
        Repository.open(path)
        paths.append(path)
        os.utime(modelcache.cache_path(path), ns=(number * 10**9, number * 10**9))

    kept = sorted(modelcache.cache_path(paths[0]).parent.iterdir())

    assert len(kept) == KEEP_CACHE_FILES
    assert modelcache.cache_path(paths[-1]) in kept
    assert modelcache.cache_path(paths[0]) not in kept
