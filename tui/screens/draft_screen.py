"""A draft to send (`m` on a next step, `M` on a loop): the message in a text area, editable.

The words are `loopdeck draft`'s: `planner.drafts.write_draft` from the loop's
context, with my own template when I have one (`storage.drafttemplates`).
ctrl+t switches to the next kind, ctrl+o copies the text as it stands (the
terminal's clipboard, OSC 52, through Textual: it works over ssh), ctrl+s
marks it sent: the screen dismisses with `planner.changes.sent.log_sent`'s
patch, a SENT touch to that person that the app writes as one undo step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from planner.changes.base import Patch
from planner.changes.sent import log_sent
from planner.drafts import Draft, DraftError, write_draft
from planner.draftwords import DraftKind, TemplateError
from planner.models import Loop, Settings
from planner.pacing import Deadline
from planner.text import visible
from storage.errors import StorageError
from tui.visible_text import visible_text

CSS_FILE = Path(__file__).with_name("mail.tcss")
KINDS = list(DraftKind)

Templates = Callable[[DraftKind], "tuple[str, str] | None"]
"""My own template of a kind, as `storage.drafttemplates.read_template` gives it."""


class DraftScreen(ModalScreen[Patch | None]):
    """Dismisses with the patch that logs the draft as sent, or None when closed."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close; nothing is logged", id="draft-close"),
        Binding(
            "ctrl+t",
            "next_kind",
            "Kind",
            priority=True,
            tooltip="Switch to the next kind: nudge, thanks, deadline, withdraw, accept, decline",
            id="draft-kind",
        ),
        Binding(
            "ctrl+o",
            "copy",
            "Copy",
            priority=True,
            tooltip="Copy the text as it stands to the clipboard (OSC 52)",
            id="draft-copy",
        ),
        Binding(
            "ctrl+s",
            "mark_sent",
            "Mark sent",
            priority=True,
            tooltip="Log it as a sent touch to that person (one undo step)",
            id="draft-sent",
        ),
    ]

    def __init__(
        self,
        loop: Loop,
        today: dt.date,
        kind: DraftKind,
        *,
        settings: Settings | None = None,
        deadlines: Sequence[Deadline] = (),
        about: str | None = None,
        templates: Templates = lambda _kind: None,
    ) -> None:
        super().__init__()
        self._loop = loop
        self._today = today
        self._settings = settings
        self._deadlines = deadlines
        self._about = about
        """The loop whose deadline a deadline draft names (a pacing card's); None: the soonest."""
        self._templates = templates
        self.kind = kind
        self.draft: Draft | None = None
        """The draft of the kind shown; None when this loop has none of that kind."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="draft"):
            yield Label(
                visible_text(Text(f"Draft for {self._loop.process.title}")), classes="dialog-title"
            )
            yield Static(id="draft-kinds", classes="draft-kinds")
            yield TextArea(id="draft-text", soft_wrap=True, tab_behavior="focus")
            yield Static(id="draft-error")
            yield Label(
                "ctrl+t kind · ctrl+o copy · ctrl+s mark sent · Esc close",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self._write()
        self.query_one("#draft-text", TextArea).focus()

    def action_next_kind(self) -> None:
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
        self._write()

    def action_copy(self) -> None:
        text = self.query_one("#draft-text", TextArea).text
        if self.draft is None or not text.strip():
            self.notify("Nothing to copy: there is no draft of this kind.", severity="warning")
            return
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied the {self.kind.value} draft to the clipboard.", timeout=3)

    def action_mark_sent(self) -> None:
        if self.draft is None:
            self.notify("Nothing to log: there is no draft of this kind.", severity="warning")
            return
        self.dismiss(log_sent([self.draft], self._today))

    def action_close(self) -> None:
        self.dismiss(None)

    def _write(self) -> None:
        """The draft of the current kind into the text area, or why there is none."""
        kinds = Text()
        for kind in KINDS:
            kinds.append(f" {kind.value} ", style="reverse bold" if kind == self.kind else "")
        self.query_one("#draft-kinds", Static).update(kinds)
        area, error = (
            self.query_one("#draft-text", TextArea),
            self.query_one("#draft-error", Static),
        )
        try:
            own = self._templates(self.kind)
            self.draft = write_draft(
                self._loop,
                self.kind,
                self._today,
                settings=self._settings,
                deadlines=self._deadlines,
                about=self._about if self.kind == DraftKind.DEADLINE else None,
                template=own[0] if own else None,
                template_name=own[1] if own else "",
            )
        except (DraftError, TemplateError, StorageError) as problem:
            self.draft = None
            area.load_text("")
            error.display = True
            error.update(
                visible_text(Text(f"No {self.kind.value} draft: {problem}.", style="bold red"))
            )
            return
        area.load_text(visible(self.draft.text, keep="\n"))
        error.display = False
