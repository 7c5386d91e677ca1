"""The user's keymap file (`<config>/keymap.toml`): binding id = keys, through Textual's keymap."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, settle
from textual.message import Message
from textual.notifications import Notify

from storage.keymap_file import read_keymap
from tui.screens.conflicts_view import ConflictsScreen
from tui.screens.quick_line import QuickLineScreen
from tui.user_keymap import unknown_ids
from tui.widgets.processes_table import ProcessesTable


class Said:
    """The app's notifications, as posted."""

    def __init__(self) -> None:
        self.notes: list[tuple[str, str]] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.notes.append((message.notification.severity, message.notification.message))


async def test_a_remapped_key_works_and_the_old_one_no_longer_does(
    demo_db: Path, private_config: Path
) -> None:
    (private_config / "keymap.toml").write_text(
        'add-round = "r"\nconflicts = ["ctrl+k"]\nlist-down = "ctrl+n"\n', encoding="utf-8"
    )
    app, said = make_app(demo_db), Said()
    async with app.run_test(size=(120, 40), message_hook=said) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert app.screen is app.main
        await pilot.press("r")
        assert isinstance(app.screen, QuickLineScreen)
        assert app.screen.query_one("Label").render().plain.startswith("New round for")  # type: ignore[attr-defined]
        await pilot.press("escape")
        table = app.main.query_one("#processes", ProcessesTable)
        await pilot.press("j")
        assert table.cursor_row == 0
        await pilot.press("ctrl+n")
        assert table.cursor_row == 1
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, ConflictsScreen)
    assert said.notes == []


async def test_a_broken_keymap_file_is_one_notification_and_the_default_keys(
    demo_db: Path, private_config: Path
) -> None:
    (private_config / "keymap.toml").write_text('add-round = "r\n', encoding="utf-8")
    app, said = make_app(demo_db), Said()
    async with app.run_test(size=(120, 40), message_hook=said) as pilot:
        await settle(pilot)
        assert app.board is not None and len(app.main.visible_rows()) > 3
        await pilot.press("s")
        assert isinstance(app.screen, QuickLineScreen)
    assert len(said.notes) == 1
    severity, text = said.notes[0]
    assert severity == "error"
    assert "keymap.toml is not valid TOML" in text and "the default keys apply" in text


async def test_an_id_no_key_has_is_named_and_the_rest_apply(
    demo_db: Path, private_config: Path
) -> None:
    (private_config / "keymap.toml").write_text(
        'add_round = "r"\nconflicts = "ctrl+k"\n', encoding="utf-8"
    )
    app, said = make_app(demo_db), Said()
    async with app.run_test(size=(120, 40), message_hook=said) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, ConflictsScreen)
    assert [severity for severity, _ in said.notes] == ["warning"]
    assert "no key has the id add_round" in said.notes[0][1]


async def test_a_value_that_is_not_keys_is_refused_in_one_sentence(
    demo_db: Path, private_config: Path
) -> None:
    (private_config / "keymap.toml").write_text("add-round = 3\n", encoding="utf-8")
    app, said = make_app(demo_db), Said()
    async with app.run_test(size=(120, 40), message_hook=said) as pilot:
        await settle(pilot)
    assert len(said.notes) == 1
    assert 'add-round should be keys in quotes, like add-round = "ctrl+r"' in said.notes[0][1]


def test_the_readme_example_names_only_ids_the_app_has(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Your own keys") :]
    example = section[
        section.index("```toml\n") + 8 : section.index("```", section.index("```toml") + 7)
    ]
    path = tmp_path / "keymap.toml"
    path.write_text(example, encoding="utf-8")
    keymap = read_keymap(path)
    assert keymap["list-down"] == "j,ctrl+n" and keymap["list-up"] == "k,ctrl+u"
    assert unknown_ids(keymap) == []
