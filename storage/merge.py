"""Three-way merge of two versions of the data file, record by record, field by field.

Git's line merge cannot merge a JSON document safely: two machines editing the
same loop produce textual conflicts, and a "clean" line merge can still glue
two halves of different records together. This merge works on parsed
documents instead and follows the per-field stamps every write leaves behind:

- a record only one side has is kept (inserts from both sides survive);
- a field only one side changed takes that change;
- a field both sides changed takes the newest stamp, and the other value goes
  to the record's `_conflicts` list, so no edit is ever lost;
- list fields (tags, interviewers, links) merge three-way as sets;
- delete against edit: the newer of the two wins, the loser is recorded in
  `_conflicts` under the field `_deleted` so the user can undo the outcome;
- `_conflicts` merges three-way as well, so resolving a conflict on one
  machine resolves it everywhere instead of being brought back by a union.

Nothing here depends on which side is "ours": ties are broken by the stamp,
then by the value's canonical bytes, and the output is encoded by the same
writer as the data file, so both machines compute byte-identical results.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import orjson

from storage.errors import DataFileError
from storage.schema import META_TABLE, SCHEMA_VERSION

STAMPS: Final = "_stamps"
DELETED: Final = "_deleted"
CONFLICTS: Final = "_conflicts"
METADATA: Final = frozenset({STAMPS, DELETED, CONFLICTS})


class _Missing:
    """A field a version does not have (distinct from a field holding null)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()

Pair = tuple[Any, str]
"""A field's value and the stamp of its last write ('' when it has none)."""


class MergeError(DataFileError):
    """The versions cannot be merged without guessing; git should report a conflict."""


