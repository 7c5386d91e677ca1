"""A one-line quick-add box with a live preview and the parse error inline.

The same grammar as the command line (`planner.quickadd`): the box shows what
the parser would create while the user types; Enter hands the draft to the
change (`planner.changes`) and dismisses with its `Patch`. A refusal shows
inline like a parse error; one that only a deliberate second word lets
through (a second open loop with the same name: the command line's `--again`)
is let through by pressing Enter again on the same line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner.changes.base import Patch, Refused
from planner.quickadd import QuickAddError

DraftT = TypeVar("DraftT")


class QuickLineScreen(ModalScreen[Patch | None], Generic[DraftT]):
    """Enter saves a line that parses; Escape cancels; nothing is written from here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="quick-cancel"),
    ]

    def __init__(
        self,
        title: str,
        hint: str,
        parse: Callable[[str], DraftT],
        preview: Callable[[DraftT], RenderableType],
        change: Callable[[DraftT, bool], Patch],
        value: str = "",
    ) -> None:
        super().__init__()
        self._title = title
        self._hint = hint
        self._parse = parse
        self._preview = preview
        self._change = change
        """The draft to a patch; True when the user confirmed a second time (`again`)."""
        self._value = value
        self._refused_again: str | None = None
        """The line last refused for want of a second word: Enter on it again adds it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="quick-line"):
            yield Label(self._title, classes="dialog-title")
            yield Input(value=self._value, placeholder=self._hint, id="line")
            yield Static(id="preview")
            yield Static(id="parse-error")
            yield Label(f"e.g. {self._hint}   Enter saves · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self._show(self._value)

    @on(Input.Changed, "#line")
    def _preview_line(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#line")
    def _save_line(self, event: Input.Submitted) -> None:
        try:
            draft = self._parse(event.value)
            again = event.value == self._refused_again
            patch = self._change(draft, again)
        except QuickAddError as error:
            self._show_error(str(error))
            return
        except Refused as error:
            self._refused_again = event.value if error.field == "again" else None
            more = " Press Enter again to do it anyway." if error.field == "again" else ""
            self._show_error(f"{error}{more}")
            return
        self.dismiss(patch)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _show(self, line: str) -> None:
        preview = self.query_one("#preview", Static)
        if not line.strip():
            preview.update(Text("Type a line; the preview shows what it will create."))
            self._show_error("")
            return
        try:
            draft = self._parse(line)
        except QuickAddError as error:
            preview.update("")
            self._show_error(str(error))
            return
        preview.update(self._preview(draft))
        self._show_error("")

    def _show_error(self, message: str) -> None:
        self.query_one("#parse-error", Static).update(Text(message))
