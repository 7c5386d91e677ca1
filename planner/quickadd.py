"""The quick-add line: one grammar for the command line and the app.

    Company / Role [applied:DATE] [key:value ...] [#tag ...]
    KIND [on:DATE] [at:HH:MM] [with:"Name"]... [fmt:FORMAT] [due:DATE]

The first form adds a loop (`loopdeck add`, the app's add box), the second a
round to an existing loop (`loopdeck stage`). Values with spaces are quoted
with "..." or '...'. The tokeniser is our own rather than `shlex`: an
apostrophe inside a word (O'Brien) is a letter, not an open quote, and every
input ends in a draft or a `QuickAddError` naming the token at fault.

Parsing builds the records once, so a draft that comes back always builds:
the user hears about a 300-character company name here, in the same words as
any other mistake, not later from the data layer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from planner.dates import DATE_FORMS, TIME_FORMS, DateError, parse_date, parse_time
from planner.models import (
    Contact,
    ContactRole,
    Loop,
    Process,
    Round,
    RoundKind,
    RoundStatus,
)
from planner.roundwords import ROUND_ALIASES
from planner.validation import describe

LOOP_KEYS = (
    "rec",
    "hm",
    "next",
    "on",
    "at",
    "applied",
    "via",
    "resume",
    "level",
    "loc",
    "with",
    "due",
)
"""`on:` dates the next round, or the application when there is no `next:`;
`applied:` always dates the application."""
ROUND_KEYS = ("on", "at", "with", "fmt", "due")
LOOP_EXAMPLE = "Acme / ML Engineer"
ROUND_EXAMPLE = 'tech on:fri at:14:00 with:"Priya Rao"'
KINDS = ", ".join(kind.value for kind in RoundKind)

_KEY = re.compile(r"([A-Za-z][A-Za-z_-]*):", re.ASCII)
_EMAIL = re.compile(r"[^@\s<>]+@[^@\s<>]+")
_NAME_EMAIL = re.compile(r"(.*?)\s*<([^<>]*)>")
_QUOTES = "\"'"


class QuickAddError(ValueError):
    """A quick-add line that does not parse: the token at fault and what would fit there."""

    def __init__(self, token: str, expected: str, message: str | None = None) -> None:
        self.token = token
        self.expected = expected
        super().__init__(message or f"'{token}' is not understood: expected {expected}")


@dataclass
class _Token:
    """One word of the line: `key` is set for `key:value`, `tag` for `#tag`."""

    raw: str
    text: str
    key: str | None = None
    tag: bool = False


@dataclass
class ContactDraft:
    """A person named on the line, as "Name <email>", "Name" or a bare email."""

    name: str
    email: str = ""

    def build(self, process_id: str, role: ContactRole) -> Contact:
        return Contact(process_id=process_id, name=self.name, role=role, email=self.email)


@dataclass
class RoundDraft:
    """A round as typed; `build` gives the record (scheduled when it has a date)."""

    kind: RoundKind
    date: dt.date | None = None
    time: dt.time | None = None
    interviewers: tuple[str, ...] = ()
    format: str = ""
    deadline: dt.date | None = None

    def place(self, loop: Loop, today: dt.date) -> Round:
        """The round this draft means in `loop`: with a date, the loop's planned,
        undated round of the same kind gets it (an import or a quick-add line
        often plans "a recruiter screen" before it has a date); else a new one.

        Tell the two apart by id: a new round's id is not in the loop.
        """
        if self.date is not None:
            for planned in loop.timeline():
                if (
                    planned.kind == self.kind
                    and planned.status == RoundStatus.PLANNED
                    and planned.date is None
                ):
                    return planned.model_copy(
                        update={
                            "status": RoundStatus.SCHEDULED,
                            "date": self.date,
                            "time": self.time,
                            "interviewers": list(self.interviewers) or planned.interviewers,
                            "format": self.format or planned.format,
                            "deadline": self.deadline or planned.deadline,
                        }
                    )
        return self.build(loop.process.id, today)

    def build(self, process_id: str, today: dt.date) -> Round:
        return Round(
            process_id=process_id,
            kind=self.kind,
            status=RoundStatus.PLANNED if self.date is None else RoundStatus.SCHEDULED,
            date=self.date,
            time=self.time,
            interviewers=list(self.interviewers),
            format=self.format,
            deadline=self.deadline,
            created_on=today,
        )


@dataclass
class LoopDraft:
    """A new loop as typed: the process, its application, maybe a next round and two cards."""

    company: str
    role: str
    applied_on: dt.date
    level: str = ""
    location: str = ""
    source: str = ""
    resume: str = ""
    tags: tuple[str, ...] = ()
    next_round: RoundDraft | None = None
    recruiter: ContactDraft | None = None
    hiring_manager: ContactDraft | None = None

    def build(self, today: dt.date) -> tuple[Process, list[Round], list[Contact]]:
        """The records to store: the application counts as a round that took place."""
        process = Process(
            company=self.company,
            role=self.role,
            level=self.level,
            location=self.location,
            source=self.source,
            resume=self.resume,
            tags=list(self.tags),
            created_on=today,
        )
        applied = Round(
            process_id=process.id,
            kind=RoundKind.APPLIED,
            status=RoundStatus.DONE,
            date=self.applied_on,
            created_on=today,
        )
        rounds = [applied]
        if self.next_round is not None:
            rounds.append(self.next_round.build(process.id, today))
        contacts = []
        if self.recruiter is not None:
            contacts.append(self.recruiter.build(process.id, ContactRole.RECRUITER))
        if self.hiring_manager is not None:
            contacts.append(self.hiring_manager.build(process.id, ContactRole.HIRING_MANAGER))
        return process, rounds, contacts


def parse_loop(line: str, today: dt.date) -> LoopDraft:
    """`Company / Role [key:value ...] [#tag ...]` -> a draft that is sure to build."""
    tokens = _tokenise(line)
    title = _leading_words(tokens)
    company, role = _split_title(" ".join(t.text for t in title))
    values, tags = _options(tokens[len(title) :], LOOP_KEYS, repeatable=("with",))
    kind = _kind(values["next"][0]) if "next" in values else None
    if kind is None:
        for key in ("at", "with", "due"):
            if key in values:
                raise QuickAddError(
                    values[key][0].raw,
                    "next:KIND first",
                    f"{key}: belongs to the next round: add next:KIND (e.g. next:tech on:fri "
                    f"at:14:00)",
                )
    applied_on = _date(values["applied"][0], today) if "applied" in values else today
    next_round = None
    if kind is None and "on" in values:
        if "applied" in values:
            raise QuickAddError(
                values["on"][0].raw,
                "next:KIND first",
                "on: without next: dates the application, which applied: already does",
            )
        applied_on = _date(values["on"][0], today)
    elif kind is not None:
        next_round = _round(kind, values, today)
    draft = LoopDraft(
        company=company,
        role=role,
        applied_on=applied_on,
        level=_text(values, "level"),
        location=_text(values, "loc"),
        source=_text(values, "via"),
        resume=_text(values, "resume"),
        tags=tuple(t.text for t in tags),
        next_round=next_round,
        recruiter=_contact(values["rec"][0]) if "rec" in values else None,
        hiring_manager=_contact(values["hm"][0]) if "hm" in values else None,
    )
    _check(line, lambda: draft.build(today))
    return draft


def parse_round(line: str, today: dt.date) -> RoundDraft:
    """`KIND [on:DATE] [at:HH:MM] [with:"Name"]... [fmt:FORMAT] [due:DATE]` -> a draft."""
    tokens = _tokenise(line)
    if not tokens:
        raise QuickAddError("", f"a round kind ({KINDS})", f"empty: expected {ROUND_EXAMPLE}")
    first = tokens[0]
    if first.key is not None or first.tag:
        raise QuickAddError(
            first.raw, KINDS, f"'{first.raw}': start with the round kind, e.g. {ROUND_EXAMPLE}"
        )
    values, tags = _options(tokens[1:], ROUND_KEYS, repeatable=("with",))
    if tags:
        raise QuickAddError(tags[0].raw, "no tags", f"'{tags[0].raw}': tags belong to the loop")
    draft = _round(_kind(first), values, today)
    _check(line, lambda: draft.build("draft", today))
    return draft


def _tokenise(line: str) -> list[_Token]:
    """Split on whitespace; a quote opens a quoted part at a word's start or after `key:`."""
    words: list[tuple[str, str, int | None]] = []
    raw, text, quote, literal_end = "", "", "", None
    start = 0
    for index, char in enumerate(line):
        if quote:
            raw += char
            if char == quote:
                quote = ""
            else:
                text += char
        elif char.isspace():
            if raw:
                words.append((raw, text, literal_end))
            raw, text, literal_end = "", "", None
        elif char in _QUOTES and (not raw or (raw.endswith(":") and literal_end is None)):
            quote, start = char, index
            literal_end = len(raw) if literal_end is None else literal_end
            raw += char
        else:
            raw += char
            text += char
    if quote:
        rest = line[start:]
        raise QuickAddError(rest, f"a closing {quote}", f"missing closing {quote} in {rest}")
    if raw:
        words.append((raw, text, literal_end))
    return [_token(*word) for word in words]


