"""The ground the domain records stand on: plain dataclasses, checked on the way in.

A record is built three ways, and only the first two check it:

- `Process(...)`: from values a person or an importer gave. The values are
  validated (and cleaned: spaces trimmed, tags deduplicated) by pydantic-core,
  as the field annotations below describe them (`planner.checking`).
- `Process.model_validate(mapping)`: the same, from a mapping (a form, a file
  not known to be ours). Unknown keys are refused.
- `Process.from_stored(values)`: from the values of a record this app wrote
  and validated before (the file this machine last wrote, the model cache).
  Nothing is checked and no validator is imported: reading a file that is
  known to be ours, which is what `loopdeck next` and the app do most, never
  pays for building one.

The method names `model_validate`, `model_copy` and `model_dump` are those the
records had when they were pydantic models, with the same meaning, so the
rules and the tests read the same.

The constraints are metadata in `Annotated` (`Limits`, `Cleaned`): plain data
here, turned into pydantic-core's own only when a validator is built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Self


@dataclasses.dataclass(frozen=True)
class Limits:
    """Bounds on a field's value, named as pydantic's `Field` names them.

    `strip`: leading and trailing spaces are dropped before the bounds apply.
    """

    min_length: int | None = None
    max_length: int | None = None
    ge: int | float | None = None
    le: int | float | None = None
    pattern: str | None = None
    strip: bool = False


@dataclasses.dataclass(frozen=True)
class Cleaned:
    """A check run after the type's own: it returns the value to keep or raises
    `ValueError` with a sentence for the user.

    `sees_record`: the check is called with the fields declared before this one
    too, as a second argument (a mapping of the values validated so far).
    """

    check: Callable[..., Any]
    sees_record: bool = False


@dataclasses.dataclass(kw_only=True, eq=False, repr=False)
class Checked:
    """A record whose values are validated whenever they come from outside.

    Subclasses are dataclasses too: `@dataclasses.dataclass(kw_only=True)`; each
    generates its own equality and repr, so this ground generates none (every
    generated method costs each start a compile).
    """

    def __post_init__(self) -> None:
        """Built from outside values (`Process(company=...)`): validate and clean them, as
        a pydantic model's constructor did, so no caller can skip the check."""
        from planner.checking import checked_values

        self.__dict__.update(checked_values(type(self), self.__dict__))

    @classmethod
    def model_validate(cls, data: Mapping[str, Any]) -> Self:
        """A record from a mapping, validated; raises pydantic's `ValidationError`."""
        if isinstance(data, cls):
            return data
        from planner.checking import checked_values

        return cls.from_checked(checked_values(cls, data))

    @classmethod
    def from_stored(cls, values: Mapping[str, Any]) -> Self:
        """A record from the stored values of one this app validated before.

        Dates and times are read from their ISO text, enums from their value;
        a field the record lacks (written before the field existed) takes its
        default. Raises one of `NOT_STORED` when the values are not what this
        app writes: the caller then validates them instead.
        """
        plan = _plan_of(cls)
        if not values.keys() <= plan.names:
            raise KeyError(f"unknown fields {sorted(values.keys() - plan.names)}")
        built = plan.filled(values)
        for name, read, optional in plan.readers:
            value = built[name]
            if not (optional and value is None):
                built[name] = read(value)
        return cls.from_checked(built)

    @classmethod
    def unchecked(cls, **values: Any) -> Self:
        """A record from values known to be right (defaults for the rest), not validated."""
        plan = _plan_of(cls)
        if missing := plan.required - values.keys():
            raise KeyError(f"{cls.__name__} needs {sorted(missing)}")
        return cls.from_checked(plan.filled(values))

    @classmethod
    def from_checked(cls, values: dict[str, Any]) -> Self:
        """A record from every field's value, already checked (a validator's output, the
        model cache's columns): taken as they are, `values` itself becomes its fields."""
        record = object.__new__(cls)
        record.__dict__ = values
        return record

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A shallow copy with `update` set, not validated (as pydantic's `model_copy`)."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        if update:
            copy.__dict__.update(update)
        return copy

    def model_dump(
        self, *, mode: str = "python", exclude: set[str] | frozenset[str] | None = None
    ) -> dict[str, Any]:
        """The fields in declaration order; `mode="json"` gives JSON-ready values
        (ISO dates, `HH:MM:SS` times, enum values), as pydantic's `model_dump`."""
        convert = _json_ready if mode == "json" else _copied
        values = self.__dict__
        return {
            name: convert(values[name])
            for name in field_names(type(self))
            if not exclude or name not in exclude
        }


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type[Checked]) -> tuple[str, ...]:
    """The record's field names in declaration order (`id` first)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def field_types(cls: type[Checked]) -> dict[str, Any]:
    """Each field's annotation, resolved, with its `Annotated` metadata."""
    return typing.get_type_hints(cls, include_extras=True)


def default_of(cls: type[Checked], name: str) -> Any:
    """The value a field takes when none is given (a fresh one for a list or a dict)."""
    found = cls.__dataclass_fields__[name]
    if found.default is not dataclasses.MISSING:
        return found.default
    if found.default_factory is not dataclasses.MISSING:
        return found.default_factory()
    raise KeyError(f"{cls.__name__} has no '{name}'")


