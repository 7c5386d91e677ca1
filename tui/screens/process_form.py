"""Edit a loop's own fields (`e`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.models import Process, ProcessStatus
from tui.screens.choices import options
from tui.screens.form import FormScreen


class ProcessForm(FormScreen[Process]):
    """Closing has its own form (`x`): it asks for a reason and who decided."""

    def __init__(self, process: Process) -> None:
        super().__init__(f"Edit {process.title}")
        self._process = process

    def fields(self) -> ComposeResult:
        p = self._process
        yield self.row("company", "Company", Input(p.company))
        yield self.row("role", "Role", Input(p.role))
        yield self.row("level", "Level", Input(p.level))
        yield self.row("location", "Location", Input(p.location))
        yield self.row("source", "Source (referral, outreach, applied…)", Input(p.source))
        yield self.row("resume", "Resume version sent", Input(p.resume))
        yield self.row("tags", "Tags (separated by spaces)", Input(" ".join(p.tags)))
        if p.status != ProcessStatus.CLOSED:
            states = options(ProcessStatus, skip=(ProcessStatus.CLOSED,))
            yield self.row(
                "status", "Status", Select(states, value=p.status.value, allow_blank=False)
            )
        yield self.row("notes", "Notes", Input(p.notes))

    def build(self) -> Process:
        p = self._process
        status = self.choice("status") if p.status != ProcessStatus.CLOSED else p.status
        return Process.model_validate(
            {
                **p.model_dump(),
                "company": self.text("company"),
                "role": self.text("role"),
                "level": self.text("level"),
                "location": self.text("location"),
                "source": self.text("source"),
                "resume": self.text("resume"),
                "tags": self.text("tags").split(),
                "status": status,
                "notes": self.text("notes"),
            }
        )
