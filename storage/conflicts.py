"""Kept conflicts: the values a sync merge overwrote, listed and resolved by the user.

A merge never asks; it keeps the newest value and parks the other one in the
record's `_conflicts`. Here the user reviews them and either takes the other
value or keeps the current one. Resolving is an ordinary transaction (the
field write and the shorter `_conflicts` list), so `undo` brings the conflict
back and the resolution syncs to every machine like any other edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from storage import jsonfile
from storage.codec import MODEL_OF, NOUN_OF, SETTINGS_TABLE, public_fields
from storage.errors import DataFileError, NotFoundError, StorageError
from storage.hlc import parse_stamp
from storage.merge import CONFLICTS, DELETED, canonical
from storage.repository import Repository
from storage.transaction import Change, Transaction

Take = Literal["other", "current"]
TABLES = (*MODEL_OF, SETTINGS_TABLE)
"""Every table a merge can keep conflicts in: new record kinds are covered as they are added."""


@dataclass(frozen=True)
class KeptConflict:
    """One overwritten value, with what the user needs to judge it."""

    number: int
    """Position in `list_conflicts`, from 1: what `--resolve N` names."""
    loop: str
    """'Company / Role' of the loop the record belongs to ('settings' for settings)."""
    table: str
    record_id: str
    field: str
    value: Any
    """The overwritten value (for `_deleted`: the deletion stamp, or None for a lost edit)."""
    stamp: str
    """When the overwritten value was written."""
    current: Any
    """The record's value now."""
    entry: dict[str, Any]
    """The `_conflicts` entry as stored."""

    @property
    def noun(self) -> str:
        return NOUN_OF.get(self.table, self.table)


def list_conflicts(document: dict[str, Any]) -> list[KeptConflict]:
    """Every kept conflict, ordered by loop, record and field so numbers are stable."""
    titles = _titles(document)
    found: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    for table in TABLES:
        records = document.get(table)
        for record_id, record in records.items() if isinstance(records, dict) else ():
            if not isinstance(record, dict):
                continue
            loop = _loop_of(table, record_id, record, titles)
            for entry in record.get(CONFLICTS) or []:
                if isinstance(entry, dict) and isinstance(entry.get("field"), str):
                    key = (
                        loop.casefold(),
                        table,
                        record_id,
                        entry["field"],
                        str(entry.get("stamp")),
                    )
                    found.append((key, {"loop": loop, "table": table, "id": record_id, **entry}))
    found.sort(key=lambda item: item[0])
    return [
        KeptConflict(
            number=n,
            loop=item["loop"],
            table=item["table"],
            record_id=item["id"],
            field=item["field"],
            value=item.get("value"),
            stamp=str(item.get("stamp", "")),
            current=_current(document[item["table"]][item["id"]], item["field"]),
            entry={k: item[k] for k in ("field", "value", "stamp") if k in item},
        )
        for n, (_key, item) in enumerate(found, start=1)
    ]


def stamp_time(stamp: str) -> dt.datetime | None:
    """The local time a stamp was written, or None for a stamp from a hand edit."""
    try:
        ms, _counter = parse_stamp(stamp)
    except ValueError:
        return None
    return dt.datetime.fromtimestamp(ms / 1000)


def read_conflicts(repo: Repository) -> list[KeptConflict]:
    """The kept conflicts of the repository's data file (none when it does not exist yet).

    A file that cannot be read raises `DataFileError`: "no conflicts" would be a lie.
    """
    if repo.unreadable is not None:
        raise DataFileError(repo.unreadable)
    try:
        document = jsonfile.read_strict(repo.path)[0]
    except FileNotFoundError:
        return []
    except OSError as error:
        raise DataFileError(f"cannot read {repo.path.name} ({error.strerror})") from None
    return list_conflicts(document)


def resolve_conflict(repo: Repository, number: int, take: Take) -> KeptConflict:
    """Resolve conflict `number` (as `read_conflicts` numbers them) in one undoable write."""
    conflicts = read_conflicts(repo)
    if not 1 <= number <= len(conflicts):
        raise NotFoundError(
            f"there is no conflict {number} (there are {len(conflicts)}); "
            "run 'loopdeck conflicts' to list them"
        )
    conflict = conflicts[number - 1]
    record = jsonfile.read_strict(repo.path)[0][conflict.table][conflict.record_id]
    label = f"resolve conflict on {conflict.loop}: {conflict.field} ({take})"
    with repo.transaction(label) as tx:
        resolve(tx, record, conflict, take)
    return conflict


def resolve(tx: Transaction, record: dict[str, Any], conflict: KeptConflict, take: Take) -> None:
    """Stage the resolution in `tx`: drop the entry and, for 'other', write the kept value.

    `record` is the record as the repository holds it now. Raises
    `StorageError` when the kept value is no longer valid for the field.
    """
    change = tx.changes.setdefault(
        (conflict.table, conflict.record_id), Change(conflict.table, conflict.record_id)
    )
    remaining = [
        entry
        for entry in record.get(CONFLICTS) or []
        if canonical(entry) != canonical(conflict.entry)
    ]
    if len(remaining) == len(record.get(CONFLICTS) or []):
        raise NotFoundError(f"conflict {conflict.number} was resolved meanwhile; list them again")
    change.fields[CONFLICTS] = remaining
    if take == "current":
        return
    if conflict.field == DELETED:
        deleted = record.get(DELETED) is not None
        change.restore = deleted and conflict.value is None
        change.delete = not deleted and conflict.value is not None
        return
    _validate(conflict, record)
    change.fields[conflict.field] = conflict.value


def _validate(conflict: KeptConflict, record: dict[str, Any]) -> None:
    model = MODEL_OF.get(conflict.table)
    if model is None or record.get(DELETED) is not None:
        return
    fields = {**public_fields(record), conflict.field: conflict.value, "id": conflict.record_id}
    from pydantic_core import ValidationError  # imported by what validates, not by every read

    try:
        model.model_validate(fields)
    except ValidationError:
        raise StorageError(
            f"the kept value of {conflict.field} is not valid any more; keep the current one"
        ) from None


def _titles(document: dict[str, Any]) -> dict[str, str]:
    return {
        record_id: f"{record.get('company', '?')} / {record.get('role', '?')}"
        for record_id, record in document.get("processes", {}).items()
        if isinstance(record, dict)
    }


def _loop_of(table: str, record_id: str, record: dict[str, Any], titles: dict[str, str]) -> str:
    if table in (SETTINGS_TABLE, "profile"):
        return table
    process_id = record_id if table == "processes" else str(record.get("process_id"))
    return titles.get(process_id, f"loop {process_id[:8]}")


def _current(record: dict[str, Any], field: str) -> Any:
    if field == DELETED:
        return record.get(DELETED)
    return record.get(field)