def _token(raw: str, text: str, literal_end: int | None) -> _Token:
    """Classify a word; only its unquoted start can make it a key or a tag."""
    literal = raw if literal_end is None else raw[:literal_end]
    match = _KEY.match(literal)
    if match is not None:
        return _Token(raw, text[match.end() :], key=match[1].lower())
    if literal.startswith("#"):
        tag = text.lstrip("#")
        if not tag:
            raise QuickAddError(raw, "a tag name after #, e.g. #ml")
        return _Token(raw, tag, tag=True)
    return _Token(raw, text)


def _leading_words(tokens: list[_Token]) -> list[_Token]:
    """The words before the first key or tag: the loop's title."""
    title = []
    for token in tokens:
        if token.key is not None or token.tag:
            break
        title.append(token)
    return title


def _split_title(title: str) -> tuple[str, str]:
    if not title.strip():
        raise QuickAddError(
            title, LOOP_EXAMPLE, f"empty: expected Company / Role, e.g. {LOOP_EXAMPLE}"
        )
    separator = " / " if " / " in title else "/"
    if separator not in title:
        raise QuickAddError(
            title,
            "' / '",
            f"missing ' / ' between company and role (e.g. {LOOP_EXAMPLE})",
        )
    company, role = (part.strip() for part in title.split(separator, 1))
    for name, part in (("company", company), ("role", role)):
        if not part:
            raise QuickAddError(title, f"a {name}", f"the {name} is missing (e.g. {LOOP_EXAMPLE})")
    return company, role


