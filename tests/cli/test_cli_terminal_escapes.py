"""Control sequences in the data never reach the terminal raw: they print as escapes.

A loop imported from a spreadsheet (or pulled from a remote) can carry
`ESC ] 0 ; … BEL` (sets the window title) and `ESC [ 2 J` (clears the screen).
Every command that prints data shows them as `\\x1b…`; a file export keeps
the data as it is, except Markdown, which is read on a terminal or rendered.
"""

from __future__ import annotations

from pathlib import Path

from clihelp import Cli

HOSTILE = "Evil\x1b]0;owned\x07\x1b[2J"
SHOWN = "Evil\\x1b]0;owned\\x07\\x1b[2J"


def import_hostile(cli: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f'Company,Role,Notes\n"{HOSTILE}",ML,"note\x1b[31m"\n', encoding="utf-8")
    result = cli("import", str(sheet))
    assert result.code == 0, result.err
    assert "\x1b" not in result.out


def test_list_next_and_show_print_control_characters_as_escapes(cli: Cli, tmp_path: Path) -> None:
    import_hostile(cli, tmp_path)

    for args in (("list",), ("next",), ("show", "evil")):
        result = cli(*args)
        assert result.code == 0, result.err
        assert "\x1b" not in result.out + result.err and "\x07" not in result.out, args
        assert SHOWN in result.out, args
    assert "note\\x1b[31m" in cli("show", "evil").out


def test_an_error_message_quoting_the_user_prints_escapes(cli: Cli) -> None:
    result = cli("log", "\x1b[2Jnobody", "hello")

    assert result.code == 1
    assert result.err == "loopdeck: no loop matches '\\x1b[2Jnobody'\n"


def test_markdown_export_escapes_control_characters_and_csv_keeps_the_data(
    cli: Cli, tmp_path: Path
) -> None:
    import_hostile(cli, tmp_path)
    markdown, sheet = tmp_path / "loops.md", tmp_path / "loops.csv"

    assert cli("export", "--format", "md", "-o", str(markdown)).code == 0
    assert cli("export", "--format", "csv", "-o", str(sheet)).code == 0

    assert "\x1b" not in markdown.read_text(encoding="utf-8")
    assert f"# {SHOWN} / ML" in markdown.read_text(encoding="utf-8")
    assert HOSTILE in sheet.read_text(encoding="utf-8")
