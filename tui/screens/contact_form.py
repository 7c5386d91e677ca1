"""Add a person to a loop (`c`) or edit one (Enter on their card): `planner.changes.contacts`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.contacts import add_contact, edit_contact
from planner.models import Contact, ContactRole, Loop
from tui.screens.choices import options
from tui.screens.form import FormScreen


class ContactForm(FormScreen):
    """A new person when `contact` is None; name and role are required."""

    def __init__(self, loop: Loop, today: dt.date, contact: Contact | None = None) -> None:
        company = loop.process.company
        title = f"New contact for {company}" if contact is None else f"{contact.name} at {company}"
        super().__init__(title)
        self._loop = loop
        self._today = today
        self._contact = contact

    def fields(self) -> ComposeResult:
        c = self._contact
        yield self.row("name", "Name", Input(c.name if c else ""))
        role = c.role.value if c else ContactRole.RECRUITER.value
        yield self.row("role", "Role", Select(options(ContactRole), value=role, allow_blank=False))
        yield self.row("email", "Email", Input(c.email if c else ""))
        yield self.row("phone", "Phone", Input(c.phone if c else ""))
        links = " ".join(c.links) if c else ""
        yield self.row("links", "Links (separated by spaces)", Input(links))
        yield self.row("notes", "Notes", Input(c.notes if c else ""))

    def build(self) -> Patch:
        values: dict[str, Any] = {
            "name": self.text("name"),
            "role": ContactRole(self.choice("role")),
            "email": self.text("email"),
            "phone": self.text("phone"),
            "links": self.text("links").split(),
            "notes": self.text("notes"),
        }
        if self._contact is None:
            return add_contact(self._loop, self._today, values)
        return edit_contact(self._loop, self._today, self._contact.id, values)
