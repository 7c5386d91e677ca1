"""What a recruiter sent, as plain values: a calendar invite or a mail.

The storage layer reads `.ics` and `.eml` files (and pasted text) into these;
the rules that turn them into changes (`planner.intakeplan`) never see a file
format. Times are aware datetimes as the sender wrote them; the plan converts
them to my time zone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from planner.models import RoundKind

# Words of an invite's title, tried in order: the first kind whose word appears wins.
_KIND_WORDS: tuple[tuple[str, RoundKind], ...] = (
    ("take-home", RoundKind.TAKEHOME),
    ("take home", RoundKind.TAKEHOME),
    ("assignment", RoundKind.TAKEHOME),
    ("onsite", RoundKind.ONSITE),
    ("on-site", RoundKind.ONSITE),
    ("panel", RoundKind.ONSITE),
    ("final round", RoundKind.ONSITE),
    ("superday", RoundKind.ONSITE),
    ("hiring manager", RoundKind.HM),
    ("hiring-manager", RoundKind.HM),
    ("system design", RoundKind.TECH),
    ("technical", RoundKind.TECH),
    ("coding", RoundKind.TECH),
    ("pair programming", RoundKind.TECH),
    ("tech ", RoundKind.TECH),
    ("phone screen", RoundKind.SCREEN),
    ("recruiter", RoundKind.SCREEN),
    ("intro call", RoundKind.SCREEN),
    ("introductory", RoundKind.SCREEN),
    ("screen", RoundKind.SCREEN),
    ("offer", RoundKind.OFFER),
)
_HM = re.compile(r"\bhm\b")

# Meeting services by the host of their links: the round's format.
MEETING_HOSTS: dict[str, str] = {
    "zoom.us": "Zoom",
    "meet.google.com": "Google Meet",
    "teams.microsoft.com": "Microsoft Teams",
    "teams.live.com": "Microsoft Teams",
    "webex.com": "Webex",
    "chime.aws": "Amazon Chime",
    "whereby.com": "Whereby",
    "bluejeans.com": "BlueJeans",
    "gotomeeting.com": "GoToMeeting",
}


@dataclass(frozen=True)
class Person:
    """Someone named in an invite or a mail: a display name (may be empty) and an address."""

    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].casefold()

    @property
    def shown(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True)
class Invite:
    """One calendar event: when, who, where to join, and whether it was called off.

    `start` is an aware datetime, or a date for an all-day event.
    """

    uid: str
    summary: str
    start: dt.datetime | dt.date
    organizer: Person | None = None
    attendees: tuple[Person, ...] = ()
    link: str = ""
    cancelled: bool = False
    description: str = ""


@dataclass(frozen=True)
class Mail:
    """One mail: who wrote to whom and when, and an invite if one came inside it.

    `sent_at` is None for pasted text without a Date header (it is dated today).
    """

    message_id: str
    sender: Person
    subject: str
    sent_at: dt.datetime | None
    to: tuple[Person, ...] = ()
    cc: tuple[Person, ...] = ()
    link: str = ""
    invite: Invite | None = field(default=None)

    @property
    def people(self) -> tuple[Person, ...]:
        return (self.sender, *self.to, *self.cc)


Item = Invite | Mail


def guess_kind(text: str) -> RoundKind | None:
    """The round an invite's title names ("Acme - Technical Interview"), or None."""
    words = " ".join(text.casefold().replace("_", " ").split()) + " "
    if _HM.search(words):
        return RoundKind.HM
    for word, kind in _KIND_WORDS:
        if word in words:
            return kind
    return None


def meeting_service(link: str) -> str:
    """ "Zoom", "Google Meet", ... for a meeting link; "" for any other link."""
    host = re.sub(r"^[a-z]+://", "", link.casefold()).split("/", 1)[0]
    for known, name in MEETING_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    return ""