def _options(
    tokens: list[_Token], keys: tuple[str, ...], repeatable: tuple[str, ...]
) -> tuple[dict[str, list[_Token]], list[_Token]]:
    """`key:value` words by key, and the `#tags`; anything else is an error."""
    values: dict[str, list[_Token]] = {}
    tags: list[_Token] = []
    for token in tokens:
        if token.tag:
            tags.append(token)
            continue
        if token.key is None:
            raise QuickAddError(
                token.raw,
                "key:value or #tag",
                f"'{token.raw}' is not key:value or #tag (quote values with spaces, "
                f'e.g. loc:"New York")',
            )
        if token.key not in keys:
            raise QuickAddError(
                token.raw,
                ", ".join(keys),
                f"unknown key '{token.key}:' — expected one of {', '.join(keys)}",
            )
        if token.key in values and token.key not in repeatable:
            raise QuickAddError(token.raw, f"one {token.key}:", f"'{token.key}:' is given twice")
        if not token.text.strip():
            raise QuickAddError(token.raw, "a value", f"'{token.key}:' needs a value")
        values.setdefault(token.key, []).append(token)
    return values, tags


def _kind(token: _Token) -> RoundKind:
    kind = ROUND_ALIASES.get(token.text.strip().lower())
    if kind is None:
        raise QuickAddError(
            token.raw, KINDS, f"unknown round kind '{token.text}' — expected one of {KINDS}"
        )
    return kind


def _round(kind: RoundKind, values: dict[str, list[_Token]], today: dt.date) -> RoundDraft:
    """A take-home's date is when it is due; any other round's `due:` is a deadline."""
    on = _date(values["on"][0], today) if "on" in values else None
    due = _date(values["due"][0], today) if "due" in values else None
    if kind == RoundKind.TAKEHOME and due is not None:
        on, due = due, None
    return RoundDraft(
        kind=kind,
        date=on,
        time=_time(values["at"][0]) if "at" in values else None,
        interviewers=tuple(t.text.strip() for t in values.get("with", [])),
        format=_text(values, "fmt"),
        deadline=due,
    )


def _date(token: _Token, today: dt.date) -> dt.date:
    try:
        return parse_date(token.text, today)
    except DateError as error:
        raise QuickAddError(token.raw, DATE_FORMS, f"{token.key}: {error}") from None


def _time(token: _Token) -> dt.time:
    try:
        return parse_time(token.text)
    except DateError as error:
        raise QuickAddError(token.raw, TIME_FORMS, f"{token.key}: {error}") from None


def _text(values: dict[str, list[_Token]], key: str) -> str:
    return values[key][0].text.strip() if key in values else ""


def split_person(value: str) -> tuple[str, str]:
    """(name, email) from `Name <email>`, a bare email, or a plain name (email "").

    For text that is not a quick-add line, such as a spreadsheet cell.
    """
    value = value.strip()
    match = _NAME_EMAIL.fullmatch(value)
    if match is not None:
        return match[1].strip(), match[2].strip()
    if "@" in value and not any(c.isspace() for c in value):
        return value, value
    return value, ""


def _contact(token: _Token) -> ContactDraft:
    """A card draft from `Name <email>`, `Name` or a bare email; a bad email is named."""
    value = token.text.strip()
    match = _NAME_EMAIL.fullmatch(value)
    if match is not None:
        name, email = match[1].strip(), match[2].strip()
    elif "<" in value or ">" in value:
        raise QuickAddError(token.raw, '"Name <email>"', f'{token.key}: expected "Name <email>"')
    elif "@" in value and not any(c.isspace() for c in value):
        name, email = value, value
    else:
        name, email = value, ""
    if not (name or email):
        raise QuickAddError(token.raw, '"Name <email>"', f'{token.key}: expected "Name <email>"')
    if email and not _EMAIL.fullmatch(email):
        raise QuickAddError(
            token.raw,
            "name@example.com",
            f"{token.key}: '{email}' is not an email address (expected name@example.com)",
        )
    return ContactDraft(name=name or email, email=email)


def _check(line: str, build: Callable[[], object]) -> None:
    """Build the records once so that the model's own limits are reported as parse errors."""
    from pydantic_core import ValidationError  # imported by what validates, not by every read

    try:
        build()
    except ValidationError as error:
        raise QuickAddError(line, "values the records accept", describe(error)) from None
