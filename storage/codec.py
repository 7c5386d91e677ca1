"""Records in the file <-> the domain's records, validated in bulk or trusted.

A stored record is the model's fields minus `id` (the id is the key), plus
metadata keys starting with `_` (`_stamps`, `_deleted`, `_conflicts`, ...)
that the models never see and a rewrite never drops.

Validation runs over whole tables at once (`planner.checking.checked_many`):
one call into pydantic-core per table instead of one per record, which is
what keeps opening a large file fast. The records of a file this machine
wrote are not validated again: they are read as they were written
(`Record.from_stored`), without importing pydantic at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from planner.models import Contact, Event, Process, Record, Round, Settings
from planner.offers import Offer
from planner.prep import Decision, Profile, Question, TalkingPoint
from planner.records import NOT_STORED, Checked, field_names
from storage.canonical import LazyTable
from storage.errors import DataFileError
from storage.schema import META_TABLE as META_TABLE
from storage.schema import SCHEMA_VERSION as SCHEMA_VERSION

if TYPE_CHECKING:
    from pydantic_core import ValidationError

SETTINGS_TABLE = "settings"
SETTINGS_ID = "settings"
TABLE_OF: dict[type[Record], str] = {
    Process: "processes",
    Round: "rounds",
    Contact: "contacts",
    Event: "events",
    Offer: "offers",
    Question: "questions",
    TalkingPoint: "talking_points",
    Decision: "decisions",
    # One record with the fixed id `profile`: my constraints, synced like the loops.
    Profile: "profile",
}
MODEL_OF: dict[str, type[Record]] = {table: model for model, table in TABLE_OF.items()}
CHILD_TABLES = (
    "rounds",
    "contacts",
    "events",
    "offers",
    "questions",
    "talking_points",
    "decisions",
)
LOOP_TABLES = ("rounds", "contacts", "events")
"""The records a loop carries; most of an archive's bytes are those of closed loops."""
ENTRY_ORDERED = frozenset({"events"})
"""Tables whose models are handed out in the order they were entered, not by id:
two log lines of one day read in the order I wrote them (`Loop.log`)."""
NOUN_OF = {
    "processes": "loop",
    "rounds": "round",
    "contacts": "contact",
    "events": "log entry",
    "offers": "offer",
    "questions": "question",
    "talking_points": "talking point",
    "decisions": "decision process",
    "profile": "profile",
}
_KNOWN_FIELDS: dict[str, frozenset[str]] = {}


def empty_document() -> dict[str, Any]:
    """A brand-new data file: what the first write creates."""
    document: dict[str, Any] = {
        META_TABLE: {"schema": {"schema_version": SCHEMA_VERSION}},
        SETTINGS_TABLE: {},
    }
    document.update({table: {} for table in MODEL_OF})
    return document


def fields_of(model: Checked) -> dict[str, Any]:
    """A model's stored fields: JSON-ready values (ISO dates, `HH:MM` times), no id."""
    fields = model.model_dump(mode="json", exclude={"id"})
    for name, value in fields.items():
        # pydantic writes times as HH:MM:SS; the file keeps the HH:MM the user typed.
        if isinstance(value, str) and name == "time" and value.endswith(":00"):
            fields[name] = value[:5]
    return fields


def public_fields(record: dict[str, Any]) -> dict[str, Any]:
    """A record without its metadata keys (those starting with `_`)."""
    return {key: value for key, value in record.items() if not key.startswith("_")}


def check_schema(document: dict[str, Any], name: str) -> None:
    """Refuse a file whose layout or schema version this app does not know."""
    for table, content in document.items():
        if not isinstance(content, Mapping):
            raise not_records(table, name)
    schema = document.get(META_TABLE, {}).get("schema")
    version = schema.get("schema_version") if isinstance(schema, dict) else None
    if not isinstance(version, int) or isinstance(version, bool):
        raise DataFileError(f"{name} has no schema version; is it a loopdeck file?")
    if version > SCHEMA_VERSION:
        raise DataFileError(
            f"{name} was written by a newer loopdeck (schema {version}, this one reads "
            f"up to {SCHEMA_VERSION}); upgrade loopdeck"
        )


