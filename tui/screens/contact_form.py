"""Add or edit a contact card (`c`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.models import Contact, ContactRole
from tui.screens.choices import options
from tui.screens.form import FormScreen


class ContactForm(FormScreen[Contact]):
    """Name and role are required; the email is checked by the model."""

    def __init__(self, process_id: str, title: str, contact: Contact | None = None) -> None:
        super().__init__(title)
        self._process_id = process_id
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

    def build(self) -> Contact:
        fields = {
            "process_id": self._process_id,
            "name": self.text("name"),
            "role": self.choice("role"),
            "email": self.text("email"),
            "phone": self.text("phone"),
            "links": self.text("links").split(),
            "notes": self.text("notes"),
        }
        if self._contact is not None:
            fields["id"] = self._contact.id
        return Contact.model_validate(fields)
