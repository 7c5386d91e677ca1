"""A banner that says why the data file cannot be changed, while it cannot."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from planner.text import visible


class ReadOnlyBanner(Static):
    """Hidden while the file is writable; shows the storage's reason otherwise."""

    reason: reactive[str | None] = reactive(None)

    def watch_reason(self, reason: str | None) -> None:
        self.display = reason is not None
        if reason is not None:
            sentence = reason.rstrip(".")
            shown = visible(f"Read-only: {sentence}. Editing keys explain instead of writing.")
            self.update(Text(shown))
