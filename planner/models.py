"""The domain records of one candidate's search, as checked dataclasses.

Each model is one record in the data file (one per entity), so two machines
that edit different things touch different records and merge cleanly. Fields
are plain values (dates, strings, lists of strings) so that they serialise to
JSON without custom encoders and diff well in git.

Validation messages are written for a person, not a programmer: they are shown
verbatim in the command line and beside form fields in the app.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Any

from planner.records import Checked, Cleaned, Limits
from planner.signals import OWNER_LABELS as OWNER_LABELS
from planner.signals import Owner as Owner


def new_id() -> str:
    """A random id: two clones inserting at once never collide (unlike counters)."""
    return uuid.uuid4().hex


class ContactRole(StrEnum):
    """The part a person plays in one loop."""

    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    COORDINATOR = "coordinator"
    REFERRER = "referrer"


class ProcessStatus(StrEnum):
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    CLOSED = "closed"


class CloseReason(StrEnum):
    REJECTED = "rejected"
    WITHDREW = "withdrew"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class DecidedBy(StrEnum):
    """Who made a call (a rejection, a close): read an outcome right.

    A hiring manager can drop a candidate from the screen notes even when the
    recruiter pushed; recording that keeps the user from blaming the wrong chat.
    """

    ME = "me"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    PANEL = "panel"
    UNKNOWN = "unknown"


class RoundKind(StrEnum):
    """The kinds of step a loop goes through, in their usual order."""

    APPLIED = "applied"
    SCREEN = "screen"
    HM = "hm"
    TECH = "tech"
    TAKEHOME = "takehome"
    ONSITE = "onsite"
    OFFER = "offer"
    NEGOTIATION = "negotiation"
    OTHER = "other"

    @property
    def label(self) -> str:
        return ROUND_KIND_LABELS[self]


ROUND_KIND_LABELS: dict[RoundKind, str] = {
    RoundKind.APPLIED: "Applied",
    RoundKind.SCREEN: "Recruiter screen",
    RoundKind.HM: "Hiring-manager interview",
    RoundKind.TECH: "Technical interview",
    RoundKind.TAKEHOME: "Take-home",
    RoundKind.ONSITE: "Onsite / panel",
    RoundKind.OFFER: "Offer",
    RoundKind.NEGOTIATION: "Negotiation",
    RoundKind.OTHER: "Other round",
}


_KIND_ORDER: dict[RoundKind, int] = {kind: rank for rank, kind in enumerate(RoundKind)}

# The sort keys' constants, read once: every rule sorts a loop's rounds (`Loop.timeline`),
# and an enum member or a `date.max` looked up on its class costs more than the rest of a key.
_APPLIED = RoundKind.APPLIED
_FIRST_DAY, _LAST_DAY, _MIDNIGHT = dt.date.min, dt.date.max, dt.time.min


class RoundStatus(StrEnum):
    """Where a round stands.

    PLANNED: agreed but no date yet (the recruiter has to schedule it).
    SCHEDULED: has a date (for a take-home: the due date).
    DONE: took place (for a take-home: delivered; for an offer: answered).
    CANCELLED: will not happen; kept for the record.
    """

    PLANNED = "planned"
    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


class Outcome(StrEnum):
    PENDING = "pending"
    PASSED = "passed"
    REJECTED = "rejected"


class EventKind(StrEnum):
    """A line in a loop's log.

    NOTE: something to remember. SENT: I reached out. RECEIVED: they reached
    me (the gap between the two is a reply time). PROMISE: a follow-up or
    thank-you I owe, with a due date, open until marked done.
    """

    NOTE = "note"
    SENT = "sent"
    RECEIVED = "received"
    PROMISE = "promise"


NonEmpty = Annotated[str, Limits(strip=True, min_length=1, max_length=200)]
Text = Annotated[str, Limits(strip=True, max_length=5000)]
Key = Annotated[str, Limits(min_length=1)]
"""An id, or a reference to one (`process_id`): never empty."""


@dataclasses.dataclass(kw_only=True, eq=False, repr=False)
class Record(Checked):
    """Common ground of every stored entity: a random id and strict fields.

    Never built itself: equality and repr are each record kind's own (see `Checked`).

    A record is validated when built from outside values and trusted when
    read back from the file this app wrote (`planner.records`): a command
    that reads its own file never imports pydantic.
    """

    id: Key = dataclasses.field(default_factory=new_id)


def _clean_tags(tags: list[str]) -> list[str]:
    cleaned = []
    for tag in tags:
        tag = tag.strip().lstrip("#")
        if not tag:
            raise ValueError("a tag cannot be empty")
        if any(c.isspace() for c in tag):
            raise ValueError(f"tag '{tag}' has a space; use one word or a dash")
        if tag not in cleaned:
            cleaned.append(tag)
    return cleaned


@dataclasses.dataclass(kw_only=True)
class Process(Record):
    """One interview loop: a company and a role."""

    company: NonEmpty
    role: NonEmpty
    level: Text = ""
    location: Text = ""
    source: Text = ""
    resume: Text = ""
    tags: Annotated[list[str], Cleaned(_clean_tags)] = dataclasses.field(default_factory=list)
    status: ProcessStatus = ProcessStatus.ACTIVE
    close_reason: CloseReason | None = None
    closed_by: DecidedBy | None = None
    closed_on: dt.date | None = None
    owner_override: Owner | None = None
    override_note: Text = ""
    created_on: dt.date
    notes: Text = ""
    # Where the posting or the application lives (a spreadsheet's link column).
    links: list[str] = dataclasses.field(default_factory=list)

    @property
    def title(self) -> str:
        """How the user names a loop: 'Company / Role'."""
        return f"{self.company} / {self.role}"


def _clean_names(names: list[str]) -> list[str]:
    cleaned = [n.strip() for n in names]
    if any(not n for n in cleaned):
        raise ValueError("an interviewer's name cannot be empty")
    return cleaned


@dataclasses.dataclass(kw_only=True)
class Round(Record):
    """One step of a loop's timeline: a screen, an interview, a take-home, an offer."""

    process_id: Key
    kind: RoundKind
    status: RoundStatus = RoundStatus.PLANNED
    date: dt.date | None = None
    time: dt.time | None = None
    format: Text = ""
    interviewers: Annotated[list[str], Cleaned(_clean_names)] = dataclasses.field(
        default_factory=list
    )
    outcome: Outcome = Outcome.PENDING
    outcome_on: dt.date | None = None
    decided_by: DecidedBy | None = None
    deadline: dt.date | None = None
    created_on: dt.date
    notes: Text = ""
    # The meeting link of a video round (from its calendar invite).
    link: Text = ""
    # The UID of the calendar invite this round came from: the same invite read
    # again updates this round instead of adding another.
    invite_uid: Text = ""

    @property
    def label(self) -> str:
        return self.kind.label

    def date_key(self) -> tuple[dt.date, dt.time, int, dt.date, str]:
        """Order of the timeline as shown: by date (undated rounds last), then time,
        then the kind's usual place in a loop (the application before a screen the
        same day), then creation. A late-dated application shows where its date is;
        one without a date (a tracker that never said) still opens the loop."""
        kind = self.kind
        undated = _FIRST_DAY if kind == _APPLIED else _LAST_DAY
        return (
            self.date or undated,
            self.time or _MIDNIGHT,
            _KIND_ORDER[kind],
            self.created_on,
            self.id,
        )

    def sort_key(self) -> tuple[bool, dt.date, dt.time, int, dt.date, str]:
        """Timeline order: the application first, then by date (undated rounds last),
        then time, then the kind's usual place in a loop, then creation.

        The application opens every loop even when its date says otherwise (a loop
        added today for a process that began last week, without `on:`): sorted by
        date, it would come after the interviews and pass for the latest round.
        The kind comes before the random id so that two untimed rounds on one day (an
        application and a screen the same morning) always sort the same way: otherwise
        the "latest round", and with it the owner of the next step, would depend on ids.
        """
        kind = self.kind
        return (
            kind != _APPLIED,
            self.date or _LAST_DAY,
            self.time or _MIDNIGHT,
            _KIND_ORDER[kind],
            self.created_on,
            self.id,
        )


