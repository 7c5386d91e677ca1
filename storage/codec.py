"""Records in the file <-> pydantic models, validated in bulk.

A stored record is the model's fields minus `id` (the id is the key), plus
metadata keys starting with `_` (`_stamps`, `_deleted`, `_conflicts`, ...)
that the models never see and a rewrite never drops.

Validation runs over whole tables at once through a `TypeAdapter` over a
list: one call into pydantic-core per table instead of one per record, which
is what keeps opening a large file fast.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from planner.models import Contact, Event, Process, Record, Round, Settings
from storage.errors import DataFileError

SCHEMA_VERSION = 1
META_TABLE = "meta"
SETTINGS_TABLE = "settings"
SETTINGS_ID = "settings"
TABLE_OF: dict[type[Record], str] = {
    Process: "processes",
    Round: "rounds",
    Contact: "contacts",
    Event: "events",
}
MODEL_OF: dict[str, type[Record]] = {table: model for model, table in TABLE_OF.items()}
CHILD_TABLES = ("rounds", "contacts", "events")
NOUN_OF = {"processes": "loop", "rounds": "round", "contacts": "contact", "events": "log entry"}
_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {}


def empty_document() -> dict[str, Any]:
    """A brand-new data file: what the first write creates."""
    document: dict[str, Any] = {
        META_TABLE: {"schema": {"schema_version": SCHEMA_VERSION}},
        SETTINGS_TABLE: {},
    }
    document.update({table: {} for table in MODEL_OF})
    return document


def fields_of(model: BaseModel) -> dict[str, Any]:
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
        if not isinstance(content, dict) or not all(isinstance(r, dict) for r in content.values()):
            raise DataFileError(f"{name}: table '{table}' is not a set of records; fix it by hand")
    version = document.get(META_TABLE, {}).get("schema", {}).get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DataFileError(f"{name} has no schema version; is it a loopdeck file?")
    if version > SCHEMA_VERSION:
        raise DataFileError(
            f"{name} was written by a newer loopdeck (schema {version}, this one reads "
            f"up to {SCHEMA_VERSION}); upgrade loopdeck"
        )


def live_models(table: str, records: dict[str, Any], name: str) -> dict[str, Record]:
    """Validate every record of a table that is not tombstoned; id -> model."""
    ids: list[str] = []
    payload: list[dict[str, Any]] = []
    for record_id, record in records.items():
        _check_metadata(table, record_id, record, name)
        if record.get("_deleted") is None:
            fields = public_fields(record)
            fields["id"] = record_id
            ids.append(record_id)
            payload.append(fields)
    adapter = _ADAPTERS.get(table)
    if adapter is None:
        adapter = _ADAPTERS[table] = TypeAdapter(list[MODEL_OF[table]])  # type: ignore[valid-type]
    try:
        models: list[Record] = adapter.validate_python(payload)
    except ValidationError as error:
        raise DataFileError(_describe_invalid(table, ids, error, name)) from None
    return dict(zip(ids, models, strict=True))


def settings_from(document: dict[str, Any], name: str) -> Settings:
    """The stored settings, defaults for anything not stored."""
    record = document.get(SETTINGS_TABLE, {}).get(SETTINGS_ID, {})
    _check_metadata(SETTINGS_TABLE, SETTINGS_ID, record, name)
    try:
        return Settings.model_validate(public_fields(record))
    except ValidationError as error:
        detail = error.errors()[0]
        field = ".".join(str(part) for part in detail["loc"])
        raise DataFileError(
            f"{name}: setting '{field}' is wrong ({detail['msg']}); fix it by hand"
        ) from None


def _check_metadata(table: str, record_id: str, record: dict[str, Any], name: str) -> None:
    stamps = record.get("_stamps", {})
    deleted = record.get("_deleted")
    if not isinstance(stamps, dict) or not all(isinstance(s, str) for s in stamps.values()):
        raise DataFileError(f"{name}: record {record_id[:8]} in '{table}' has bad '_stamps'")
    if deleted is not None and not isinstance(deleted, str):
        raise DataFileError(f"{name}: record {record_id[:8]} in '{table}' has a bad '_deleted'")


def _describe_invalid(table: str, ids: list[str], error: ValidationError, name: str) -> str:
    detail = error.errors()[0]
    index, *where = detail["loc"]
    record_id = ids[index] if isinstance(index, int) and index < len(ids) else "?"
    field = ".".join(str(part) for part in where) or "record"
    return (
        f"{name}: {NOUN_OF[table]} {record_id[:8]} has a wrong '{field}' "
        f"({detail['msg']}); fix it by hand or restore it from git"
    )
