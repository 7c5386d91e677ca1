"""The frame the read-only views share: a title, a scrollable body, Esc to go back.

The body is worked out in a worker thread (`compute`): the screen opens at
once with "Reading…" and fills in when the answer comes. A view that reads the
file waits there for the lock a sync may hold for seconds, never on the key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from planner.text import visible

CSS_FILE = Path(__file__).with_name("insights.tcss")
LOADING = "Reading the file…"


class InsightScreen(Screen[None]):
    """A title line and one renderable, computed off the UI thread by `compute`."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", tooltip="Back to the loops", id="insight-back"),
    ]

    def __init__(self, title: str, compute: Callable[[], RenderableType]) -> None:
        super().__init__()
        self._title = visible(title)
        self._compute = compute

    def compose(self) -> ComposeResult:
        yield Label(self._title, classes="insight-title")
        with VerticalScroll(classes="insight-body"):
            yield Static(Text(LOADING, style="dim"), classes="insight", id="insight-body")
        yield Footer()

    def on_mount(self) -> None:
        self._fill()

    @work(thread=True, exclusive=True, group="insight", exit_on_error=False)
    def _fill(self) -> None:
        body = self._compute()
        self.app.call_from_thread(self._show, body)

    def _show(self, body: RenderableType) -> None:
        if self.is_attached:
            self.query_one("#insight-body", Static).update(body)

    def action_close(self) -> None:
        self.dismiss(None)