def _check_email(email: str) -> str:
    if email and ("@" not in email or " " in email or email.startswith("@")):
        raise ValueError(f"'{email}' is not an email address (expected name@example.com)")
    return email


@dataclasses.dataclass(kw_only=True)
class Contact(Record):
    """A person in one loop: a card with how to reach them."""

    process_id: Key
    name: NonEmpty
    role: ContactRole
    email: Annotated[Text, Cleaned(_check_email)] = ""
    phone: Text = ""
    links: list[str] = dataclasses.field(default_factory=list)
    notes: Text = ""


def _expect_only_on_their_touch(expect: dt.date | None, record: dict[str, Any]) -> dt.date | None:
    # `kind` is declared first, so it is validated (or failed) by now.
    if expect is not None and record.get("kind") != EventKind.RECEIVED:
        raise ValueError("only a received touch can carry the date they promised")
    return expect


@dataclasses.dataclass(kw_only=True)
class Event(Record):
    """A dated line in a loop's log: a note, a touch either way, or a promise I made.

    `due` and `done` belong to my promises; `expect` to their touches: the day
    they said I would hear by ("you'll hear by Friday"), which sets the clock
    of the loop until it passes (`planner.touches`).
    """

    process_id: Key
    on: dt.date
    kind: EventKind = EventKind.NOTE
    text: NonEmpty
    contact_id: str | None = None
    due: dt.date | None = None
    done: bool = False
    # The other loop this touch was about: a SENT event carrying the id of a loop
    # with an offer deadline records "I told this recruiter about that deadline".
    about_process_id: str | None = None
    expect: Annotated[dt.date | None, Cleaned(_expect_only_on_their_touch, sees_record=True)] = None
    # The Message-ID of the mail this touch came from: the same mail read again adds nothing.
    message_id: Text = ""


