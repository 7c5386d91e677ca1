"""pydantic's validation errors, reworded for the person who typed the value.

pydantic says "String should have at least 1 character" about `('company',)`;
the user should read "company cannot be empty". The command line prints
`describe(error)` as its one line on stderr; a form puts each of `problems(error)`
beside its field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails, ValidationError

_FIELD_WORDS = {
    "process_id": "loop",
    "contact_id": "contact",
    "created_on": "created date",
    "closed_on": "closed date",
    "outcome_on": "outcome date",
    "on": "date",
    "due": "due date",
    "expect": "expected date",
    "follow_up_days": "follow-up days",
    "fx": "exchange rate",
}


def describe(error: ValidationError) -> str:
    """Every problem as one short sentence, joined into one line."""
    return "; ".join(sentence for _, sentence in problems(error))


def problems(error: ValidationError) -> list[tuple[str, str]]:
    """(field, sentence) per problem, in pydantic's order; field is "" for the whole record."""
    return [(field_name(detail["loc"]), _sentence(detail)) for detail in error.errors()]


def field_name(loc: tuple[int | str, ...]) -> str:
    """A field's location in words: ('interviewers', 1) -> "interviewers (item 2)"."""
    words = []
    for part in loc:
        if isinstance(part, int):
            words.append(f"(item {part + 1})")
        else:
            words.append(_FIELD_WORDS.get(part, part.replace("_", " ")))
    return " ".join(words)


def _sentence(detail: ErrorDetails) -> str:
    field = field_name(detail["loc"]) or "the record"
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    given = _shown(detail["input"])
    if kind == "value_error":
        return f"{field}: {ctx.get('error', detail['msg'])}"
    if kind == "string_too_short":
        return f"{field} cannot be empty"
    if kind == "string_too_long":
        return f"{field} is too long (at most {ctx['max_length']} characters)"
    if kind == "too_short":
        return f"{field} needs at least {ctx['min_length']} item(s)"
    if kind == "missing":
        return f"{field} is required"
    if kind == "extra_forbidden":
        return f"{field} is not a known field"
    if kind.startswith("date"):
        return f"{field}: {given} is not a date (use YYYY-MM-DD)"
    if kind.startswith("time"):
        return f"{field}: {given} is not a time (use HH:MM)"
    if kind == "enum":
        return f"{field}: {given} is not one of {ctx['expected']}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{field} must be a whole number, not {given}"
    if kind == "greater_than_equal":
        return f"{field} must be at least {ctx['ge']}"
    if kind == "less_than_equal":
        return f"{field} must be at most {ctx['le']}"
    if kind in ("bool_parsing", "bool_type"):
        return f"{field} must be true or false, not {given}"
    if kind == "string_type":
        return f"{field} must be text, not {given}"
    if kind == "list_type":
        return f"{field} must be a list, not {given}"
    message = detail["msg"]
    return f"{field}: {message[:1].lower()}{message[1:]}"


def _shown(value: object) -> str:
    """The offending input, quoted and cut short so one sentence stays one line."""
    text = " ".join(str(value).split())
    if len(text) > 40:
        text = text[:39] + "…"
    return f"'{text}'"
