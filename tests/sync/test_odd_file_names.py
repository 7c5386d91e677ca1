"""Data files with spaces, quotes or glob characters in their names merge record by record.

The merge attribute names the file the way git matches it: anchored, glob
characters escaped, C-quoted. A plain `my loops.json merge=loopdeck` line
matches nothing, git merged line by line, and every sync failed with
"could not merge with origin (no message)".
"""

from __future__ import annotations

import pytest
from gitfarm import Farm, git

from storage.gitdriver import driver_status
from tui.cli.main import main

NAMES = [
    "my loops.json",
    "job search/my loops.json",
    "loops[2026].json",
    "star*.json",
    'it\'s "ours".json',
    "zoë.json",
]


@pytest.mark.parametrize("name", NAMES)
def test_an_odd_data_file_name_merges_record_by_record(farm: Farm, name: str) -> None:
    laptop, desktop = farm.clone("laptop", data=name), farm.clone("desktop", data=name)
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    desktop.edit(acme.id, notes="call the recruiter")
    laptop.edit(acme.id, notes="send the take-home")
    desktop.sync()

    result = laptop.sync()

    assert result.pulled == 1 and result.new_conflicts == 1
    assert driver_status(laptop.path) is None
    relative = laptop.path.relative_to(laptop.root).as_posix()
    assert git(laptop.root, "check-attr", "merge", "--", relative).endswith(": merge: loopdeck\n")
    desktop.sync()
    assert laptop.path.read_bytes() == desktop.path.read_bytes()
    assert [c["value"] for c in laptop.record(acme.id)["_conflicts"]] == ["call the recruiter"]


def test_check_reports_the_line_older_versions_committed_until_sync_installs_ours(
    farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = farm.clone("laptop", data="my loops.json")
    laptop.add("Acme")
    (laptop.root / ".gitattributes").write_text("my loops.json merge=loopdeck\n")
    git(laptop.root, "add", ".gitattributes", "my loops.json")
    git(laptop.root, "commit", "--quiet", "-m", "as an older loopdeck set it up")

    assert main(["--db", str(laptop.path), "check"]) == 1
    assert capsys.readouterr().err == (
        "loopdeck: git would merge my loops.json line by line (its merge attribute is "
        "unspecified); run 'loopdeck sync' to install the merge driver\n"
    )
    laptop.sync()
    assert main(["--db", str(laptop.path), "check"]) == 0
    assert capsys.readouterr().err == ""
