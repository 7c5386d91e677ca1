"""Option lists for the forms' selects: enum values with the words a person reads."""

from __future__ import annotations

from enum import StrEnum


def options(kinds: type[StrEnum], skip: tuple[StrEnum, ...] = ()) -> list[tuple[str, str]]:
    """(label, value) pairs: 'hiring_manager' reads as 'hiring manager'."""
    return [(k.value.replace("_", " "), k.value) for k in kinds if k not in skip]
