"""The keys every list shares, vim's beside the arrows: the loops, a pane's items, the
questions, the pickers.

Each list names its own actions for them (a table, an option list and a pane
move their cursors differently) but the keys, their words and their ids are
the same everywhere, so help lists them once and one line of the user's
keymap (`list-down = "n"`) rebinds them in every list.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


def list_keys(
    down: str = "cursor_down",
    up: str = "cursor_up",
    first: str = "first",
    last: str = "last",
    page_up: str = "page_up",
    page_down: str = "page_down",
) -> list[BindingType]:
    """j/k, g/G with Home/End, PgUp/PgDn bound to a list's own actions."""
    return [
        Binding("j", down, "Down", show=False, tooltip="The next item, as ↓ does", id="list-down"),
        Binding("k", up, "Up", show=False, tooltip="The item before, as ↑ does", id="list-up"),
        Binding("g,home", first, "First", show=False, tooltip="The first item", id="list-first"),
        Binding("G,end", last, "Last", show=False, tooltip="The last item", id="list-last"),
        Binding(
            "pageup", page_up, "Page up", show=False, tooltip="A screenful up", id="list-page-up"
        ),
        Binding(
            "pagedown",
            page_down,
            "Page down",
            show=False,
            tooltip="A screenful down",
            id="list-page-down",
        ),
    ]


CHOOSE_KEY = Binding(
    "enter",
    "select",
    "Choose",
    show=False,
    tooltip="Take the item under the cursor: a picker's choice, a next step's loop",
    id="list-choose",
)


class ItemList(OptionList):
    """An `OptionList` with the shared list keys; Enter chooses, as in any option list."""

    BINDINGS: ClassVar[list[BindingType]] = [*list_keys(), CHOOSE_KEY]
