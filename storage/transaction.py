"""One user action as a set of field writes, and how they land on a document.

`Transaction` records, at the moment of `put`, only the fields whose value
differs from what the repository had loaded: the user changed those and
nothing else. If the file changed underneath before the commit, these field
writes are re-applied on top of the fresh document, so a value someone else
wrote to another field is never overwritten with the stale copy we held.

`apply_changes` stamps each written field with a fresh HLC stamp, turns
deletes into tombstones (a loop takes its rounds, contacts and log along) and
returns, for the undo journal, what each record looked like before.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.models import Process, Record, Settings
from storage.codec import CHILD_TABLES, NOUN_OF, SETTINGS_ID, SETTINGS_TABLE, TABLE_OF, fields_of
from storage.errors import StorageError
from storage.hlc import HybridClock

if TYPE_CHECKING:
    from planner.changes.base import Write

Lookup = Callable[[str, str], dict[str, Any] | None]
_ABSENT = object()
DELETED = "_deleted"


@dataclass
class Change:
    """The writes one transaction makes to one record."""

    table: str
    record_id: str
    fields: dict[str, Any] = field(default_factory=dict)
    delete: bool = False
    restore: bool = False
    cascade: bool = True
    must_exist: bool = False
    """An edit of a record: refused if it is gone (deleted meanwhile), never recreated."""


class Transaction:
    """What `repo.transaction(label)` yields: collects writes, commits on a clean exit."""

    def __init__(self, label: str, lookup: Lookup) -> None:
        self.label = label
        self._lookup = lookup
        self.changes: dict[tuple[str, str], Change] = {}

    def put(self, record: Record) -> None:
        """Insert or update a process, round, contact or event; only changed fields count."""
        table = _table_of(record)
        self._write(table, record.id, fields_of(record))

    def put_settings(self, settings: Settings) -> None:
        self._write(SETTINGS_TABLE, SETTINGS_ID, fields_of(settings))

    def delete(self, record: Record) -> None:
        """Tombstone the record; a process takes its rounds, contacts and events along."""
        change = self._change(_table_of(record), record.id)
        change.delete, change.restore = True, False
        change.cascade = isinstance(record, Process)

    def _write(self, table: str, record_id: str, fields: dict[str, Any]) -> None:
        change = self._change(table, record_id)
        current = self._lookup(table, record_id)
        known = {**(current or {}), **change.fields}
        for name, value in fields.items():
            if current is None or known.get(name, _ABSENT) != value:
                change.fields[name] = value

    def _change(self, table: str, record_id: str) -> Change:
        return self.changes.setdefault((table, record_id), Change(table, record_id))


def change_of(write: Write) -> Change:
    """The field writes one planner write stands for.

    An Update carries only the fields it names, serialised as the file keeps
    them: the rest of the record as this process last saw it may be stale.
    The changes are imported here: a command that only reads never loads them.
    """
    from planner.changes.base import Insert, Remove, Update

    table = _table_of(write.record)
    record_id = write.record.id
    if isinstance(write, Insert):
        return Change(table, record_id, fields=fields_of(write.record))
    if isinstance(write, Update):
        stored = fields_of(write.record)
        named = {name: stored[name] for name in sorted(write.fields)}
        return Change(table, record_id, fields=named, must_exist=True)
    if isinstance(write, Remove):
        cascade = isinstance(write.record, Process)
        return Change(table, record_id, delete=True, cascade=cascade, must_exist=True)
    raise TypeError(f"not a write: {write!r}")


def _table_of(record: Record) -> str:
    try:
        return TABLE_OF[type(record)]
    except KeyError:
        raise TypeError(f"cannot store a {type(record).__name__}; store its parts") from None


@dataclass
class Applied:
    """The records a transaction rewrote, and what undoing it takes."""

    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    undo: list[dict[str, Any]] = field(default_factory=list)


def apply_changes(
    document: dict[str, Any], changes: Iterable[Change], clock: HybridClock
) -> Applied:
    """Compute the new records (the document itself is left untouched)."""
    applied = Applied()

    def current(table: str, record_id: str) -> dict[str, Any] | None:
        staged = applied.records.get(table, {}).get(record_id)
        return staged if staged is not None else document.get(table, {}).get(record_id)

    pending = deque(changes)
    while pending:
        change = pending.popleft()
        old = current(change.table, change.record_id)
        if change.must_exist and (old is None or old.get("_deleted") is not None):
            raise StorageError(
                f"that {NOUN_OF[change.table]} was deleted meanwhile (another window or a "
                "sync); nothing was changed"
            )
        record, before = _apply_one(old, change, clock)
        if before is None:
            continue
        applied.records.setdefault(change.table, {})[change.record_id] = record
        applied.undo.append(before)
        if change.delete and change.cascade and before["deleted_here"]:
            pending.extend(_children(document, applied.records, change.record_id))
    return applied


def _apply_one(
    old: dict[str, Any] | None, change: Change, clock: HybridClock
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The new record and its undo note, or a None note when nothing changed."""
    record: dict[str, Any] = dict(old) if old is not None else {"_deleted": None}
    old_stamps: dict[str, Any] = record.get("_stamps") or {}
    stamps = dict(old_stamps)
    before: dict[str, Any] = {}
    after: dict[str, str] = {}
    for name, value in change.fields.items():
        if old is not None and old.get(name, _ABSENT) == value:
            continue
        if old is not None and name in old:
            before[name] = old[name]
        record[name] = value
        clock.observe(stamps.get(name))
        stamps[name] = after[name] = clock.now()
    if old is None and not after:
        return record, None
    before_stamps = {name: old_stamps.get(name) for name in before}
    was_deleted = record.get("_deleted") is not None
    deleted_here = change.delete and not was_deleted
    restored_here = change.restore and was_deleted
    if deleted_here:
        for stamp in stamps.values():
            clock.observe(stamp)
        before_stamps[DELETED] = old_stamps.get(DELETED)
        record["_deleted"] = after[DELETED] = clock.now()
    if restored_here:
        clock.observe(record["_deleted"])
        before_stamps[DELETED] = record["_deleted"]
        record["_deleted"] = None
        stamps["_deleted"] = after[DELETED] = clock.now()
    if not (after or deleted_here or restored_here):
        return record, None
    record["_stamps"] = stamps
    note = {
        "table": change.table,
        "id": change.record_id,
        "was_new": old is None,
        "before": before,
        "before_stamps": before_stamps,
        "after": after,
        "deleted_here": deleted_here,
        "restored_here": restored_here,
    }
    return record, note


