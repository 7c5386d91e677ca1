"""The user's keymap file checked against the keys the app has.

Textual ignores an id no binding has: a typo in `keymap.toml` would rebind
nothing, silently. After the file is open (the screens' modules are imported
by then, off the first frame's path) the app says which ids are unknown.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.dom import DOMNode


def binding_ids() -> set[str]:
    """Every id a keymap can name: the bindings of the app, its screens and widgets."""
    from tui.app import LoopdeckApp
    from tui.screens.conflicts_view import ConflictsScreen
    from tui.screens.draft_screen import DraftScreen
    from tui.screens.form import FormScreen
    from tui.screens.help import HelpScreen
    from tui.screens.insight import InsightScreen
    from tui.screens.intake_box import IntakeBox
    from tui.screens.main import MainScreen
    from tui.screens.next_steps import NextStepsScreen
    from tui.screens.prep_view import PrepScreen
    from tui.screens.promise_picker import PromisePicker
    from tui.screens.quick_line import QuickLineScreen
    from tui.screens.told_picker import ToldPicker
    from tui.widgets.filter_box import FilterBox
    from tui.widgets.list_keys import ItemList
    from tui.widgets.loop_pane import LoopPane
    from tui.widgets.processes_table import ProcessesTable
    from tui.widgets.timeline_pane import TimelinePane

    classes: list[type[DOMNode]] = [
        LoopdeckApp,
        MainScreen,
        ConflictsScreen,
        DraftScreen,
        FormScreen,
        HelpScreen,
        InsightScreen,
        IntakeBox,
        NextStepsScreen,
        PrepScreen,
        PromisePicker,
        QuickLineScreen,
        ToldPicker,
        FilterBox,
        ItemList,
        LoopPane,
        ProcessesTable,
        TimelinePane,
    ]
    bindings: list[BindingType] = [b for cls in classes for b in cls.BINDINGS]
    return {b.id for b in bindings if isinstance(b, Binding) and b.id}


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    """The ids in `keymap` that no binding has, in the file's order."""
    known = binding_ids()
    return [binding_id for binding_id in keymap if binding_id not in known]
