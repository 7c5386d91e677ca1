"""A mail (`.eml`, or pasted with its headers) as a `Mail`, with the standard library.

`email.policy.default` decodes encoded headers (`=?UTF-8?B?...?=`) into
text and gives the addresses of `From`, `To` and `Cc` as name and address.
The body is the plain-text part (else the HTML one), searched for a meeting
link. A calendar part (`text/calendar`, or an attached `.ics`) is the invite
the mail carries.
"""

from __future__ import annotations

import datetime as dt
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from planner.intake import Invite, Mail, Person
from storage.intake.errors import IntakeError
from storage.intake.ics import read_invite
from storage.intake.links import meeting_link

CALENDAR_TYPES = ("text/calendar", "application/ics")


def parse_mail(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def read_mail(data: bytes, name: str) -> Mail:
    message = parse_mail(data)
    senders = _people(message, "From")
    if not senders:
        raise IntakeError(f"{name} has no sender (a From: header with an address)")
    body = _body(message)
    return Mail(
        message_id=str(message.get("Message-ID", "")).strip().strip("<>"),
        sender=senders[0],
        subject=" ".join(str(message.get("Subject", "")).split()),
        sent_at=_date(message, name),
        to=tuple(_people(message, "To")),
        cc=tuple(_people(message, "Cc")),
        link=meeting_link(body),
        invite=_invite(message, name),
    )


def _people(message: EmailMessage, header: str) -> list[Person]:
    value: Any = message.get(header)
    addresses = getattr(value, "addresses", ()) if value is not None else ()
    return [
        Person(name=str(a.display_name).strip(), email=a.addr_spec)
        for a in addresses
        if isinstance(a, Address) and "@" in a.addr_spec
    ]


def _date(message: EmailMessage, name: str) -> dt.datetime | None:
    value: Any = message.get("Date")
    if value is None:
        return None
    moment = getattr(value, "datetime", None)
    if not isinstance(moment, dt.datetime):
        raise IntakeError(f"{name}: the Date header '{value}' cannot be read")
    return moment


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        return ""
    return content if isinstance(content, str) else ""


def _invite(message: EmailMessage, name: str) -> Invite | None:
    for part in message.walk():
        filename = part.get_filename() or ""
        if part.get_content_type() in CALENDAR_TYPES or filename.casefold().endswith(".ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return read_invite(payload, f"the invite in {name}")
    return None