def _children(
    document: dict[str, Any], staged: dict[str, dict[str, Any]], process_id: str
) -> list[Change]:
    """Live rounds, contacts and events of a process, including ones staged in this write."""
    found = []
    for table in CHILD_TABLES:
        records = {**document.get(table, {}), **staged.get(table, {})}
        found += [
            Change(table, record_id, delete=True, cascade=False)
            for record_id, record in records.items()
            if record.get("process_id") == process_id and record.get("_deleted") is None
        ]
    return found


def restamped(
    note: dict[str, Any], undo: Change, record: dict[str, Any]
) -> dict[tuple[str, str], str]:
    """After `undo` took back `note`: (field, its stamp before the note) -> the undo's stamp.

    Undo puts the earlier value back under a new stamp. An earlier journal
    entry that wrote that value still owns it, so its expected stamp is
    renewed (`renew`); without that, undoing two changes in a row would take
    the first undo's write for someone else's.
    """
    stamps = record.get("_stamps") or {}
    renewed: dict[tuple[str, str], str] = {}
    written = set(undo.fields) | ({DELETED} if undo.delete or undo.restore else set())
    for name, old in note["before_stamps"].items():
        if name not in written:
            continue  # moved on: the undo left it alone
        new = record.get(DELETED) if name == DELETED and undo.delete else stamps.get(name)
        if isinstance(old, str) and isinstance(new, str) and new != old:
            renewed[(name, old)] = new
    return renewed


def renew(note: dict[str, Any], renewed: dict[tuple[str, str], str]) -> None:
    """Point an earlier note's expected stamps at the undo's rewrite of the same value."""
    after = note["after"]
    for name, stamp in list(after.items()):
        fresh = renewed.get((name, stamp))
        if fresh is not None:
            after[name] = fresh


@dataclass
class MovedOn:
    """A field an undo left alone: it no longer holds what the undone change wrote."""

    table: str
    record_id: str
    field: str
    """A field name, or `_deleted` for the record's deletion or restoration."""
    stamp: str | None
    """The stamp of the value it holds now, which says who wrote it."""


def inverse(
    note: dict[str, Any], current: dict[str, Any] | None
) -> tuple[Change | None, list[MovedOn]]:
    """What undoing a journal note may still write to the record as it is now (compare-and-set).

    A field is put back only while it holds the value the undone change wrote,
    recognised by that write's stamp (`note["after"]`). A field someone wrote
    since (here, or on another machine and brought by a sync) keeps the newer
    value and is returned as `MovedOn`: undo never drops a newer value. The same
    holds for the record itself: a created record is deleted again only while
    nobody wrote to it since, a deletion is taken back only while it is ours.
    """
    table, record_id, after = note["table"], note["id"], note["after"]
    record = current or {}
    stamps: dict[str, Any] = record.get("_stamps") or {}
    deleted = record.get(DELETED)
    moved: list[MovedOn] = []
    fields: dict[str, Any] = {}
    for name, value in note["before"].items():
        if stamps.get(name) == after.get(name):
            fields[name] = value
        else:
            moved.append(MovedOn(table, record_id, name, stamps.get(name)))
    delete = restore = False
    if note["was_new"]:
        later = sorted(n for n, s in stamps.items() if n != DELETED and s != after.get(n))
        moved += [MovedOn(table, record_id, name, stamps[name]) for name in later]
        delete = not later and deleted is None
    elif note["deleted_here"]:
        restore = deleted is not None and deleted == after.get(DELETED)
        if deleted is not None and not restore:
            moved.append(MovedOn(table, record_id, DELETED, deleted))
    elif note["restored_here"]:
        delete = deleted is None and stamps.get(DELETED) == after.get(DELETED)
        if deleted is None and not delete:
            moved.append(MovedOn(table, record_id, DELETED, stamps.get(DELETED)))
    if not (fields or delete or restore):
        return None, moved
    change = Change(table, record_id, fields, delete=delete, restore=restore, cascade=False)
    return change, moved
