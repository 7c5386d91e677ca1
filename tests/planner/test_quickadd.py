"""The quick-add grammar: examples, every alias, every error, and any input at all."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.models import ContactRole, RoundKind, RoundStatus
from planner.quickadd import (
    ROUND_ALIASES,
    ContactDraft,
    QuickAddError,
    RoundDraft,
    parse_loop,
    parse_round,
)

MONDAY = dt.date(2026, 3, 16)
FRIDAY = dt.date(2026, 3, 20)
LOOP_KEYS = "rec, hm, next, on, at, applied, via, resume, level, loc, with, due"
KINDS = "applied, screen, hm, tech, takehome, onsite, offer, negotiation, other"


def test_a_full_line() -> None:
    draft = parse_loop(
        "Acme / ML Engineer rec:\"Jane Doe <jane@acme.com>\" hm:'Bob Li <bob@acme.com>' "
        'next:tech on:fri at:2pm with:"Priya Rao" with:Sam via:referral resume:v3 '
        'level:L5 loc:"New York" #ai #remote',
        MONDAY,
    )
    assert (draft.company, draft.role, draft.level, draft.location) == (
        "Acme",
        "ML Engineer",
        "L5",
        "New York",
    )
    assert (draft.source, draft.resume, draft.tags) == ("referral", "v3", ("ai", "remote"))
    assert draft.recruiter == ContactDraft("Jane Doe", "jane@acme.com")
    assert draft.hiring_manager == ContactDraft("Bob Li", "bob@acme.com")
    assert draft.applied_on == MONDAY
    assert draft.next_round == RoundDraft(
        kind=RoundKind.TECH, date=FRIDAY, time=dt.time(14), interviewers=("Priya Rao", "Sam")
    )


def test_build_makes_linked_records() -> None:
    line = 'Acme / ML Engineer rec:"Jane <jane@acme.com>" hm:Bob next:onsite on:fri #ai'
    process, rounds, contacts = parse_loop(line, MONDAY).build(MONDAY)
    assert (process.title, process.tags, process.created_on) == (
        "Acme / ML Engineer",
        ["ai"],
        MONDAY,
    )
    applied, onsite = rounds
    assert (applied.kind, applied.status, applied.date) == (
        RoundKind.APPLIED,
        RoundStatus.DONE,
        MONDAY,
    )
    assert (onsite.kind, onsite.status, onsite.date) == (
        RoundKind.ONSITE,
        RoundStatus.SCHEDULED,
        FRIDAY,
    )
    assert [(c.name, c.email, c.role) for c in contacts] == [
        ("Jane", "jane@acme.com", ContactRole.RECRUITER),
        ("Bob", "", ContactRole.HIRING_MANAGER),
    ]
    assert {r.process_id for r in rounds} | {c.process_id for c in contacts} == {process.id}


def test_the_bare_minimum() -> None:
    process, rounds, contacts = parse_loop("Acme / ML Engineer", MONDAY).build(MONDAY)
    assert (process.company, process.role, contacts) == ("Acme", "ML Engineer", [])
    assert [(r.kind, r.date) for r in rounds] == [(RoundKind.APPLIED, MONDAY)]


def test_applied_dates_the_application_beside_a_dated_next_round() -> None:
    draft = parse_loop("Acme / ML Engineer applied:2026-03-02 next:tech on:fri", MONDAY)
    assert draft.applied_on == dt.date(2026, 3, 2)
    assert draft.next_round is not None and draft.next_round.date == dt.date(2026, 3, 20)
    _, rounds, _ = draft.build(MONDAY)
    assert [(r.kind, r.date) for r in rounds] == [
        (RoundKind.APPLIED, dt.date(2026, 3, 2)),
        (RoundKind.TECH, dt.date(2026, 3, 20)),
    ]


def test_applied_and_on_without_next_say_the_same_twice() -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_loop("Acme / ML Engineer applied:-1w on:-2w", MONDAY)
    assert caught.value.token == "on:-2w"
    assert "applied: already does" in str(caught.value)


def test_on_without_next_dates_the_application() -> None:
    draft = parse_loop("Acme / ML Engineer on:-3d", MONDAY)
    assert (draft.applied_on, draft.next_round) == (dt.date(2026, 3, 13), None)


def test_a_next_round_without_a_date_is_planned() -> None:
    _, rounds, _ = parse_loop("Acme / ML Engineer next:screen", MONDAY).build(MONDAY)
    assert (rounds[1].kind, rounds[1].status, rounds[1].date) == (
        RoundKind.SCREEN,
        RoundStatus.PLANNED,
        None,
    )


@pytest.mark.parametrize(
    ("line", "company", "role"),
    [
        ("O'Reilly Media / Editor", "O'Reilly Media", "Editor"),
        ('"Foo: Bar Labs" / Staff Engineer', "Foo: Bar Labs", "Staff Engineer"),
        ("Acme/ML Engineer", "Acme", "ML Engineer"),
        ("Acme / ML/AI Engineer", "Acme", "ML/AI Engineer"),
        ("A/B Labs / Engineer", "A/B Labs", "Engineer"),
        ("  Acme   /   Research   Scientist  ", "Acme", "Research Scientist"),
    ],
)
def test_titles(line: str, company: str, role: str) -> None:
    draft = parse_loop(line, MONDAY)
    assert (draft.company, draft.role) == (company, role)


@pytest.mark.parametrize(
    ("value", "contact"),
    [
        ('"Jane Doe <jane@acme.com>"', ContactDraft("Jane Doe", "jane@acme.com")),
        ("'Jane Doe'", ContactDraft("Jane Doe", "")),
        ("jane@acme.com", ContactDraft("jane@acme.com", "jane@acme.com")),
        ("<jane@acme.com>", ContactDraft("jane@acme.com", "jane@acme.com")),
        ('"Pat O\'Brien"', ContactDraft("Pat O'Brien", "")),
    ],
)
def test_contacts(value: str, contact: ContactDraft) -> None:
    assert parse_loop(f"Acme / ML Engineer rec:{value}", MONDAY).recruiter == contact


@pytest.mark.parametrize(("alias", "kind"), sorted(ROUND_ALIASES.items()))
def test_every_round_alias(alias: str, kind: RoundKind) -> None:
    assert parse_round(alias, MONDAY).kind == kind
    assert parse_round(alias.upper(), MONDAY).kind == kind
    next_round = parse_loop(f"Acme / ML Engineer next:{alias}", MONDAY).next_round
    assert next_round is not None and next_round.kind == kind


def test_the_aliases_cover_the_documented_words() -> None:
    assert set(ROUND_ALIASES) == {
        *(kind.value for kind in RoundKind),
        *("apply", "app", "rs", "recruiter", "phone", "hiring-manager", "manager"),
        *("technical", "coding", "sysdesign", "design", "take-home", "th", "homework"),
        *("panel", "final", "loop", "nego", "negotiate"),
    }


def test_a_round_line() -> None:
    draft = parse_round('tech on:fri at:14:00 with:"Priya Rao" with:Sam fmt:video', MONDAY)
    assert draft == RoundDraft(
        kind=RoundKind.TECH,
        date=FRIDAY,
        time=dt.time(14),
        interviewers=("Priya Rao", "Sam"),
        format="video",
    )
    built = draft.build("p1", MONDAY)
    assert (built.process_id, built.status, built.created_on) == (
        "p1",
        RoundStatus.SCHEDULED,
        MONDAY,
    )


def test_a_take_home_is_due_on_its_date_and_an_offer_has_a_deadline() -> None:
    assert parse_round("th due:+3d", MONDAY).date == dt.date(2026, 3, 19)
    offer = parse_round("offer due:fri", MONDAY)
    assert (offer.date, offer.deadline) == (None, FRIDAY)
    assert offer.build("p1", MONDAY).status == RoundStatus.PLANNED


LOOP_ERRORS = [
    ("", "", "empty: expected Company / Role, e.g. Acme / ML Engineer"),
    ("Acme ML", "Acme ML", "missing ' / ' between company and role (e.g. Acme / ML Engineer)"),
    ("/ ML", "/ ML", "the company is missing (e.g. Acme / ML Engineer)"),
    ("Acme /", "Acme /", "the role is missing (e.g. Acme / ML Engineer)"),
    ("#ai", "", "empty: expected Company / Role, e.g. Acme / ML Engineer"),
    ("Acme / X foo:1", "foo:1", f"unknown key 'foo:' — expected one of {LOOP_KEYS}"),
    ("Acme / X fmt:video", "fmt:video", f"unknown key 'fmt:' — expected one of {LOOP_KEYS}"),
    (
        "Acme / X loc:New York",
        "York",
        "'York' is not key:value or #tag (quote values with spaces, e.g. loc:\"New York\")",
    ),
    ("Acme / X next:blah", "next:blah", f"unknown round kind 'blah' — expected one of {KINDS}"),
    ("Acme / X next:", "next:", "'next:' needs a value"),
    ("Acme / X level:a level:b", "level:b", "'level:' is given twice"),
    (
        "Acme / X on:someday",
        "on:someday",
        "on: 'someday' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday, or +3d/-2w",
    ),
    (
        "Acme / X next:tech at:25:00",
        "at:25:00",
        "at: '25:00' is not a time: use HH:MM (24h) or 2pm/2:30pm",
    ),
    (
        "Acme / X at:14:00",
        "at:14:00",
        "at: belongs to the next round: add next:KIND (e.g. next:tech on:fri at:14:00)",
    ),
    (
        "Acme / X with:Sam",
        "with:Sam",
        "with: belongs to the next round: add next:KIND (e.g. next:tech on:fri at:14:00)",
    ),
    ('Acme / X rec:"Jane', '"Jane', 'missing closing " in "Jane'),
    ("Acme / X #", "#", "'#' is not understood: expected a tag name after #, e.g. #ml"),
    (
        'Acme / X rec:"Jane <jane>"',
        'rec:"Jane <jane>"',
        "rec: 'jane' is not an email address (expected name@example.com)",
    ),
    (
        "Acme / X hm:a@b@c",
        "hm:a@b@c",
        "hm: 'a@b@c' is not an email address (expected name@example.com)",
    ),
    (
        'Acme / X rec:"Jane <jane@acme.com"',
        'rec:"Jane <jane@acme.com"',
        'rec: expected "Name <email>"',
    ),
    ("Acme / X rec:<>", "rec:<>", 'rec: expected "Name <email>"'),
    ("Acme / " + "x" * 201, "Acme / " + "x" * 201, "role is too long (at most 200 characters)"),
]


@pytest.mark.parametrize(("line", "token", "message"), LOOP_ERRORS)
def test_loop_errors_name_the_token(line: str, token: str, message: str) -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_loop(line, MONDAY)
    assert (caught.value.token, str(caught.value)) == (token, message)
    assert caught.value.expected


ROUND_ERRORS = [
    ("", "", 'empty: expected tech on:fri at:14:00 with:"Priya Rao"'),
    ("blah", "blah", f"unknown round kind 'blah' — expected one of {KINDS}"),
    (
        "on:fri",
        "on:fri",
        "'on:fri': start with the round kind, e.g. tech on:fri at:14:00 with:\"Priya Rao\"",
    ),
    ("tech rec:Jane", "rec:Jane", "unknown key 'rec:' — expected one of on, at, with, fmt, due"),
    ("tech #ai", "#ai", "'#ai': tags belong to the loop"),
    (
        "tech friday",
        "friday",
        "'friday' is not key:value or #tag (quote values with spaces, e.g. loc:\"New York\")",
    ),
    (
        "tech due:never",
        "due:never",
        "due: 'never' is not a date: use YYYY-MM-DD, today, tomorrow, a weekday, or +3d/-2w",
    ),
    ("tech with:'", "'", "missing closing ' in '"),
    (
        "tech fmt:" + "v" * 5001,
        "tech fmt:" + "v" * 5001,
        "format is too long (at most 5000 characters)",
    ),
]


@pytest.mark.parametrize(("line", "token", "message"), ROUND_ERRORS)
def test_round_errors_name_the_token(line: str, token: str, message: str) -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_round(line, MONDAY)
    assert (caught.value.token, str(caught.value)) == (token, message)


FRAGMENTS = st.sampled_from(
    [
        *(" ", "/", " / ", "Acme", "ML", ":", '"', "'", "#", "<", ">", "@", "a@b.co"),
        *("rec:", "hm:", "next:", "on:", "at:", "with:", "due:", "fmt:", "loc:"),
        *("tech", "th", "fri", "+3d", "14:00", "2pm", "-", "\t", "\n", "é", "0", "9999"),
        "x" * 250,
    ]
)
LINES = st.one_of(st.text(), st.lists(FRAGMENTS, max_size=30).map("".join))


@given(LINES)
def test_any_loop_line_gives_a_draft_that_builds_or_a_quick_add_error(line: str) -> None:
    try:
        draft = parse_loop(line, MONDAY)
    except QuickAddError as error:
        assert str(error)
    else:
        draft.build(MONDAY)


@given(LINES)
def test_any_round_line_gives_a_draft_that_builds_or_a_quick_add_error(line: str) -> None:
    try:
        draft = parse_round(line, MONDAY)
    except QuickAddError as error:
        assert str(error)
    else:
        draft.build("p1", MONDAY)
