"""pydantic's validators of the records, built on first use.

`planner.records` declares each record once, as a dataclass whose constraints
are plain metadata. This module is the only one that turns them into pydantic:
per record class, a pydantic model with the same fields, defaults and order,
`extra="forbid"`, and the constraints mapped onto pydantic's own (`Limits` to
`StringConstraints` or `Field`, `Cleaned` to an `AfterValidator`). It is
imported when something is validated: a person's input, an import, a file
this app did not write. A command that only reads its own file never imports it.

The validation errors are pydantic's `ValidationError`, titled with the
record's class name, so `planner.validation` words them as before.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    create_model,
)

from planner.records import Checked, Cleaned, Limits, field_types

_VALIDATORS: dict[type, type[BaseModel]] = {}
_LISTS: dict[type, TypeAdapter[list[Any]]] = {}


def checked_values(cls: type[Checked], data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` validated as a `cls`: every field's value, cleaned, defaults filled in."""
    return dict(validator_of(cls).model_validate(data))


def checked_many(cls: type[Checked], payload: Iterable[Mapping[str, Any]]) -> list[Checked]:
    """Many records of one class validated in one call into pydantic-core (a whole table)."""
    adapter = _LISTS.get(cls)
    if adapter is None:
        adapter = _LISTS[cls] = TypeAdapter(list[validator_of(cls)])  # type: ignore[arg-type,misc]
    built = cls.from_checked
    return [built(dict(model)) for model in adapter.validate_python(payload)]


def validator_of(cls: type[Checked]) -> type[BaseModel]:
    """The pydantic model that validates `cls`'s values (built once per class)."""
    model = _VALIDATORS.get(cls)
    if model is None:
        model = _VALIDATORS[cls] = _validator(cls)
    return model


def _validator(cls: type[Checked]) -> type[BaseModel]:
    hints = field_types(cls)
    fields: dict[str, Any] = {}
    for found in dataclasses.fields(cls):
        annotation = _pydantic_type(hints[found.name])
        if found.default is not dataclasses.MISSING:
            fields[found.name] = (annotation, found.default)
        elif found.default_factory is not dataclasses.MISSING:
            factory = _read_signature_fast(found.default_factory)
            fields[found.name] = (annotation, Field(default_factory=factory))
        else:
            fields[found.name] = (annotation, ...)
    return create_model(
        cls.__name__,
        __config__=ConfigDict(extra="forbid"),
        __module__=cls.__module__,
        **fields,
    )


def _read_signature_fast(factory: Any) -> Any:
    """`factory`, as a function whose signature is cheap to read.

    pydantic reads a default factory's signature (does it take the data
    validated so far?). A builtin's (`list`, `dict`) is parsed from its text by
    the tokenizer, whose first use costs a write some 3 ms; a Python
    function's is read off its code.
    """
    if isinstance(factory, types.FunctionType):
        return factory
    return lambda: factory()


def _pydantic_type(annotation: Any) -> Any:
    """`annotation` with our metadata turned into pydantic's, at any depth."""
    if typing.get_origin(annotation) is Annotated:
        base, *metadata = typing.get_args(annotation)
        mapped = [_pydantic_metadata(item) for item in metadata]
        return Annotated[(_pydantic_type(base), *mapped)]
    args = typing.get_args(annotation)
    if not args:
        return annotation
    inner = tuple(_pydantic_type(arg) for arg in args)
    if inner == args:
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[inner]  # noqa: UP007 (built from a tuple)
    return origin[inner]


def _pydantic_metadata(item: Any) -> Any:
    if isinstance(item, Limits):
        bounds = {
            name: value
            for name, value in dataclasses.asdict(item).items()
            if name != "strip" and value is not None
        }
        if item.strip:
            return StringConstraints(strip_whitespace=True, **bounds)
        return Field(**bounds)
    if isinstance(item, Cleaned):
        check = item.check
        if item.sees_record:
            return AfterValidator(lambda value, info: _with_record(check, value, info))
        return AfterValidator(check)
    return item


def _with_record(check: Any, value: Any, info: ValidationInfo) -> Any:
    return check(value, info.data)