def upgrade_schema(document: dict[str, Any]) -> None:
    """Stamp this app's schema version on a document about to be written.

    Replaces the meta table (never mutates it): the caller may keep the old
    document to roll back to. Other meta keys (a demo's anchor day) are kept.
    """
    meta = document.get(META_TABLE)
    meta = meta if isinstance(meta, Mapping) else {}
    schema = meta.get("schema")
    schema = schema if isinstance(schema, dict) else {}
    if schema.get("schema_version") != SCHEMA_VERSION:
        document[META_TABLE] = {**meta, "schema": {**schema, "schema_version": SCHEMA_VERSION}}


def live_models(
    table: str,
    records: Mapping[str, Any],
    name: str,
    leave_out: frozenset[str] = frozenset(),
    *,
    trusted: bool = False,
) -> dict[str, Record]:
    """Validate every record of a table that is not tombstoned; id -> model.

    `leave_out`: process ids whose records are skipped, neither validated nor built.
    `trusted`: the records are this app's own, validated when written (the file
    this machine last wrote): they are read back without validating them, and
    validated after all if one is not what this app writes.

    The loop runs once per record of a large file, so it sticks to C-level dict
    operations: pop the known metadata keys, and only when something else is
    left that the model does not know, filter key by key.
    """
    model = MODEL_OF[table]
    known = _KNOWN_FIELDS.setdefault(table, frozenset(field_names(model)))
    ids: list[str] = []
    payload: list[dict[str, Any]] = []
    items: Iterable[tuple[str, Any]] = records.items()
    if table in ENTRY_ORDERED:
        items = sorted(items, key=lambda item: entered(item[1]))
    for record_id, record in items:
        if type(record) is not dict:
            raise not_records(table, name)
        deleted = record.get("_deleted")
        if deleted is not None:
            if not isinstance(deleted, str):
                raise _bad_metadata(table, record_id, "_deleted", name)
            continue
        if leave_out and record.get("process_id") in leave_out:
            continue
        fields = record.copy()
        if type(fields.pop("_stamps", None) or {}) is not dict:
            raise _bad_metadata(table, record_id, "_stamps", name)
        fields.pop("_deleted", None)
        fields.pop("_conflicts", None)
        if not fields.keys() <= known:
            fields = public_fields(fields)
        fields["id"] = record_id
        ids.append(record_id)
        payload.append(fields)
    if not payload:
        return {}  # no validator built for a kind of record the file does not hold
    if trusted:
        build = model.from_stored
        try:
            return dict(zip(ids, [build(fields) for fields in payload], strict=True))
        except NOT_STORED:
            pass  # not as this app writes it: validating says what is wrong
    return dict(zip(ids, _validated(table, model, ids, payload, name), strict=True))


def _validated(
    table: str, model: type[Record], ids: list[str], payload: list[dict[str, Any]], name: str
) -> list[Record]:
    """The records validated by pydantic, or the file's one sentence about the first bad one."""
    from pydantic_core import ValidationError

    from planner.checking import checked_many

    try:
        return checked_many(model, payload)  # type: ignore[return-value]
    except ValidationError as error:
        raise DataFileError(_describe_invalid(table, ids, error, name)) from None


