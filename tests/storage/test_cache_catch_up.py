"""A model cache of the version before this machine's latest writes is caught up with them.

The undo journal keeps, for each write in a row, the version it was applied
to and the records it wrote (`storage.undo.Step`). A file this machine wrote
whose model cache holds one of those earlier versions is read as that cache
plus the records written since, each read alone; it must give exactly what
parsing the whole file gives. Every test proves which way it went: a catch-up
never parses the file (`Repository._parse` refuses), a fall-back always does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from storehelp import add_loop, contact_of, event_of, round_of

from planner.models import ProcessStatus
from storage import codec, modelcache
from storage.conflicts import resolve_conflict
from storage.repository import Repository
from storage.undo import STEP_RECORDS, STEP_RECORDS_KEPT, STEPS_KEPT, UndoJournal, journal_path


@pytest.fixture(autouse=True)
def cache_every_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modelcache, "MIN_BYTES", 0)


def everything(repo: Repository) -> dict[str, Any]:
    """What the repository hands out; a log in its order (as entered), other tables in any
    (it already depends on which loops were read first, and each read sorts what it shows)."""
    repo.loops(include_closed=True)  # builds every record a read could ask for
    return {
        table: [(rid, model.model_dump()) for rid, model in repo._models[table].items()]
        if table in codec.ENTRY_ORDERED
        else {rid: model.model_dump() for rid, model in repo._models[table].items()}
        for table in codec.MODEL_OF
    } | {"settings": repo.settings().model_dump(), "counts": repo.conflict_counts()}


def parsed_whole(path: Path) -> dict[str, Any]:
    """The file as a first open reads it, with no cache at all."""
    modelcache.cache_path(path).unlink(missing_ok=True)
    return everything(Repository.open(path, save_cache=False))


def cached(path: Path) -> None:
    """Fill the cache from the file parsed, as the app does on its way out."""
    modelcache.cache_path(path).unlink(missing_ok=True)
    repo = Repository.open(path, save_cache=False)
    repo.loops(include_closed=True)
    repo.save_cache()


def caught_up(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Open the file with the parser refused: only a catch-up can open it."""
    with monkeypatch.context() as refused:

        def refuse(*_args: Any, **_kwargs: Any) -> Any:
            raise AssertionError("the file was parsed, not caught up")

        refused.setattr(Repository, "_parse", refuse)
        repo = Repository.open(path, save_cache=False)
        assert repo.read_only is None
    return everything(repo)


def write(path: Path, label: str, change: Callable[[Repository, Any], None]) -> None:
    """One write of this machine, by a repository of its own (a command, another window)."""
    repo = Repository.open(path, save_cache=False)
    with repo.transaction(label) as tx:
        change(repo, tx)


def logged_since_cached(path: Path) -> None:
    """Acme's loop, the model cache filled, then one `log` of this machine."""
    acme = add_loop(path, "Acme")
    cached(path)
    write(path, "log", lambda _r, tx: tx.put(event_of(acme, "Called the recruiter")))


def journal_of(path: Path) -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(journal_path(path).read_text()))


def edit_journal(path: Path, edit: Callable[[dict[str, Any]], object]) -> None:
    """The undo journal edited by hand (`edit` changes it in place)."""
    journal = journal_of(path)
    edit(journal)
    journal_path(path).write_text(json.dumps(journal))


@pytest.mark.parametrize(
    "kind",
    ["log", "add loop", "edit contact", "delete contact", "close", "settings", "undo"],
)
def test_a_cache_caught_up_with_one_write_equals_the_file_parsed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    acme = add_loop(db_path, "Acme")
    add_loop(db_path, "Borealis")
    cached(db_path)
    loop = Repository.open(db_path).loop(acme.id)
    if kind == "log":
        write(db_path, kind, lambda _r, tx: tx.put(event_of(acme, "Called the recruiter")))
    elif kind == "add loop":
        add_loop(db_path, "Cobalt")
    elif kind == "edit contact":
        renamed = loop.contacts[0].model_copy(update={"name": "Priya Rao-Singh"})
        write(db_path, kind, lambda _r, tx: tx.put(renamed))
    elif kind == "delete contact":
        write(db_path, kind, lambda _r, tx: tx.delete(loop.contacts[0]))
    elif kind == "close":
        closed = loop.process.model_copy(update={"status": ProcessStatus.CLOSED})
        write(db_path, kind, lambda _r, tx: tx.put(closed))
    elif kind == "settings":
        write(db_path, kind, lambda r, tx: tx.put_settings(r.settings().model_copy()))
    else:
        write(db_path, "log", lambda _r, tx: tx.put(event_of(acme, "Called the recruiter")))
        assert Repository.open(db_path, save_cache=False).undo() is not None

    assert caught_up(db_path, monkeypatch) == parsed_whole(db_path)


