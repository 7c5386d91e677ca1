"""A damaged file is called damaged: no command reads it as "no loops" or "no conflicts".

Reading a file that cannot be parsed used to look like reading an empty one:
`list` said "No loops yet", `conflicts` "every sync merged cleanly", `log X`
"no loop matches"; all but `log` exited 0. Each now says what is wrong with
the file, exits 1, and leaves the file as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clihelp import Cli, one_error_line

DAMAGED = '{\n  "processes": {\n    "a1": {"company": "Acme"\n'


@pytest.mark.parametrize(
    "args",
    [("list",), ("next",), ("conflicts",), ("log", "acme", "called"), ("show", "acme")],
    ids=["list", "next", "conflicts", "log", "show"],
)
def test_reading_a_damaged_file_says_it_is_damaged(
    cli: Cli, db_path: Path, args: tuple[str, ...]
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text(DAMAGED, encoding="utf-8")

    result = cli(*args)

    assert result.code == 1
    assert one_error_line(result).startswith("loopdeck: loopdeck.json ends too early (truncated)")
    assert db_path.read_text(encoding="utf-8") == DAMAGED


def test_a_file_only_marked_read_only_still_lists_its_loops(cli: Cli, db_path: Path) -> None:
    assert cli("add", "Acme / ML").code == 0
    db_path.chmod(0o444)

    result = cli("list")

    assert result.code == 0
    assert "Acme / ML" in result.out
    assert result.err.startswith("loopdeck: warning: loopdeck.json is marked read-only")
    db_path.chmod(0o644)
