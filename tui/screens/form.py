"""The frame of every edit form: labelled fields, an error beside each, save or cancel.

A form collects its fields and hands them to a change in `planner.changes`,
with the loop it was opened on; it dismisses with the `Patch` the change
returns and never writes: the app does (`LoopdeckApp.apply`). A `Refused`
change shows its sentence beside the field it names, or in the form's own
message line when it names none of the form's fields, and the form stays open
with the user's text intact. A value the form reads itself (a date in words)
and cannot read is a `FieldError`, shown the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from planner.changes.base import Patch, Refused
from planner.dates import DateError, parse_date, parse_time
from planner.text import visible


class FieldError(ValueError):
    """A value a form checks itself (a date it parses) before the model sees it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class FormScreen(ModalScreen[Patch | None]):
    """Subclasses yield their rows from `fields` and turn the values into a change in `build`."""

    AUTO_FOCUS = ".field Input, .field Select"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012 (typed by Screen)
    """A short terminal gets a shorter field list, so Save and the hint stay on screen."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="form-cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Check the values and save", id="form-save"),
        # Before the focused field sees them: in a burst, the next letters go to the next field.
        Binding(
            "tab",
            "app.focus_next",
            "Next field",
            show=False,
            priority=True,
            tooltip="Move to the next field",
            id="form-next-field",
        ),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous field",
            show=False,
            priority=True,
            tooltip="Move to the previous field",
            id="form-previous-field",
        ),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = visible(title)
        self._names: list[str] = []
        self._errors: dict[str, list[str]] = {}
        self._escaped: dict[str, tuple[str, str]] = {}
        """Fields whose value had control characters: (as shown, as stored)."""

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def build(self) -> Patch:
        """The change the current values ask for; raises FieldError or Refused if wrong."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="form"):
            yield Label(self._title, classes="dialog-title")
            with VerticalScroll(id="form-fields", can_focus=False):
                yield from self.fields()
            yield Static(id="form-error", classes="field-error")
            yield Static("ctrl+s saves · Esc cancels · Tab moves", classes="dialog-hint")
            with Horizontal(id="form-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def row(self, name: str, label: str, widget: Widget) -> Vertical:
        """A labelled field with room for its error underneath."""
        self._names.append(name)
        widget.id = f"field-{name}"
        if isinstance(widget, (Input, Select)):
            widget.compact = True
        if isinstance(widget, Input) and visible(widget.value) != widget.value:
            # Shown with escapes (an input draws its value raw); saved as stored unless edited.
            self._escaped[name] = (visible(widget.value).strip(), widget.value.strip())
            widget.value = visible(widget.value)
        return Vertical(
            Label(label, classes="field-label"),
            widget,
            Static(id=f"error-{name}", classes="field-error"),
            classes="field",
        )

    def text(self, name: str) -> str:
        value = self.query_one(f"#field-{name}", Input).value.strip()
        shown, stored = self._escaped.get(name, (None, value))
        return stored if value == shown else value

    def choice(self, name: str) -> Any:
        """The selected value, or None when the field is blank."""
        return self.query_one(f"#field-{name}", Select).selection

    def date(self, name: str, today: dt.date) -> dt.date | None:
        """The field read as a date (today, fri, +3d, 2026-03-20), None when blank."""
        text = self.text(name)
        try:
            return parse_date(text, today) if text else None
        except DateError as error:
            raise FieldError(name, str(error)) from None

    def time(self, name: str) -> dt.time | None:
        """The field read as a time of day (14:00), None when blank."""
        text = self.text(name)
        try:
            return parse_time(text) if text else None
        except DateError as error:
            raise FieldError(name, str(error)) from None

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        self._clear_errors()
        try:
            patch = self.build()
        except (FieldError, Refused) as error:
            self._show_error(error.field, str(error))
            return
        self.dismiss(patch)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _show_error(self, field: str, message: str) -> None:
        target = f"error-{field}" if field in self._names else "form-error"
        messages = self._errors.setdefault(target, [])
        messages.append(message)
        box = self.query_one(f"#{target}", Static)
        box.update(Text("\n".join(messages)))
        box.add_class("-shown")

    def _clear_errors(self) -> None:
        self._errors.clear()
        for box in self.query(".field-error").results(Static):
            box.update("")
            box.remove_class("-shown")