def test_writes_in_a_row_catch_up_from_the_cache_before_the_first(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme = add_loop(db_path, "Acme")
    cached(db_path)
    for text in ("First call", "Second call", "Third call"):
        write(db_path, "log", lambda _r, tx, t=text: tx.put(event_of(acme, t)))
        write(db_path, "round", lambda _r, tx: tx.put(round_of(acme)))

    reopened = caught_up(db_path, monkeypatch)

    assert reopened == parsed_whole(db_path)
    texts = [entry["text"] for _, entry in reopened["events"]]
    assert texts[-3:] == ["First call", "Second call", "Third call"]  # as entered


def test_a_loop_reopened_since_brings_its_people_and_log(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache of a file with a closed loop leaves its people and log out; reopening the
    loop must read them, as the write that reopened it did."""
    acme = add_loop(db_path, "Acme")
    add_loop(db_path, "Borealis")
    closed = Repository.open(db_path).loop(acme.id).process
    closed = closed.model_copy(update={"status": ProcessStatus.CLOSED})
    write(db_path, "close", lambda _r, tx: tx.put(closed))
    modelcache.cache_path(db_path).unlink()
    Repository.open(db_path, save_cache=False).save_cache()  # closed loops left out
    reopen = closed.model_copy(update={"status": ProcessStatus.ACTIVE})
    write(db_path, "reopen", lambda _r, tx: tx.put(reopen))

    with monkeypatch.context() as refused:
        refused.setattr(Repository, "_parse", lambda *_a: pytest.fail("parsed"))
        repo = Repository.open(db_path, save_cache=False)
        loop = repo.loop(acme.id)
    assert [c.name for c in loop.contacts] == ["Priya Rao"]
    assert [e.text for e in loop.events] == ["Sent my availability"]
    assert everything(repo) == parsed_whole(db_path)


def test_a_file_written_elsewhere_since_is_parsed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logged_since_cached(db_path)
    raw = db_path.read_bytes()
    db_path.unlink()
    db_path.write_bytes(raw.replace(b'"Acme"', b'"Acmf"'))  # a pull: another version

    with monkeypatch.context() as refused:
        refused.setattr(Repository, "_caught_up", lambda *_a: pytest.fail("caught up"))
        repo = Repository.open(db_path, save_cache=False)
    assert [loop.process.company for loop in repo.loops()] == ["Acmf"]


def test_a_step_naming_a_record_the_file_lacks_falls_back_to_parsing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal edited by hand (or any step that does not read back) costs a parse, never
    a wrong model: the file still has this machine's fingerprint."""
    logged_since_cached(db_path)
    edit_journal(
        db_path, lambda journal: journal["steps"][-1]["touched"]["events"].append("no-such-record")
    )

    parses: list[bool] = []
    original = Repository._parse

    def counted(self: Repository, *args: Any, **kwargs: Any) -> Any:
        parses.append(True)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Repository, "_parse", counted)
    repo = Repository.open(db_path, save_cache=False)

    assert parses == [True]
    assert everything(repo) == parsed_whole(db_path)


def test_a_write_of_many_records_leaves_no_step(db_path: Path) -> None:
    acme = add_loop(db_path, "Acme")

    def many(_repo: Repository, tx: Any) -> None:
        for index in range(STEP_RECORDS + 1):
            tx.put(contact_of(acme, f"Person {index}"))

    write(db_path, "import", many)

    assert "steps" not in journal_of(db_path)


def corrupt_ids(steps: list[dict[str, Any]]) -> Any:
    steps[-1]["touched"]["events"] = [7]
    return steps


def corrupt_version(steps: list[dict[str, Any]]) -> Any:
    steps[-1]["written"] = steps[-1]["written"][:3]
    return steps


def corrupt_chain(steps: list[dict[str, Any]]) -> Any:
    """The step's own version, not the journal's: a step that does not lead to the file."""
    steps[-1]["written"] = steps[-1]["base"]
    return steps


@pytest.mark.parametrize(
    "corrupt",
    [corrupt_ids, corrupt_version, corrupt_chain, lambda _steps: "not a list", lambda s: [*s, 1]],
)
def test_steps_the_journal_cannot_vouch_for_are_no_steps(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, corrupt: Callable[[Any], Any]
) -> None:
    logged_since_cached(db_path)
    edit_journal(db_path, lambda journal: journal.update(steps=corrupt(journal["steps"])))

    with monkeypatch.context() as refused:
        refused.setattr(Repository, "_caught_up", lambda *_a: pytest.fail("caught up"))
        repo = Repository.open(db_path, save_cache=False)

    assert repo.read_only is None
    assert everything(repo) == parsed_whole(db_path)


def test_only_the_latest_writes_in_a_row_are_kept(db_path: Path) -> None:
    acme = add_loop(db_path, "Acme")
    for index in range(STEPS_KEPT + 3):
        write(db_path, "log", lambda _r, tx, i=index: tx.put(event_of(acme, f"Call {i}")))

    steps = UndoJournal(db_path).steps()

    assert len(steps) == STEPS_KEPT
    assert steps[-1].written == UndoJournal(db_path).written()


def with_kept_conflicts(path: Path, *ids: str) -> None:
    """Records of `ids` (processes or contacts) keep an overwritten value each, as a sync's
    merge leaves them; the file is then one written elsewhere."""
    document = json.loads(path.read_text())
    for table in ("processes", "contacts"):
        for record_id, record in document[table].items():
            if record_id in ids or record.get("process_id") in ids:
                kept = {"field": "notes", "value": "theirs", "stamp": "2026-03-01T00:00:00Z-x"}
                record["_conflicts"] = [kept]
    path.unlink()
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")


@pytest.mark.parametrize("then_undo", [False, True])
def test_kept_conflicts_are_counted_as_the_writes_moved_them(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, then_undo: bool
) -> None:
    acme = add_loop(db_path, "Acme")
    borealis = add_loop(db_path, "Borealis")
    with_kept_conflicts(db_path, acme.id, borealis.id)
    write(db_path, "log", lambda _r, tx: tx.put(event_of(acme, "Called the recruiter")))
    cached(db_path)
    assert Repository.open(db_path).conflict_counts() == {acme.id: 2, borealis.id: 2}
    resolve_conflict(Repository.open(db_path, save_cache=False), 1, "current")
    if then_undo:
        assert Repository.open(db_path, save_cache=False).undo() is not None

    reopened = caught_up(db_path, monkeypatch)

    assert reopened == parsed_whole(db_path)
    assert sum(reopened["counts"].values()) == (4 if then_undo else 3)


def test_a_repository_that_writes_moves_the_counts_it_holds(db_path: Path) -> None:
    """The write's own count moves are those its step keeps: the app asks again after each
    write, and must not count the whole file again to be right."""
    acme = add_loop(db_path, "Acme")
    with_kept_conflicts(db_path, acme.id)
    repo = Repository.open(db_path, save_cache=False)
    assert repo.conflict_counts() == {acme.id: 2}

    resolve_conflict(repo, 1, "current")

    assert repo._counts == {acme.id: 1}  # moved, not dropped to be counted again
    assert repo.conflict_counts() == Repository.open(db_path).conflict_counts()


def test_a_catch_up_from_the_records_the_journal_keeps_reads_nothing_of_the_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `log` writes one record: the journal keeps it, and the log's order needs only the
    stamp of the cache's last entry, which the cache keeps too. The file is not even read."""
    logged_since_cached(db_path)
    assert journal_of(db_path)["steps"][-1]["records"]["events"]

    repo = Repository.open(db_path, save_cache=False)

    assert not repo._db.file.held  # released unread: a write or a closed loop reads it
    assert everything(repo) == parsed_whole(db_path)


def test_a_write_of_more_records_than_the_journal_keeps_is_read_from_the_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme = add_loop(db_path, "Acme")
    cached(db_path)

    def many(_repo: Repository, tx: Any) -> None:
        for index in range(STEP_RECORDS_KEPT + 1):
            tx.put(contact_of(acme, f"Person {index}"))

    write(db_path, "import", many)
    step = journal_of(db_path)["steps"][-1]
    assert "records" not in step and len(step["touched"]["contacts"]) == STEP_RECORDS_KEPT + 1

    repo = Repository.open(db_path, save_cache=False)
    assert repo._db.file.held  # the records were read from the file
    assert caught_up(db_path, monkeypatch) == parsed_whole(db_path)


def other_ids(records: dict[str, Any]) -> Any:
    events = records["events"]
    records["events"] = {f"{key}-x": value for key, value in events.items()}
    return records


def not_records(records: dict[str, Any]) -> Any:
    records["events"] = {key: "not a record" for key in records["events"]}
    return records


@pytest.mark.parametrize(
    "corrupt", [other_ids, not_records, lambda _records: [], lambda r: {**r, "offers": {}}]
)
def test_records_the_journal_cannot_vouch_for_are_read_from_the_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, corrupt: Callable[[Any], Any]
) -> None:
    logged_since_cached(db_path)
    edit_journal(
        db_path,
        lambda journal: journal["steps"][-1].update(
            records=corrupt(journal["steps"][-1]["records"])
        ),
    )

    repo = Repository.open(db_path, save_cache=False)

    assert repo._db.file.held
    assert caught_up(db_path, monkeypatch) == parsed_whole(db_path)


def test_a_step_keeps_its_records_in_the_order_written_through_later_writes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal is written with its keys sorted; the ids of a step's records are not
    (a new loop's rounds): the next write, which reads the step back, keeps its records."""
    acme = add_loop(db_path, "Acme")
    cached(db_path)
    rounds = [round_of(acme).model_copy(update={"id": rid}) for rid in ("r-b", "r-a", "r-c")]

    def three(_repo: Repository, tx: Any) -> None:
        for one in rounds:
            tx.put(one)

    write(db_path, "rounds", three)
    write(db_path, "log", lambda _r, tx: tx.put(event_of(acme, "Called the recruiter")))
    first, second = journal_of(db_path)["steps"][-2:]
    assert first["touched"]["rounds"] == ["r-b", "r-a", "r-c"] and "records" in first
    assert "records" in second

    repo = Repository.open(db_path, save_cache=False)
    assert not repo._db.file.held
    assert everything(repo) == parsed_whole(db_path)
