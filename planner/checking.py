"""The validators of the records, built on first use from their annotations.

`planner.records` declares each record once, as a dataclass whose constraints
are plain metadata. This module is the only one that turns them into a
validator: per record class, a pydantic-core schema with the same fields,
defaults and order, unknown fields refused, and the constraints mapped onto the
core's own (`Limits` onto the string, number and list bounds, `Cleaned` onto a
function run after the type's check). It is imported when something is
validated: a person's input, an import, a file this app did not write. A command
that only reads its own file never imports it.

Why pydantic-core and not a pydantic model: the schema below is the one pydantic
generates for the same annotations (`tests/planner/test_checking.py` holds the
two side by side, input for input), validated by the same engine with the same
errors. Building it directly skips pydantic's model layer, whose import and
first model cost a write about 70 ms, more than the rest of the write.

The errors are pydantic-core's `ValidationError`, titled with the record's
class name, so `planner.validation` words them as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import typing
from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic_core import CoreConfig, SchemaValidator, core_schema

from planner.records import (
    Checked,
    Cleaned,
    Limits,
    field_types,
    shared_values,
    without_none,
)

_VALIDATORS: dict[type, SchemaValidator] = {}
_LISTS: dict[type, SchemaValidator] = {}

_PLAIN: dict[Any, core_schema.CoreSchema] = {
    str: core_schema.str_schema(),
    int: core_schema.int_schema(),
    float: core_schema.float_schema(),
    bool: core_schema.bool_schema(),
    dt.date: core_schema.date_schema(),
    dt.time: core_schema.time_schema(),
    dt.datetime: core_schema.datetime_schema(),
}
_BOUNDED = {"str", "int", "float", "list", "dict"}
"""The schema types a `Limits` can bound."""


def checked_values(cls: type[Checked], data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` validated as a `cls`: every field's value, cleaned, defaults filled in."""
    values: dict[str, Any] = validator_of(cls).validate_python(data)
    return values


def checked_many(cls: type[Checked], payload: Iterable[Mapping[str, Any]]) -> list[Checked]:
    """Many records of one class validated in one call into the core (a whole table)."""
    validator = _LISTS.get(cls)
    if validator is None:
        validator = _LISTS[cls] = SchemaValidator(
            core_schema.list_schema(record_schema(cls)), _config(cls)
        )
    built, share = cls.from_checked, shared_values
    return [built(share(cls, values)) for values in validator.validate_python(payload)]


def validator_of(cls: type[Checked]) -> SchemaValidator:
    """The validator of `cls`'s values (built once per class)."""
    validator = _VALIDATORS.get(cls)
    if validator is None:
        validator = _VALIDATORS[cls] = SchemaValidator(record_schema(cls), _config(cls))
    return validator


def record_schema(cls: type[Checked]) -> core_schema.TypedDictSchema:
    """`cls`'s fields as a typed dict: declared order, defaults, no other keys."""
    hints = field_types(cls)
    fields: dict[str, core_schema.TypedDictField] = {}
    for found in dataclasses.fields(cls):
        schema = type_schema(hints[found.name])
        if found.default is not dataclasses.MISSING:
            schema = core_schema.with_default_schema(schema, default=found.default)
        elif found.default_factory is not dataclasses.MISSING:
            schema = core_schema.with_default_schema(
                schema, default_factory=found.default_factory, default_factory_takes_data=False
            )
        required = schema["type"] != "default"
        fields[found.name] = core_schema.typed_dict_field(schema, required=required)
    return core_schema.typed_dict_schema(fields, extra_behavior="forbid")


def type_schema(annotation: Any) -> core_schema.CoreSchema:
    """The core schema of one annotation, our metadata applied in its order, at any depth."""
    if typing.get_origin(annotation) is Annotated:
        base, *metadata = typing.get_args(annotation)
        schema = type_schema(base)
        for item in metadata:
            schema = _applied(item, schema)
        return schema
    if annotation in _PLAIN:
        return _PLAIN[annotation]  # shared: a bound or a default wraps it, never changes it
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _enum_schema(annotation)
    inner, optional = without_none(annotation)
    if optional:
        return core_schema.nullable_schema(type_schema(inner))
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and len(args) == 1:
        return core_schema.list_schema(type_schema(args[0]))
    if origin is dict and len(args) == 2:
        return core_schema.dict_schema(type_schema(args[0]), type_schema(args[1]))
    raise TypeError(f"no schema for the annotation {annotation!r}")


def _applied(item: Any, schema: core_schema.CoreSchema) -> core_schema.CoreSchema:
    if isinstance(item, Limits):
        if schema["type"] not in _BOUNDED:
            raise TypeError(f"{item!r} cannot bound a {schema['type']!r} schema")
        bounds = {
            name: value
            for name, value in dataclasses.asdict(item).items()
            if name != "strip" and value is not None
        }
        if item.strip:
            bounds["strip_whitespace"] = True
        return typing.cast(core_schema.CoreSchema, {**schema, **bounds})
    if isinstance(item, Cleaned):
        check = item.check
        if item.sees_record:
            return core_schema.with_info_after_validator_function(
                lambda value, info: check(value, info.data), schema
            )
        return core_schema.no_info_after_validator_function(check, schema)
    raise TypeError(f"unknown metadata {item!r}")


def _enum_schema(cls: type[enum.Enum]) -> core_schema.CoreSchema:
    """An enum by value, as pydantic builds it: members in declared order."""
    members = list(cls.__members__.values())
    if issubclass(cls, str):
        return core_schema.enum_schema(cls, members, sub_type="str")
    if issubclass(cls, int):
        return core_schema.enum_schema(cls, members, sub_type="int")
    return core_schema.enum_schema(cls, members)


def _config(cls: type[Checked]) -> CoreConfig:
    """Errors titled with the record's class name, as a pydantic model's are."""
    return CoreConfig(title=cls.__name__, extra_fields_behavior="forbid")
