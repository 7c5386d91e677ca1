"""The frame of every edit form: labelled fields, an error beside each, save or cancel.

A form returns a validated record and never writes: the app stores it. When
the model refuses a value, pydantic's error is reworded by
`planner.validation.problems` and placed beside the field it is about, and the
form stays open with the user's text intact.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from planner.text import visible
from planner.validation import field_name, problems

ResultT = TypeVar("ResultT")


class FieldError(ValueError):
    """A value a form checks itself (a date it parses) before the model sees it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class FormScreen(ModalScreen[ResultT | None], Generic[ResultT]):
    """Subclasses yield their rows from `fields` and turn the values into a record in `build`."""

    AUTO_FOCUS = ".field Input, .field Select"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012 (typed by Screen)
    """A short terminal gets a shorter field list, so Save and the hint stay on screen."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="form-cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Check the values and save", id="form-save"),
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

    def build(self) -> ResultT:
        """The record from the current values; raise FieldError or ValidationError if wrong."""
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

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        self._clear_errors()
        try:
            result = self.build()
        except FieldError as error:
            self._show_error(error.field, str(error))
            return
        except ValidationError as error:
            for field, sentence in problems(error):
                self._show_error(self._field_for(field), sentence)
            return
        self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _field_for(self, words: str) -> str:
        """Which of our fields a reworded location ("due date (item 1)") is about."""
        for name in self._names:
            if words.startswith(field_name((name,))):
                return name
        return ""

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
