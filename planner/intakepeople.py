"""The people an invite or a mail brings into a loop: added, completed, or already known.

Only people on the company side (`intakematch.company_side`) become cards;
everyone else is named in a note, so the user sees why the candidate's own
address, or a scheduling tool's, did not turn into a contact.

Roles are a guess the user can edit later:
  - the organizer of an invite, or the sender of a mail: the recruiter when
    the loop has none yet, else a coordinator (someone else scheduling);
  - the other company people of an invite: interviewers, except the one
    other person of a hiring-manager round when the loop has no hiring
    manager card yet: that is the hiring manager.
A known card (same address) keeps its role; a card whose name was only an
address, or with no address, is completed from the invite (an Update of that
field alone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.changes.base import Insert, Update, Write, updated
from planner.intake import Person
from planner.intakematch import company_side
from planner.models import Contact, ContactRole, Loop, RoundKind

ROLE_WORDS = {role: role.value.replace("_", " ") for role in ContactRole}


@dataclass(frozen=True)
class Before:
    """One line of the before/after list: what it is about, as it was, as it will be."""

    what: str
    before: str
    after: str


@dataclass
class Cast:
    """The people of one item in one loop: the writes, the lines shown, who is who."""

    writes: list[Write] = field(default_factory=list)
    lines: list[Before] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cards: dict[str, Contact] = field(default_factory=dict)

    def card(self, person: Person) -> Contact | None:
        """The card (existing or about to be added) for this address."""
        return self.cards.get(person.email.casefold())


def cast(
    loop: Loop,
    lead: Person | None,
    others: tuple[Person, ...],
    round_kind: RoundKind | None,
) -> Cast:
    """Cards for the organizer or sender (`lead`) and the other people named."""
    result = Cast()
    named: dict[str, Person] = {}
    for p in (lead, *others):
        if p is not None and p.email:
            named.setdefault(p.email.casefold(), p)
    company = [p for p in named.values() if company_side(p, loop)]
    for p in named.values():
        if p not in company:
            result.notes.append(f"not added: {p.shown} (not at {loop.process.company})")
    has = {c.role for c in loop.contacts}
    rest = [p for p in company if p != lead]
    for person in company:
        existing = _existing(loop, person)
        if existing is not None:
            _complete(result, existing, person)
            continue
        role = _role(person, lead, rest, has, round_kind)
        has.add(role)
        card = Contact(
            process_id=loop.process.id,
            name=person.name or person.email,
            role=role,
            email=person.email,
        )
        result.writes.append(Insert(card))
        result.lines.append(Before("person", "", f"{_shown(card)} ({ROLE_WORDS[role]})"))
        result.cards[person.email.casefold()] = card
    return result


def _existing(loop: Loop, person: Person) -> Contact | None:
    email = person.email.casefold()
    by_email = next((c for c in loop.contacts if c.email.casefold() == email), None)
    if by_email is not None or not person.name:
        return by_email
    name = person.name.casefold()
    return next(
        (c for c in loop.contacts if not c.email and c.name.casefold() == name),
        None,
    )


def _complete(result: Cast, card: Contact, person: Person) -> None:
    """Fill in a name that was only an address, or an address that was missing."""
    values: dict[str, str] = {}
    if person.name and card.name.casefold() in ("", card.email.casefold()):
        values["name"] = person.name
    if not card.email:
        values["email"] = person.email
    new, changed = updated(card, **values) if values else (card, frozenset())
    if changed:
        result.writes.append(Update(new, changed))
        result.lines.append(Before("person", _shown(card), _shown(new)))
    result.cards[person.email.casefold()] = new


def _role(
    person: Person,
    lead: Person | None,
    rest: list[Person],
    has: set[ContactRole],
    kind: RoundKind | None,
) -> ContactRole:
    if person == lead:
        return ContactRole.COORDINATOR if ContactRole.RECRUITER in has else ContactRole.RECRUITER
    if kind == RoundKind.HM and len(rest) == 1 and ContactRole.HIRING_MANAGER not in has:
        return ContactRole.HIRING_MANAGER
    return ContactRole.INTERVIEWER


def _shown(card: Contact) -> str:
    return f"{card.name} <{card.email}>" if card.email and card.email != card.name else card.name
