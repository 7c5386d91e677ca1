"""A record class as pydantic itself would validate it: a model generated from the
dataclass's annotations through pydantic's public API.

`planner.checking` builds the core schema directly; this twin is what that
schema must behave like, input for input (`test_checking.py`).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model

from planner.records import Checked, Cleaned, Limits, field_types


@functools.cache
def model_of(cls: type[Checked]) -> type[BaseModel]:
    """`cls` as a pydantic model: same fields, defaults, order and constraints."""
    hints = field_types(cls)
    fields: dict[str, Any] = {}
    for found in dataclasses.fields(cls):
        annotation = _pydantic_type(hints[found.name])
        if found.default is not dataclasses.MISSING:
            fields[found.name] = (annotation, found.default)
        elif found.default_factory is not dataclasses.MISSING:
            fields[found.name] = (annotation, Field(default_factory=found.default_factory))
        else:
            fields[found.name] = (annotation, ...)
    return create_model(cls.__name__, __config__=ConfigDict(extra="forbid"), **fields)


def _pydantic_type(annotation: Any) -> Any:
    if typing.get_origin(annotation) is Annotated:
        base, *metadata = typing.get_args(annotation)
        return Annotated[(_pydantic_type(base), *map(_pydantic_metadata, metadata))]
    args = typing.get_args(annotation)
    if not args:
        return annotation
    inner = tuple(_pydantic_type(arg) for arg in args)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[inner]  # noqa: UP007 (built from a tuple)
    return origin[inner]


def _pydantic_metadata(item: Any) -> Any:
    if isinstance(item, Limits):
        bounds = {
            k: v for k, v in dataclasses.asdict(item).items() if k != "strip" and v is not None
        }
        if item.strip:
            return StringConstraints(strip_whitespace=True, **bounds)
        return Field(**bounds)
    if isinstance(item, Cleaned):
        check = item.check
        if item.sees_record:
            return AfterValidator(lambda value, info: check(value, info.data))
        return AfterValidator(check)
    return item
