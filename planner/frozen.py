"""Frozen dataclasses built from their fields, without their `__init__`.

A frozen dataclass's `__init__` sets each field through `object.__setattr__`,
about a microsecond a field. The board and `next` build a few kinds of them by
the thousand on an archive (every open loop's pacing to-dos, a row per loop),
where that alone was a tenth of the work: those builders hand their fields to
`built` instead. Equality, hashing, `repr` and `dataclasses.replace` read the
instance's `__dict__`, so an instance built here is the one `__init__` builds,
given every field in declaration order.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def built(cls: type[T], fields: dict[str, Any]) -> T:
    """An instance of the frozen dataclass `cls` holding `fields` (every field, in
    declaration order, as `__init__` would set them)."""
    instance = object.__new__(cls)
    object.__setattr__(instance, "__dict__", fields)
    return instance
