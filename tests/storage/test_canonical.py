"""A file this machine wrote is read a record at a time and rewritten by splicing.

Whatever the lazy document hands out must be what parsing the whole file
gives, and whatever it writes must be byte for byte `jsonfile.encode` of the
same records; a file anyone else wrote, or one changed in place, is read whole.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import orjson
import pytest
from storehelp import DAY, add_loop, event_of, process, rewrite_in_place

from planner.models import ProcessStatus
from planner.offers import Offer
from storage import canonical, codec, jsonfile
from storage.canonical import LazyTable, NotCanonical
from storage.errors import StorageError
from storage.repository import Repository


def sample() -> dict[str, Any]:
    """A document shaped like a data file: tables of records owned by loops, empty tables."""
    pick = random.Random(7)
    loops = [f"{pick.getrandbits(128):032x}" for _ in range(12)]
    document: dict[str, Any] = codec.empty_document()
    document["processes"] = {
        pid: {"company": f"C{n}", "_deleted": None} for n, pid in enumerate(loops)
    }
    for table, count in (("rounds", 40), ("events", 90), ("contacts", 25)):
        document[table] = {
            f"{pick.getrandbits(128):032x}": {
                "process_id": pick.choice(loops),
                "text": 'a\nb \u00e9 "quoted"',
                "nested": {"list": [1, {"deep": None}]},
                "_deleted": None,
            }
            for _ in range(count)
        }
    first = next(iter(document["events"]))
    document["events"][first]["_conflicts"] = [{"field": "text", "value": "x", "stamp": "1"}]
    return document


def lazy(document: dict[str, Any]) -> dict[str, Any]:
    return canonical.open_document(jsonfile.encode(document), "loopdeck.json")


@pytest.mark.parametrize("seed", range(6))
def test_spliced_writes_are_byte_for_byte_the_full_encoding(seed: int) -> None:
    pick = random.Random(seed)
    full = sample()
    document = lazy(full)
    for _ in range(3):  # changes pile up on the same bytes, as in a long session
        for _ in range(6):
            table = pick.choice(sorted(full))
            known = sorted(full[table])
            if known and pick.random() < 0.5:
                record_id = pick.choice(known)
                record = {**full[table][record_id], "note": pick.random()}
            else:  # a new id anywhere in the order: first, last, between two
                record_id = pick.choice(["", "0", "7f", "zz"]) + f"{pick.getrandbits(32):08x}"
                record = {"process_id": "p", "_deleted": None}
            full[table] = {**full[table], record_id: record}
            current = document[table]
            assert isinstance(current, LazyTable)
            document[table] = current.with_changes({record_id: record})
        codec.upgrade_schema(document)

        parts, layout = canonical.encode(document)
        raw = b"".join(parts)
        assert raw == jsonfile.encode(full)
        assert canonical._laid_out(raw, "loopdeck.json", layout) is not None
    assert {name: dict(table) for name, table in document.items()} == full


def test_records_are_found_as_the_whole_file_has_them() -> None:
    full = sample()
    document = lazy(full)
    events = document["events"]
    owners = sorted({r["process_id"] for r in full["events"].values()})

    for record_id in [*full["events"], "", "0" * 32, "f" * 32, "zz"]:
        assert events.get(record_id) == full["events"].get(record_id)
        assert (record_id in events) == (record_id in full["events"])
    for wanted in (frozenset(owners[:1]), frozenset(owners[:2]), frozenset(owners)):
        assert events.of_loops(wanted) == {
            rid: r for rid, r in full["events"].items() if r["process_id"] in wanted
        }
    assert codec.conflict_counts(document) == codec.conflict_counts(full)


def test_changed_records_win_over_the_bytes() -> None:
    full = sample()
    events = lazy(full)["events"]
    record_id, record = next(iter(full["events"].items()))
    moved = {**record, "process_id": "elsewhere"}

    changed = events.with_changes({record_id: moved, "new": {"process_id": "elsewhere"}})

    assert changed.of_loops(frozenset({"elsewhere"})) == {record_id: moved, "new": changed["new"]}
    assert record_id not in changed.of_loops(frozenset({record["process_id"]}))
    assert events[record_id] == record  # the table it came from is left as it was


@pytest.mark.parametrize(
    "raw",
    [
        orjson.dumps({"a": {}, "b": {}}),  # compact
        b'{\n  "b": {},\n  "a": {}\n}\n',  # tables out of order
        b'{\n  "a": []\n}\n',  # a table that is not an object
        b'{\n  "a": {}\n}',  # no final newline
    ],
)
def test_bytes_not_in_the_layout_are_refused(raw: bytes) -> None:
    with pytest.raises(NotCanonical):
        canonical.open_document(raw, "loopdeck.json")


def test_a_file_we_wrote_is_read_lazily_and_written_canonically(db_path: Path) -> None:
    acme = add_loop(db_path, "Acme")
    add_loop(db_path, "Borealis")

    repo = Repository.open(db_path)
    with repo.transaction("log") as tx:
        tx.put(event_of(acme, "Called back"))

    assert isinstance(repo._db.file.document["events"], LazyTable)
    raw = db_path.read_bytes()
    assert jsonfile.encode(orjson.loads(raw)) == raw
    assert [e.text for e in Repository.open(db_path).loop(acme.id).log()] == [
        "Sent my availability",
        "Called back",
    ]


def test_the_layout_of_a_document_written_whole_is_found_by_its_table_names() -> None:
    document = sample()
    raw = jsonfile.encode(document)

    layout = canonical.layout_of(raw, list(document))

    assert layout == canonical.encode(document)[1]
    assert canonical._laid_out(raw, "loopdeck.json", layout) is not None
    assert canonical.layout_of(jsonfile.encode({}), []) == ()


def test_the_first_write_after_a_file_written_elsewhere_keeps_its_layout(db_path: Path) -> None:
    """The next open then finds each table where the layout says, with no search."""
    acme = add_loop(db_path, "Acme")
    db_path.write_bytes(db_path.read_bytes())  # same bytes, another writer
    repo = Repository.open(db_path)
    with repo.transaction("log") as tx:
        tx.put(event_of(acme))

    written = repo._db.file.written
    assert written is not None and written.layout
    reopened = Repository.open(db_path)
    assert canonical._laid_out(db_path.read_bytes(), db_path.name, written.layout) is not None
    assert isinstance(reopened._document()["events"], LazyTable)


def test_a_file_written_elsewhere_is_read_whole(db_path: Path) -> None:
    add_loop(db_path, "Acme")
    db_path.write_bytes(db_path.read_bytes())  # same bytes, another writer

    repo = Repository.open(db_path)
    repo.loops()

    assert isinstance(repo._db.file.document["events"], dict)


def test_a_file_changed_in_place_is_not_taken_for_ours(db_path: Path) -> None:
    closed = add_loop(db_path, "Acme")
    repo = Repository.open(db_path)
    with repo.transaction("close") as tx:
        tx.put(closed.model_copy(update={"status": ProcessStatus.CLOSED}))
    open_loop = add_loop(db_path, "Borealis")
    rewrite_in_place(db_path, b'"Sent my availability"', b"'Sent my availability'")
    damaged = db_path.read_bytes()

    repo = Repository.open(db_path)

    assert repo.read_only is not None and "not valid JSON" in repo.read_only
    with pytest.raises(StorageError), repo.transaction("log") as tx:
        tx.put(event_of(open_loop, "Called back"))
    assert db_path.read_bytes() == damaged


def test_a_new_id_that_json_escapes_is_written_whole(db_path: Path) -> None:
    add_loop(db_path, "Acme")
    odd = process("Odd").model_copy(update={"id": 'quote"d'})
    repo = Repository.open(db_path)

    with repo.transaction("add") as tx:
        tx.put(odd)

    raw = db_path.read_bytes()
    assert jsonfile.encode(orjson.loads(raw)) == raw
    again = Repository.open(db_path)  # its ids cannot be found by their bytes: read whole
    assert 'quote"d' in {p.id for p in again.processes()}
    assert isinstance(again._db.file.document["processes"], dict)
    with again.transaction("rename") as tx:
        tx.put(odd.model_copy(update={"company": "Odder"}))
    assert "Odder" in {p.company for p in Repository.open(db_path).processes()}


def test_offers_are_built_on_first_read_and_see_writes_made_before(db_path: Path) -> None:
    loop = add_loop(db_path, "Acme")
    first = Offer(process_id=loop.id, base=200_000, received_on=DAY)
    with Repository.open(db_path).transaction("offer") as tx:
        tx.put(first)
    repo = Repository.open(db_path)
    assert "offers" in repo._unbuilt  # nothing asked for them yet

    second = Offer(process_id=loop.id, base=210_000, received_on=DAY)
    with repo.transaction("another offer") as tx:
        tx.put(second)

    assert sorted(o.base for o in repo.records(Offer)) == [200_000, 210_000]
    assert "offers" not in repo._unbuilt


def test_a_loop_created_here_is_read_whole_from_what_was_written(db_path: Path) -> None:
    add_loop(db_path, "Acme")
    repo = Repository.open(db_path)
    new = process("Borealis")

    with repo.transaction("add Borealis") as tx:
        tx.put(new)
        tx.put(event_of(new, "Applied"))

    assert repo._only is not None and new.id in repo._only  # no search of the file for it
    assert [e.text for e in repo.loop(new.id).events] == ["Applied"]
    assert [e.text for e in Repository.open(db_path).loop(new.id).events] == ["Applied"]
