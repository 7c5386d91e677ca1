"""The `/` filter line above the processes pane."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterBox(Input):
    """Hidden until `/`; Escape clears it and hands the keys back to the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Clear filter", tooltip="Clear and hide", id="filter-clear"),
    ]

    class Dismissed(Message):
        """The user left the filter with Escape: the filter is now empty."""

        def __init__(self, box: FilterBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> FilterBox:
            return self.box

    def action_dismiss(self) -> None:
        self.value = ""
        self.display = False
        self.post_message(self.Dismissed(self))
