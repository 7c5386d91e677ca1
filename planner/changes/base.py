"""What every change returns: the records to write, field by field, or a refusal.

A change is one pure function `(loop, today, input) -> Patch` that both front
doors call: the command line parses arguments into the input, a form collects
fields into it, and both show the same refusal sentence when the change cannot
be made. The function decides which records change and which of their fields;
the storage writes exactly those fields (`Repository.apply`), so a value
another window, the command line or a sync changed meanwhile survives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from planner.models import Record
from planner.validation import describe

if TYPE_CHECKING:
    from pydantic_core import ValidationError

RecordT = TypeVar("RecordT", bound=Record)


class Refused(ValueError):
    """The change cannot be made; `str(error)` is one sentence for the user.

    `field` names the input it is about (a form shows it beside that field),
    or "" when it is about the change as a whole.
    """

    def __init__(self, sentence: str, field: str = "") -> None:
        super().__init__(sentence)
        self.field = field


@dataclass
class Insert:
    """A record that did not exist: written whole."""

    record: Record


@dataclass
class Update:
    """Some fields of an existing record: `record` is the validated new version,
    `fields` the names this change sets. Only those are written."""

    record: Record
    fields: frozenset[str]


@dataclass
class Remove:
    """A record deleted (a tombstone); a loop takes its rounds, people and log along."""

    record: Record


Write = Insert | Update | Remove


@dataclass
class Patch:
    """The outcome of a change: what to write, as one undo step.

    `label` names the undo step, `summary` is the line the command line prints
    and the app notifies, `notes` are warnings that do not stop the change
    (a round on a day off). `focus` is the id of the record the change is about,
    for the app to put its cursor on.
    """

    label: str
    writes: tuple[Write, ...]
    summary: str
    notes: tuple[str, ...] = ()
    focus: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.writes


def updated(record: RecordT, **values: Any) -> tuple[RecordT, frozenset[str]]:
    """`record` with `values` set, validated, and the names of the fields that really change.

    A value equal to the current one is not a change: it is left out, so saving
    a form nobody touched writes nothing, and a field someone else changed
    meanwhile keeps their value.
    """
    from pydantic_core import ValidationError  # imported by what validates, not by every read

    try:
        new = type(record).model_validate({**record.model_dump(), **values})
    except ValidationError as error:
        raise refusal(error) from None
    changed = frozenset(name for name in values if getattr(new, name) != getattr(record, name))
    return new, changed


def update(record: Record, **values: Any) -> tuple[Update, ...]:
    """An `Update` of the fields that change, or nothing when none does."""
    new, changed = updated(record, **values)
    return (Update(new, changed),) if changed else ()


def refusal(error: ValidationError) -> Refused:
    """A model's validation error as a refusal about its first field at fault."""
    details = error.errors()
    loc = details[0]["loc"] if details else ()
    return Refused(describe(error), str(loc[0]) if loc else "")


def build(model: type[RecordT], **values: Any) -> RecordT:
    """A new record from `values`, or a refusal saying which value is wrong."""
    from pydantic_core import ValidationError

    try:
        return model.model_validate(values)
    except ValidationError as error:
        raise refusal(error) from None


def pick(records: Iterable[RecordT], record_id: str, noun: str) -> RecordT:
    """The record with this id among a loop's, or a refusal: it was deleted meanwhile."""
    for record in records:
        if record.id == record_id:
            return record
    raise Refused(f"that {noun} is no longer there (deleted meanwhile?)")


def joined(label: str, summary: str, patches: Iterable[Patch]) -> Patch:
    """Several changes as one undo step (the command line's `prep --ask ... --point ...`)."""
    parts = list(patches)
    return Patch(
        label,
        writes(*(p.writes for p in parts)),
        summary,
        notes=tuple(n for p in parts for n in p.notes),
        focus=next((p.focus for p in parts if p.focus), None),
    )


def writes(*groups: Iterable[Write]) -> tuple[Write, ...]:
    """Concatenate groups of writes (each may be empty)."""
    return tuple(w for group in groups for w in group)