def _check_rates(rates: dict[str, float]) -> dict[str, float]:
    for code, rate in rates.items():
        if len(code) != 3 or not code.isascii() or not code.isalpha() or not code.isupper():
            raise ValueError(f"'{code}' is not a currency code (three capitals, e.g. EUR)")
        if not 0 < rate < 1_000_000 or rate != rate:
            raise ValueError(f"the rate of {code} must be a number above 0, e.g. 1.08")
    return dict(sorted(rates.items()))


def _check_weekdays(days: list[int]) -> list[int]:
    if any(not 1 <= d <= 7 for d in days):
        raise ValueError("working days are weekday numbers from 1 (Monday) to 7 (Sunday)")
    return sorted(set(days))


def _days(low: int, high: int) -> Limits:
    return Limits(ge=low, le=high)


@dataclasses.dataclass(kw_only=True)
class Settings(Checked):
    """Thresholds of the signals: settings with defaults, never constants in rules."""

    follow_up_days: Annotated[int, _days(1, 365)] = 7
    cooling_days: Annotated[int, _days(1, 365)] = 14
    racing_days: Annotated[int, _days(0, 30)] = 2
    due_soon_days: Annotated[int, _days(0, 30)] = 2
    # ISO weekdays (1 = Monday) I am available for interviews on.
    working_days: Annotated[list[int], Limits(min_length=1), Cleaned(_check_weekdays)] = (
        dataclasses.field(default_factory=lambda: [1, 2, 3, 4, 5])
    )
    # The stages a new loop usually goes through, in order.
    default_stages: list[RoundKind] = dataclasses.field(
        default_factory=lambda: [RoundKind.SCREEN, RoundKind.HM, RoundKind.TECH, RoundKind.ONSITE]
    )
    # Days one stage takes, start to decision, while my own history is too thin to say.
    stage_days: Annotated[int, _days(1, 90)] = 7
    # The currency offers are compared in, and my rates into it: {"EUR": 1.08} says one
    # euro is worth 1.08 of it. Offers in a currency without a rate are never converted
    # by guess (`planner.offers.compare`).
    base_currency: Annotated[str, Limits(pattern=r"^[A-Z]{3}$")] = "USD"
    fx: Annotated[dict[str, float], Cleaned(_check_rates)] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(kw_only=True)
class Loop:
    """A process with everything that belongs to it: what the rules look at.

    Not a record: built from records already checked, so never checked itself.
    """

    process: Process
    rounds: list[Round] = dataclasses.field(default_factory=list)
    contacts: list[Contact] = dataclasses.field(default_factory=list)
    events: list[Event] = dataclasses.field(default_factory=list)
    """In the order they were entered (the repository keeps it): see `log`."""

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Loop:
        """A shallow copy with `update` set, as the records' own `model_copy`."""
        return dataclasses.replace(self, **(update or {}))

    def timeline(self) -> list[Round]:
        """Rounds in the order the rules read them: the application first, then by date."""
        return sorted(self.rounds, key=Round.sort_key)

    def timeline_by_date(self) -> list[Round]:
        """Rounds as `show`, the exports and the app list them: by date, undated last."""
        return sorted(self.rounds, key=Round.date_key)

    def people(self) -> list[Contact]:
        """The contacts in the order they are listed: by role (recruiter first), then name."""
        order = list(ContactRole)
        return sorted(self.contacts, key=lambda c: (order.index(c.role), c.name.casefold(), c.id))

    def log(self) -> list[Event]:
        """The log as it is listed: by date, oldest first, and on one day in the order
        the lines were entered (never by their random ids), so it reads the same
        on every machine and after every reload."""
        return sorted(self.events, key=lambda e: e.on)

    def contact(self, role: ContactRole) -> Contact | None:
        """The first contact with this role (a loop usually has one recruiter, one HM)."""
        return next((c for c in self.contacts if c.role == role), None)

    def contact_by_id(self, contact_id: str | None) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def last_touch(self, contact_id: str) -> dt.date | None:
        """The latest log entry with this contact (derived, never stored)."""
        dates = [e.on for e in self.events if e.contact_id == contact_id]
        return max(dates) if dates else None