@dataclasses.dataclass
class _StoredPlan:
    """How `from_stored` reads one record class: worked out once per class."""

    names: frozenset[str]
    required: frozenset[str]
    """The fields without a default."""
    defaults: dict[str, Any]
    """The fields whose default is a plain value (a list or a dict is made per record)."""
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    readers: tuple[tuple[str, Callable[[Any], Any], bool], ...]
    """(field, reader, optional): the fields whose JSON value needs reading; an
    optional field's None stays None, any other field's None fails its reader."""
    shared: tuple[str, ...]
    """The fields whose equal values are shared between records (`shared_values`)."""

    @classmethod
    def of(cls, record: type[Checked]) -> _StoredPlan:
        hints = typing.get_type_hints(record)
        defaults: dict[str, Any] = {}
        factories: list[tuple[str, Callable[[], Any]]] = []
        readers: list[tuple[str, Callable[[Any], Any], bool]] = []
        shared: list[str] = []
        for found in dataclasses.fields(record):
            if found.default is not dataclasses.MISSING:
                defaults[found.name] = found.default
            elif found.default_factory is not dataclasses.MISSING:
                factories.append((found.name, found.default_factory))
            annotation, optional = without_none(hints[found.name])
            read = sys.intern if found.name in OWNER_FIELDS else _reader(annotation)
            if read is not None:
                readers.append((found.name, read, optional))
            if found.name in OWNER_FIELDS or annotation in (dt.date, dt.time):
                shared.append(found.name)
        names = frozenset(field_names(record))
        required = names - defaults.keys() - {name for name, _ in factories}
        return cls(names, required, defaults, tuple(factories), tuple(readers), tuple(shared))

    def filled(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """`values` with every field they lack at its default (a fresh list or dict each).

        Runs once per record of a large file: dict operations in C where it can.
        """
        built = {**self.defaults, **values}
        for name, make in self.factories:
            if name not in values:
                built[name] = make()
        return built


OWNER_FIELDS = frozenset({"process_id"})
"""Fields naming the loop a record belongs to: read as one shared string per loop
(`sys.intern`), so an archive's ten thousand rounds do not each carry a copy of their
loop's id, and the model cache pickles each id once (3.66 -> 3.32 MB on the archive)."""
_PLANS: dict[type, _StoredPlan] = {}
NOT_STORED: tuple[type[Exception], ...] = (ValueError, TypeError, KeyError)
"""What `from_stored` raises for values this app does not write (a caller validates them)."""


def _plan_of(cls: type[Checked]) -> _StoredPlan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _StoredPlan.of(cls)
    return plan


def without_none(annotation: Any) -> tuple[Any, bool]:
    """`X | None` as (X, True); anything else as (it, False). Read by the stored form
    here and by the validators (`planner.checking`), so both see optional alike."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) == 1 and len(options) < len(typing.get_args(annotation)):
            return options[0], True
    return annotation, False


def _reader(annotation: Any) -> Callable[[Any], Any] | None:
    """How a stored JSON value becomes a value of `annotation`; None: it already is one.

    Lists and dicts are copied: the record shares nothing with the parsed file.
    """
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        read = _reader(item)
        if read is None:
            return list
        return lambda value: [read(v) for v in value]
    if origin is dict:
        return dict
    if annotation is dt.date:
        return _stored_date
    if annotation is dt.time:
        return _stored_time
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return {member.value: member for member in annotation}.__getitem__
    if annotation in (str, int, float, bool):
        return None
    raise TypeError(f"no stored form known for {annotation!r}")


_DAYS: dict[str, dt.date] = {}


def _stored_date(text: str) -> dt.date:
    """One date object per day read: an archive's thousands of rounds and log lines fall
    on a few hundred days, so the records share them (and the model cache pickles each
    day once, its memo keeping the sharing)."""
    day = _DAYS.get(text)
    if day is None:
        day = _DAYS[text] = dt.date.fromisoformat(text)
    return day


def shared_values(cls: type[Checked], values: dict[str, Any]) -> dict[str, Any]:
    """Validated `values` with their days, times and loop id shared as `from_stored` shares
    them: a file validated whole (one written elsewhere) fills the model cache too."""
    for name in _plan_of(cls).shared:
        value = values.get(name)
        if type(value) is str:
            values[name] = sys.intern(value)
        elif type(value) is dt.date:
            values[name] = _DAYS.setdefault(value.isoformat(), value)
        elif type(value) is dt.time:
            values[name] = _TIMES.setdefault(value.isoformat(), value)
    return values


_TIMES: dict[str, dt.time] = {}


def _stored_time(text: str) -> dt.time:
    """One time object per time of day read, shared as the days are (`_stored_date`): the
    rounds of an archive start at a few dozen times, and each distinct object cost the
    model cache a pickled object of its own (store 103 -> 85 ms, load 70 -> 62 ms)."""
    moment = _TIMES.get(text)
    if moment is None:
        moment = _TIMES[text] = dt.time.fromisoformat(text)
    return moment


def _json_ready(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.time)):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    if isinstance(value, dict):
        return {str(_json_ready(k)): _json_ready(v) for k, v in value.items()}
    return value


def _copied(value: Any) -> Any:
    if isinstance(value, list):
        return [_copied(v) for v in value]
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    return value
