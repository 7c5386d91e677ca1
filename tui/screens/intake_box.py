"""The intake box (`i`): paste an invite or a mail (or the path of an .ics or .eml file).

The same reading and the same change as `loopdeck intake`: `storage.intake`
reads the text (`read_entry`), `planner.intakeplan.propose` turns it into a
before/after list and its `Patch`. The list is shown while the text changes;
nothing is written until ctrl+s (or Enter outside the text area), which
dismisses with the patch for the app to write as one undo step. When no loop
can be told from the text, a list of loops appears, starting on the selected
one: the command line's `--loop`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Select, Static, TextArea

from planner.changes.base import Patch, Refused
from planner.clock import local_zone
from planner.intakematch import LoopUnknown
from planner.intakeplan import Proposal, propose
from planner.models import Loop
from storage.errors import StorageError
from storage.intake.reading import read_entry
from tui.visible_text import visible_text

CSS_FILE = Path(__file__).with_name("mail.tcss")
EMPTY = "Paste an invite (BEGIN:VCALENDAR …) or a mail with its headers, or type a file's path."


class IntakeBox(ModalScreen[Patch | None]):
    """Dismisses with the patch to write, or None when cancelled; nothing is written here."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without writing", id="intake-cancel"),
        Binding(
            "ctrl+s",
            "apply",
            "Apply",
            priority=True,
            tooltip="Write the change as one undo step",
            id="intake-apply",
        ),
        Binding(
            "enter", "apply", "Apply", show=False, tooltip="Write the change", id="intake-enter"
        ),
    ]

    def __init__(self, loops: list[Loop], today: dt.date, selected: str | None = None) -> None:
        super().__init__()
        self._loops = loops
        self._today = today
        self._selected = selected
        """The loop under the main screen's cursor: the first choice when none can be told."""
        self.proposal: Proposal | None = None
        """What the text would change, once it reads; None while it does not."""
        self._unmatched = ""
        """Why no loop could be told from the text, once the list of loops is shown for it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="intake"):
            yield Label("Invite or mail in", classes="dialog-title")
            yield TextArea(id="paste", soft_wrap=True, tab_behavior="focus")
            choices = [(loop.process.title, loop.process.id) for loop in self._loops]
            yield Select(choices, prompt="Which loop is it for?", id="intake-loop")
            with VerticalScroll(id="intake-list", can_focus=True):
                yield Static(Text(EMPTY), id="intake-lines")
            yield Label(
                "ctrl+s applies (or Tab, Enter) · Esc cancels · u undoes it after",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#intake-loop", Select).display = False
        self.query_one("#paste", TextArea).focus()

    @on(TextArea.Changed, "#paste")
    def _read_paste(self) -> None:
        self._unmatched = ""
        self._ask_loop(False)  # a new text may name its loop itself
        self._show()

    @on(Select.Changed, "#intake-loop")
    def _loop_chosen(self) -> None:
        self._show()

    def action_apply(self) -> None:
        proposal = self.proposal
        if proposal is None:
            self.notify("Nothing to apply: the box holds no invite or mail yet.", timeout=4)
        elif proposal.patch.empty:
            self.notify(proposal.nothing_to_change, timeout=4)
        else:
            self.dismiss(proposal.patch)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _show(self) -> None:
        """Read the text again and show its list, or the one sentence why it does not read."""
        text = self.query_one("#paste", TextArea).text
        self.proposal = None
        if not text.strip():
            self._say(Text(EMPTY))
            return
        try:
            item = read_entry(text)
            self.proposal = propose(item, self._loops, self._today, local_zone(), self._chosen())
        except StorageError as error:
            self._say(Text(f"{error}.", style="bold red"))
            return
        except LoopUnknown as unknown:
            if self._loops and not self._unmatched:  # the box asks with its list, not --loop
                self._unmatched = unknown.why
                self._ask_loop(True)
                self._show()
            else:
                self._say(Text(f"{unknown}.", style="bold red"))
            return
        except Refused as refusal:
            self._say(Text(f"{refusal}.", style="bold red"))
            return
        body = Text()
        if self._unmatched:
            body.append(f"{self._unmatched}: pick its loop above.\n", style="italic")
        body.append("\n".join(_indented(line) for line in self.proposal.listing()))
        if self.proposal.patch.empty:
            body.append(f"\n{self.proposal.nothing_to_change}", style="bold")
        self._say(body)

    def _say(self, body: Text) -> None:
        self.query_one("#intake-lines", Static).update(visible_text(body))

    def _chosen(self) -> Loop | None:
        """The loop picked in the list, while the list is shown."""
        select = self.query_one("#intake-loop", Select)
        if not select.display or not isinstance(select.value, str):
            return None
        return next((loop for loop in self._loops if loop.process.id == select.value), None)

    def _ask_loop(self, ask: bool) -> None:
        """Show the list of loops (on the selected loop, or the first) or hide it."""
        select = self.query_one("#intake-loop", Select)
        if ask and not select.display:
            ids = [loop.process.id for loop in self._loops]
            if not ids:
                return
            select.value = self._selected if self._selected in ids else ids[0]
        select.display = ask


def _indented(line: str) -> str:
    """A list line with its indent kept: a wrapped Static drops leading plain spaces."""
    stripped = line.lstrip(" ")
    return "\u00a0" * (len(line) - len(stripped)) + stripped
