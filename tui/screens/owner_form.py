"""Set or clear the owner override of a loop's next step (`o`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.models import Owner, Process
from tui.screens.choices import options
from tui.screens.form import FormScreen


class OwnerForm(FormScreen[Process]):
    """A blank owner hands the decision back to the rules."""

    def __init__(self, process: Process) -> None:
        super().__init__(f"Who owns the next step of {process.title}?")
        self._process = process

    def fields(self) -> ComposeResult:
        current = self._process.owner_override
        owners = Select(
            options(Owner),
            prompt="follow the rules (no override)",
            value=current.value if current else Select.NULL,
        )
        yield self.row("owner_override", "Owner", owners)
        yield self.row("override_note", "Why (shown beside it)", Input(self._process.override_note))

    def build(self) -> Process:
        owner = self.choice("owner_override")
        return Process.model_validate(
            {
                **self._process.model_dump(),
                "owner_override": owner,
                "override_note": self.text("override_note") if owner else "",
            }
        )
