"""The frame the read-only views share: a title, a scrollable body, Esc to go back."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from planner.text import visible

CSS_FILE = Path(__file__).with_name("insights.tcss")


class InsightScreen(Screen[None]):
    """A title line and one renderable; subclasses say what the renderable is."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", tooltip="Back to the loops", id="insight-back"),
    ]

    def __init__(self, title: str, body: RenderableType) -> None:
        super().__init__()
        self._title = visible(title)
        self._body = body

    def compose(self) -> ComposeResult:
        yield Label(self._title, classes="insight-title")
        with VerticalScroll(classes="insight-body"):
            yield Static(self._body, classes="insight")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