def split_by_loop(
    records: Mapping[str, Any], closed: frozenset[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A loop table's records as (those of closed loops, the rest).

    The rest includes records of no live loop: they are kept as a full load
    keeps them. A record that is not a dict goes with the rest, where
    `live_models` refuses it.
    """
    of_closed: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for record_id, record in records.items():
        owner = record.get("process_id") if type(record) is dict else None
        (of_closed if owner in closed else rest)[record_id] = record
    return of_closed, rest


def in_entry_order(records: Mapping[str, Any], models: dict[str, Record]) -> dict[str, Record]:
    """`models` (ids of `records`) sorted by when each record was entered."""
    order = sorted(models, key=lambda record_id: entered(records.get(record_id)))
    return {record_id: models[record_id] for record_id in order}


def entered(record: Any) -> str:
    """When a record was entered: the stamp of its insert ("" when it has none).

    An insert stamps every field and a later edit only adds newer stamps, so
    the insert's is the earliest; a child record's `process_id` is written by
    the insert alone (records never move between loops), so its stamp is that
    one, found without looking at the others. Stamps sort as strings.
    """
    stamps = record.get("_stamps") if type(record) is dict else None
    if type(stamps) is not dict:
        return ""
    first = stamps.get("process_id")
    if type(first) is str:
        return first
    return min((s for s in stamps.values() if type(s) is str), default="")


def conflict_counts(document: dict[str, Any]) -> dict[str, int]:
    """How many overwritten values a sync kept (`_conflicts`), per loop (process id)."""
    counts: dict[str, int] = {}
    for table in MODEL_OF:
        records = document.get(table)
        if not isinstance(records, Mapping):
            continue  # a malformed table: the file opens read-only, with the reason
        if isinstance(records, LazyTable):  # few records have any: parse only those
            records = records.having("_conflicts")
        for record_id, record in records.items():
            found = _conflicts_in(table, record_id, record)
            if found is not None:
                counts[found[0]] = counts.get(found[0], 0) + found[1]
    return counts


def conflict_changes(
    before: Mapping[str, Any], written: Mapping[str, Mapping[str, Any]]
) -> dict[str, int]:
    """How writing `written` (table -> id -> record) over the document `before` moves each
    loop's `conflict_counts`: a write's step carries it, so a count need not be redone."""
    moved: dict[str, int] = {}
    for table, records in written.items():
        if table not in MODEL_OF:
            continue
        was = before.get(table)
        was = was if isinstance(was, Mapping) else {}
        for record_id, record in records.items():
            for found, sign in (
                (_conflicts_in(table, record_id, was.get(record_id)), -1),
                (_conflicts_in(table, record_id, record), 1),
            ):
                if found is not None:
                    moved[found[0]] = moved.get(found[0], 0) + sign * found[1]
    return {owner: change for owner, change in moved.items() if change}


def with_conflict_changes(counts: dict[str, int], moved: Mapping[str, int]) -> dict[str, int]:
    """`counts` moved by `conflict_changes` (a loop left at none is left out, as counted)."""
    after = dict(counts)
    for owner, change in moved.items():
        after[owner] = after.get(owner, 0) + change
    return {owner: count for owner, count in after.items() if count > 0}


def _conflicts_in(table: str, record_id: str, record: Any) -> tuple[str, int] | None:
    """The loop a record's kept conflicts count for, and how many it keeps (None: none)."""
    kept = record.get("_conflicts") if isinstance(record, dict) else None
    if not kept or not isinstance(kept, list):
        return None
    owner = record_id if table == "processes" else record.get("process_id")
    return (owner, len(kept)) if isinstance(owner, str) else None


def settings_from(document: dict[str, Any], name: str, *, trusted: bool = False) -> Settings:
    """The stored settings, defaults for anything not stored.

    `trusted` as for `live_models`: this app's own settings are not validated again.
    """
    record = document.get(SETTINGS_TABLE, {}).get(SETTINGS_ID, {})
    if not isinstance(record, dict):
        raise not_records(SETTINGS_TABLE, name)
    if not isinstance(record.get("_stamps", {}), dict):
        raise DataFileError(f"{name}: the settings have bad '_stamps'")
    fields = public_fields(record)
    if trusted or not fields:
        try:
            return Settings.from_stored(fields)
        except NOT_STORED:
            pass  # not as this app writes it: validating says what is wrong
    from pydantic_core import ValidationError

    try:
        return Settings.model_validate(fields)
    except ValidationError as error:
        detail = error.errors()[0]
        field = ".".join(str(part) for part in detail["loc"])
        raise DataFileError(
            f"{name}: setting '{field}' is wrong ({detail['msg']}); fix it by hand"
        ) from None


def not_records(table: str, name: str) -> DataFileError:
    return DataFileError(f"{name}: table '{table}' is not a set of records; fix it by hand")


def _bad_metadata(table: str, record_id: str, key: str, name: str) -> DataFileError:
    return DataFileError(
        f"{name}: {NOUN_OF[table]} {record_id[:8]} has a malformed '{key}'; fix it by hand"
    )


def _describe_invalid(table: str, ids: list[str], error: ValidationError, name: str) -> str:
    detail = error.errors()[0]
    index, *where = detail["loc"]
    record_id = ids[index] if isinstance(index, int) and index < len(ids) else "?"
    field = ".".join(str(part) for part in where) or "record"
    return (
        f"{name}: {NOUN_OF[table]} {record_id[:8]} has a wrong '{field}' "
        f"({detail['msg']}); fix it by hand or restore it from git"
    )