def merge(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """The merged document of `ours` and `theirs`, which both started from `base`.

    Raises `MergeError` when a side was written by a newer schema than this
    code knows: merging fields it does not understand could lose data.
    """
    for name, document in (("ours", ours), ("theirs", theirs), ("base", base)):
        check_version(name, document)
    merged: dict[str, Any] = {}
    for table in sorted(set(ours) | set(theirs)):
        if table == META_TABLE:
            merged[table] = merge_meta(ours.get(table, {}), theirs.get(table, {}))
            continue
        merged[table] = _merge_table(
            _table(base, table), _table(ours, table), _table(theirs, table)
        )
    return merged


def canonical(value: Any) -> bytes:
    """A value's bytes for deterministic tie-breaks and equality (dict key order ignored)."""
    if value is MISSING:
        return b""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def check_version(name: str, document: dict[str, Any]) -> None:
    version = document.get(META_TABLE, {}).get("schema", {}).get("schema_version", 0)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise MergeError(
            f"{name} was written by a newer loopdeck (schema {version}, this one merges "
            f"up to {SCHEMA_VERSION}); upgrade loopdeck on this machine, then merge again"
        )


def _table(document: dict[str, Any], table: str) -> dict[str, Any]:
    content = document.get(table, {})
    if not isinstance(content, dict):
        raise MergeError(f"table '{table}' is not a set of records; fix it by hand")
    return content


def merge_meta(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Meta records carry no stamps: the newest schema wins, other keys merge by value."""
    merged: dict[str, Any] = {}
    for key in sorted(set(ours) | set(theirs)):
        mine, other = ours.get(key), theirs.get(key)
        if mine is None or other is None:
            merged[key] = mine if other is None else other
            continue
        merged[key] = max(mine, other, key=_meta_rank)
    return merged


def _meta_rank(record: Any) -> tuple[int, bytes]:
    version = record.get("schema_version", 0) if isinstance(record, dict) else 0
    return (version if isinstance(version, int) else 0, canonical(record))


def _merge_table(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for record_id in ours.keys() | theirs.keys():  # in no order: the writer sorts the keys
        mine, other = ours.get(record_id), theirs.get(record_id)
        if mine is None or other is None:
            # Records are never removed (deletion is a tombstone), so a record on
            # one side only is an insert, or damage we must not make worse: keep it.
            merged[record_id] = mine if other is None else other
        elif mine == other:
            merged[record_id] = mine
        else:
            merged[record_id] = merge_record(base.get(record_id) or {}, mine, other)
    return merged


def merge_record(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> dict[str, Any]:
    """One record merged field by field; see the module doc for the rules."""
    merged: dict[str, Any] = {}
    stamps: dict[str, str] = {}
    conflicts: list[dict[str, Any]] = []
    names = (set(ours) | set(theirs)) - METADATA
    for name in sorted(names):
        value, stamp, lost = _merge_field(_pair(base, name), _pair(ours, name), _pair(theirs, name))
        if value is not MISSING:
            merged[name] = value
        if stamp:
            stamps[name] = stamp
        conflicts.extend(
            {"field": name, "value": v, "stamp": s} for v, s in lost if v is not MISSING
        )
    if DELETED in ours or DELETED in theirs:
        deleted, deleted_stamp, lost_deletion = _merge_deletion(base, ours, theirs)
        merged[DELETED] = deleted
        if deleted_stamp:
            stamps[DELETED] = deleted_stamp
        conflicts.extend(lost_deletion)
    if STAMPS in ours or STAMPS in theirs:
        resolved = max(_pair(ours, CONFLICTS)[1], _pair(theirs, CONFLICTS)[1])
        if resolved:
            stamps[CONFLICTS] = resolved
        merged[STAMPS] = stamps
    kept = _merge_conflicts(base, ours, theirs, conflicts)
    if kept or CONFLICTS in ours or CONFLICTS in theirs:
        merged[CONFLICTS] = kept
    return merged


def _pair(record: dict[str, Any], name: str) -> Pair:
    stamps = record.get(STAMPS) or {}
    return record.get(name, MISSING), stamps.get(name, "") if isinstance(stamps, dict) else ""


def _same(one: Pair, two: Pair) -> bool:
    return one[1] == two[1] and canonical(one[0]) == canonical(two[0])


def _rank(pair: Pair) -> tuple[str, bytes]:
    """Newest stamp first; equal stamps (hand edits) fall back on the value, never the side."""
    return pair[1], canonical(pair[0])


def _merge_field(base: Pair, ours: Pair, theirs: Pair) -> tuple[Any, str, list[Pair]]:
    """The merged value and stamp of one field, and the concurrent writes it overwrote."""
    if _same(ours, theirs) or _same(theirs, base):
        return ours[0], ours[1], []
    if _same(ours, base):
        return theirs[0], theirs[1], []
    newest = max(ours[1], theirs[1])
    if canonical(ours[0]) == canonical(theirs[0]):
        return ours[0], newest, []
    if all(isinstance(v, list) for v in (ours[0], theirs[0])) and isinstance(
        base[0], list | _Missing
    ):
        start = base[0] if isinstance(base[0], list) else []
        return merge_set(start, ours[0], theirs[0]), newest, []
    winner, loser = sorted((ours, theirs), key=_rank, reverse=True)
    return winner[0], winner[1], [loser]


def merge_set(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Three-way merge of a list used as a set: a removal on either side removes.

    Items that survive from `base` keep its order (the user's order); additions
    follow, sorted, so the result does not depend on which side is which.
    """
    mine = {canonical(item) for item in ours}
    other = {canonical(item) for item in theirs}
    start = {canonical(item) for item in base}
    kept = [item for item in base if canonical(item) in mine and canonical(item) in other]
    added: dict[bytes, Any] = {}
    for item in [*ours, *theirs]:
        key = canonical(item)
        if key not in start:
            added[key] = item
    return kept + [added[key] for key in sorted(added)]


def _merge_deletion(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[str | None, str, list[dict[str, Any]]]:
    """`_deleted` and its stamp after the merge, plus the conflict a delete-vs-edit leaves.

    A record deleted on one side and edited on the other stays deleted only if
    the deletion is newer than every edit; either way the edited fields are
    merged into the record, so restoring it brings the edit back.
    """
    start, mine, other = (_pair(r, DELETED) for r in (base, ours, theirs))
    start = (start[0] if start[0] is not MISSING else None, start[1])
    mine = (mine[0] if mine[0] is not MISSING else None, mine[1])
    other = (other[0] if other[0] is not MISSING else None, other[1])
    if _same(mine, other):
        return mine[0], mine[1], []
    if (mine[0] is None) != (other[0] is None):
        deletion, alive = (other, ours) if mine[0] is None else (mine, theirs)
        if _same(deletion, start):
            # The record was already deleted in base; the other side restored it.
            return None, _pair(alive, DELETED)[1], []
        return _deletion_against_edit(base, deletion, alive)
    if _same(other, start):
        return mine[0], mine[1], []
    if _same(mine, start):
        return other[0], other[1], []
    winner = max(mine, other, key=_rank)
    return winner[0], winner[1], []


def _deletion_against_edit(
    base: dict[str, Any], deletion: Pair, alive: dict[str, Any]
) -> tuple[str | None, str, list[dict[str, Any]]]:
    """Newest wins; a restore counts as an edit, and a revived record keeps its revival stamp.

    Stamping the revival (rather than leaving `_deleted` as it was in `base`) is
    what makes merging the result with the deleting side again a no-op.
    """
    deleted_at = str(deletion[0])
    restored = _pair(alive, DELETED)[1]
    revived = restored if restored != _pair(base, DELETED)[1] else ""
    edited = max(revived, _newest_edit(base, alive))
    if not edited:
        return deleted_at, deletion[1], []
    if edited > deleted_at:
        return None, revived if revived > deleted_at else edited, [_lost_deletion(deleted_at)]
    return deleted_at, deletion[1], [{"field": DELETED, "value": None, "stamp": edited}]


def _lost_deletion(deleted_at: str) -> dict[str, Any]:
    return {"field": DELETED, "value": deleted_at, "stamp": deleted_at}


def _newest_edit(base: dict[str, Any], record: dict[str, Any]) -> str:
    """The newest stamp among the fields `record` changed since `base` ('' if none)."""
    names = (set(base) | set(record)) - METADATA
    changed = [
        _pair(record, name)[1]
        for name in names
        if not _same(_pair(record, name), _pair(base, name))
    ]
    return max(changed, default="")


def _merge_conflicts(
    base: dict[str, Any],
    ours: dict[str, Any],
    theirs: dict[str, Any],
    fresh: Iterable[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Kept conflicts merged as a set (resolving on one side resolves), plus new ones, sorted."""
    lists = [_conflict_list(record) for record in (base, ours, theirs)]
    kept = merge_set(*lists)
    unique = {canonical(entry): entry for entry in [*kept, *fresh]}
    return sorted(
        unique.values(), key=lambda e: (str(e.get("field")), str(e.get("stamp")), canonical(e))
    )


def _conflict_list(record: dict[str, Any]) -> list[Any]:
    entries = record.get(CONFLICTS) or []
    return entries if isinstance(entries, list) else []
