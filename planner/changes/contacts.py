"""Add, edit and delete the people of a loop (`contact`, `forget p1`, the app's `c`).

One rule the front doors share: deleting the last recruiter (or hiring
manager) whom the loop's next step nudges is refused unless forced, because
the step would then nudge a role ("the recruiter") instead of a person; a
card left without a name to nudge is easy to miss, so it takes a deliberate
second word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from planner.changes.base import Insert, Patch, Refused, Remove, Update, build, pick, updated
from planner.models import Contact, ContactRole, Loop, Settings
from planner.ownership import next_step

CONTACT_FIELDS = ("name", "role", "email", "phone", "links", "notes")
"""What an edit of a person may change."""
FALLBACK = {
    ContactRole.RECRUITER: "the recruiter",
    ContactRole.HIRING_MANAGER: "the hiring manager",
}


def add_contact(loop: Loop, today: dt.date, values: Mapping[str, Any]) -> Patch:
    """A new person: `name` and `role` required, any other `CONTACT_FIELDS`."""
    _known(values)
    title = loop.process.title
    name = str(values.get("name", "")).strip()
    _unique(loop, name, None)
    contact = build(Contact, process_id=loop.process.id, **dict(values))
    role = contact.role.value.replace("_", " ")
    return Patch(
        f"add {contact.name} to {title}",
        (Insert(contact),),
        f"Added {contact.name} ({role}) to {title}",
        focus=contact.id,
    )


def edit_contact(loop: Loop, today: dt.date, contact_id: str, values: Mapping[str, Any]) -> Patch:
    """Change a person's card: any of `CONTACT_FIELDS` (a new `name` renames them)."""
    _known(values)
    contact = pick(loop.contacts, contact_id, "person")
    title = loop.process.title
    if "name" in values:
        _unique(loop, str(values["name"]).strip(), contact.id)
    new, changed = updated(contact, **dict(values))
    writes = (Update(new, changed),) if changed else ()
    summary = f"Updated {new.name} at {title}" if writes else f"{contact.name}: nothing changed"
    return Patch(f"edit {contact.name} at {title}", writes, summary, focus=contact.id)


def delete_contact(
    loop: Loop,
    today: dt.date,
    contact_id: str,
    force: bool = False,
    settings: Settings | None = None,
) -> Patch:
    """Remove a person (undo brings them back); see the module doc for when it needs `force`."""
    contact = pick(loop.contacts, contact_id, "person")
    title = loop.process.title
    fallback = FALLBACK.get(contact.role)
    same_role = [c for c in loop.contacts if c.role == contact.role]
    if not force and fallback is not None and len(same_role) == 1:
        step = next_step(loop, today, settings)
        if step is not None and step.nudge is not None and step.nudge.contact_id == contact.id:
            role = contact.role.value.replace("_", " ")
            raise Refused(
                f"{contact.name} is the only {role} of {title} and its next step nudges them; "
                f"add another {role} first, or force it: the step will then nudge {fallback}",
                "force",
            )
    notes: tuple[str, ...] = ()
    if fallback is not None and len(same_role) == 1:
        notes = (f"{title} has no {contact.role.value.replace('_', ' ')} card now",)
    return Patch(
        f"delete {contact.name} from {title}",
        (Remove(contact),),
        f"Deleted {contact.name} from {title}",
        notes=notes,
    )


def find_contact(loop: Loop, name: str) -> Contact | None:
    """The loop's person with this name (case-insensitive, whole name), if any."""
    wanted = " ".join(name.split()).casefold()
    return next((c for c in loop.contacts if " ".join(c.name.split()).casefold() == wanted), None)


def _unique(loop: Loop, name: str, own_id: str | None) -> None:
    other = find_contact(loop, name) if name else None
    if other is not None and other.id != own_id:
        raise Refused(f"{loop.process.title} already has {other.name}", "name")


def _known(values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"not a contact field: {', '.join(sorted(unknown))}")
