"""The validators `planner.checking` builds behave as pydantic's own models would.

`planner.checking` writes the core schema of each record itself, to skip
pydantic's model layer on every write. These tests hold it to pydantic's twin
(`pydantictwin.model_of`), input for input: every field of every record, given
good values, wrong ones, none, and fields it does not know. The same values
must come out, in the same order, or the same errors, word for word.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from pydantic import TypeAdapter
from pydantic_core import ValidationError
from pydantictwin import model_of
from test_records import FILLED

from planner.checking import checked_many, checked_values
from planner.models import Process
from planner.records import Checked
from planner.validation import describe

WRONG: list[Any] = [
    "",
    "   ",
    "  padded  ",
    "x" * 5001,
    "bogus",
    "ABC",
    "#ml",
    "2026-02-31",
    "2026-03-16",
    "25:99",
    "14:30",
    "ann@example.com",
    "not an email",
    123,
    0,
    -1,
    400,
    1.5,
    True,
    None,
    [],
    [1, 9],
    ["", "  x  ", "x"],
    {"EUR": -1},
    {"EUR": "a lot"},
]

Outcome = tuple[Any, ...]


def outcome(validate: Callable[[Mapping[str, Any]], Mapping[str, Any]], data: Any) -> Outcome:
    """What validating `data` gives: the values in order, or the errors as the user sees them."""
    try:
        values = validate(data)
    except ValidationError as error:
        details = [
            (d["type"], d["loc"], d["msg"], repr(d["input"]), repr(d.get("ctx")))
            for d in error.errors(include_url=False)
        ]
        return ("errors", error.title, details)
    fresh = {"id"} - data.keys()  # a new record's id is new on each side
    return ("values", [(k, "<new id>" if k in fresh else v) for k, v in values.items()])


def inputs(record: Checked) -> list[tuple[str, dict[str, Any]]]:
    """Good values, then each field wrong in every way, missing, and an unknown field."""
    good = record.model_dump(mode="json")
    cases = [("good, as written", good), ("good, as built", record.model_dump())]
    for field in dataclasses.fields(record):
        cases += [(f"{field.name}={value!r}", {**good, field.name: value}) for value in WRONG]
        cases.append((f"no {field.name}", {k: v for k, v in good.items() if k != field.name}))
    cases.append(("an unknown field", {**good, "colour": "blue"}))
    cases.append(("nothing", {}))
    return cases


@pytest.mark.parametrize("record", FILLED, ids=lambda r: type(r).__name__)
def test_every_input_gives_what_pydantic_gives(record: Checked) -> None:
    cls = type(record)
    twin = model_of(cls)
    differ = [
        name
        for name, data in inputs(record)
        if outcome(lambda d: checked_values(cls, d), data)
        != outcome(lambda d: dict(twin.model_validate(d)), data)
    ]
    assert differ == []


def test_a_whole_table_gives_what_pydantic_gives() -> None:
    good = FILLED[0].model_dump(mode="json")
    rows = [good, {**good, "company": " "}, {**good, "status": "bogus", "colour": 1}]
    twin = TypeAdapter(list[model_of(Process)])  # type: ignore[misc]

    with pytest.raises(ValidationError) as ours:
        checked_many(Process, rows)
    with pytest.raises(ValidationError) as theirs:
        twin.validate_python(rows)

    assert ours.value.errors(include_url=False) == theirs.value.errors(include_url=False)
    assert checked_many(Process, [good]) == [Process.model_validate(good)]


def test_a_record_that_is_not_a_mapping_is_refused_in_one_sentence() -> None:
    with pytest.raises(ValidationError) as refused:
        Process.model_validate(["Acme", "ML"])  # type: ignore[arg-type]

    assert describe(refused.value) == "the record: input should be a valid dictionary"
