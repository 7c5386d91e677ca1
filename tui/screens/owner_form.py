"""Set or clear the owner override of a loop's next step (`o`): `planner.changes.owner`."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.owner import set_owner
from planner.models import Loop, Owner
from tui.screens.choices import options
from tui.screens.form import FormScreen


class OwnerForm(FormScreen):
    """A blank owner hands the decision back to the rules."""

    def __init__(self, loop: Loop, today: dt.date) -> None:
        super().__init__(f"Who owns the next step of {loop.process.title}?")
        self._loop = loop
        self._today = today

    def fields(self) -> ComposeResult:
        process = self._loop.process
        current = process.owner_override
        owners = Select(
            options(Owner),
            prompt="follow the rules (no override)",
            value=current.value if current else Select.NULL,
        )
        yield self.row("owner_override", "Owner", owners)
        yield self.row("override_note", "Why (shown beside it)", Input(process.override_note))

    def build(self) -> Patch:
        owner = self.choice("owner_override")
        note = self.text("override_note")
        return set_owner(self._loop, self._today, Owner(owner) if owner else None, note)
