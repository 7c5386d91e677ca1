"""Which loop an invite or a mail belongs to, and who in it works at the company.

The loop, in this order:
  1. the one the user named (`--loop`): they know best;
  2. the loop that already holds this invite (a round with its UID) or this
     mail (a touch with its Message-ID): reading it again updates it there;
  3. the loop with a card for one of the people in it (open loops before
     closed ones);
  4. the open loop whose company the sender's or organizer's mail domain
     names (`ann@kestrelgrid.io` is Kestrel Grid);
and otherwise a refusal that asks for `--loop`. Several loops matching at one
step is a refusal too, naming them: guessing would put a recruiter's invite
in the wrong loop.

Company side: a person with a card in the loop, or whose domain is one of
its cards' domains, or names its company. Free mail domains (gmail.com, ...)
never name a company: the candidate's own address is usually one of them,
and is never added as a contact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.changes.base import Refused
from planner.intake import Invite, Item, Mail, Person
from planner.models import Loop, ProcessStatus

FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "aol.com",
        "gmx.com",
        "gmx.de",
        "fastmail.com",
        "hey.com",
    }
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})


@dataclass(frozen=True)
class Match:
    """The loop an item goes to, and why (shown to the user before anything is written)."""

    loop: Loop
    reason: str


def people_of(item: Item) -> tuple[Person, ...]:
    """Everyone an invite or a mail names, organizer or sender first, once each."""
    found: list[Person] = []
    if isinstance(item, Mail):
        found += item.people
        if item.invite is not None:
            found += _invite_people(item.invite)
    else:
        found += _invite_people(item)
    seen: set[str] = set()
    unique = []
    for person in found:
        key = person.email.casefold()
        if key and key not in seen:
            seen.add(key)
            unique.append(person)
    return tuple(unique)


class LoopUnknown(Refused):
    """No loop, or more than one, can be told from the item: the user must choose.

    `why` is the finding alone; the sentence adds the command line's way to
    choose (`--loop`), and the app's intake box offers its list of loops instead.
    """

    def __init__(self, why: str) -> None:
        super().__init__(f"{why}; say which with --loop PROCESS", "loop")
        self.why = why


def match_loop(item: Item, loops: Sequence[Loop], chosen: Loop | None = None) -> Match:
    """The loop `item` belongs to (see the module doc), or `LoopUnknown`."""
    if chosen is not None:
        return Match(chosen, "the loop you named")
    known = _already_there(item, loops)
    if known is not None:
        return known
    people = people_of(item)
    closed = [lp for lp in loops if lp.process.status == ProcessStatus.CLOSED]
    for group in (_open(loops), closed):
        by_card = _by_card(people, group)
        if by_card:
            return _one(by_card, "a contact of this loop")
    by_domain = _by_domain(people, _open(loops))
    if by_domain:
        return _one(by_domain, "its company's mail domain")
    addresses = ", ".join(p.email for p in people) or "nobody"
    raise LoopUnknown(
        f"cannot tell which loop this is for ({addresses}: no contact of any loop, no company "
        "domain)"
    )


def company_side(person: Person, loop: Loop) -> bool:
    """Does this person work at the loop's company, as far as the addresses say?"""
    email = person.email.casefold()
    if any(c.email.casefold() == email for c in loop.contacts if c.email):
        return True
    domain = person.domain
    if not domain or domain in FREE_MAIL:
        return False
    if domain in {_domain(c.email) for c in loop.contacts if c.email}:
        return True
    return names_company(domain, loop.process.company)


def names_company(domain: str, company: str) -> bool:
    """`kestrelgrid.io` names "Kestrel Grid", `tidewater.com` names "Tidewater Compute"."""
    label = _label(domain)
    key = re.sub(r"[^0-9a-z]+", "", company.casefold())
    if len(label) < 3 or not key:
        return False
    return label == key or key.startswith(label) or (len(key) >= 3 and label.startswith(key))


def _invite_people(invite: Invite) -> list[Person]:
    return ([invite.organizer] if invite.organizer else []) + list(invite.attendees)


def _already_there(item: Item, loops: Sequence[Loop]) -> Match | None:
    invite = item if isinstance(item, Invite) else item.invite
    if invite is not None and invite.uid:
        for loop in loops:
            if any(r.invite_uid == invite.uid for r in loop.rounds):
                return Match(loop, "it already holds this invite")
    if isinstance(item, Mail) and item.message_id:
        for loop in loops:
            if any(e.message_id == item.message_id for e in loop.events):
                return Match(loop, "it already holds this mail")
    return None


def _open(loops: Iterable[Loop]) -> list[Loop]:
    return [loop for loop in loops if loop.process.status != ProcessStatus.CLOSED]


def _by_card(people: Sequence[Person], loops: Sequence[Loop]) -> list[tuple[Loop, str]]:
    found = []
    for loop in loops:
        emails = {c.email.casefold() for c in loop.contacts if c.email}
        hit = next((p for p in people if p.email.casefold() in emails), None)
        if hit is not None:
            found.append((loop, hit.email))
    return found


def _by_domain(people: Sequence[Person], loops: Sequence[Loop]) -> list[tuple[Loop, str]]:
    found = []
    for loop in loops:
        hit = next(
            (
                p
                for p in people
                if p.domain not in FREE_MAIL and names_company(p.domain, loop.process.company)
            ),
            None,
        )
        if hit is not None:
            found.append((loop, hit.domain))
    return found


def _one(found: list[tuple[Loop, str]], why: str) -> Match:
    if len(found) == 1:
        loop, clue = found[0]
        return Match(loop, f"{clue}, {why}")
    titles = ", ".join(sorted(loop.process.title for loop, _ in found))
    raise LoopUnknown(f"this could be for {titles}")


def _domain(email: str) -> str:
    return email.rpartition("@")[2].casefold()


def _label(domain: str) -> str:
    """The name part of a domain: `mail.acme-robotics.co.uk` -> "acmerobotics"."""
    labels = [part for part in domain.casefold().split(".") if part]
    if len(labels) >= 2:
        labels = labels[:-1]
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return re.sub(r"[^0-9a-z]+", "", labels[-1]) if labels else ""
