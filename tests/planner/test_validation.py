"""pydantic's errors read as sentences a person understands, one per problem."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from builders import TODAY
from pydantic import BaseModel, ValidationError

from planner.models import Contact, Process, Round, Settings
from planner.validation import describe, field_name, problems


def error_of(build: Callable[[], BaseModel]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        build()
    return caught.value


CASES: list[tuple[str, Callable[[], BaseModel], str]] = [
    ("empty", lambda: Process(company=" ", role="R", created_on=TODAY), "company cannot be empty"),
    (
        "too long",
        lambda: Process(company="C", role="R" * 201, created_on=TODAY),
        "role is too long (at most 200 characters)",
    ),
    (
        "custom rule",
        lambda: Contact(process_id="p", name="Jane", role="recruiter", email="x"),
        "email: 'x' is not an email address (expected name@example.com)",
    ),
    (
        "enum",
        lambda: Contact(process_id="p", name="Jane", role="boss"),
        "role: 'boss' is not one of 'recruiter', 'hiring_manager', 'interviewer', "
        "'coordinator' or 'referrer'",
    ),
    (
        "date",
        lambda: Process(company="C", role="R", created_on="2026-02-30"),
        "created date: '2026-02-30' is not a date (use YYYY-MM-DD)",
    ),
    (
        "time",
        lambda: Round(process_id="p", kind="tech", created_on=TODAY, time="25:00"),
        "time: '25:00' is not a time (use HH:MM)",
    ),
    (
        "missing",
        lambda: Round.model_validate({"kind": "tech", "created_on": TODAY}),
        "loop is required",
    ),
    (
        "unknown field",
        lambda: Process.model_validate(
            {"company": "C", "role": "R", "created_on": TODAY, "colour": "red"}
        ),
        "colour is not a known field",
    ),
    ("minimum", lambda: Settings(cooling_days=0), "cooling days must be at least 1"),
    ("maximum", lambda: Settings(racing_days=31), "racing days must be at most 30"),
    (
        "whole number",
        lambda: Settings(follow_up_days="soon"),
        "follow-up days must be a whole number, not 'soon'",
    ),
    (
        "text",
        lambda: Process(company=42, role="R", created_on=TODAY),
        "company must be text, not '42'",
    ),
    (
        "list",
        lambda: Process(company="C", role="R", created_on=TODAY, tags="ai"),
        "tags must be a list, not 'ai'",
    ),
    (
        "item in a list",
        lambda: Process(company="C", role="R", created_on=TODAY, tags=["ai", 3]),
        "tags (item 2) must be text, not '3'",
    ),
    (
        "long input is cut short",
        lambda: Settings(follow_up_days="x" * 60),
        f"follow-up days must be a whole number, not '{'x' * 39}…'",
    ),
]


@pytest.mark.parametrize(("build", "sentence"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_clear_sentence_per_problem(build: Callable[[], BaseModel], sentence: str) -> None:
    assert describe(error_of(build)) == sentence


def test_several_problems_are_listed_in_one_line_with_their_fields() -> None:
    error = error_of(lambda: Process(company="", role="", created_on=TODAY, status="gone"))
    assert problems(error) == [
        ("company", "company cannot be empty"),
        ("role", "role cannot be empty"),
        ("status", "status: 'gone' is not one of 'active', 'on_hold' or 'closed'"),
    ]
    assert describe(error) == (
        "company cannot be empty; role cannot be empty; "
        "status: 'gone' is not one of 'active', 'on_hold' or 'closed'"
    )
    assert "\n" not in describe(error)


@pytest.mark.parametrize(
    ("loc", "words"),
    [
        (("company",), "company"),
        (("process_id",), "loop"),
        (("interviewers", 0), "interviewers (item 1)"),
        ((), ""),
    ],
)
def test_field_names_in_words(loc: tuple[int | str, ...], words: str) -> None:
    assert field_name(loc) == words
