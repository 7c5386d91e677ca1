"""A save that happened is reported as saved, exactly once.

A false "could not save … nothing was changed" makes a person (or a script)
save again, and the loop then exists twice. Two cases did that: a folder that
may be written but not read (mode 0311), where the folder's fsync failed after
the new file was in place; and an undo journal that cannot be written, which
failed the command although the change was saved.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from storehelp import add_loop, process, titles

from storage.repository import Repository
from storage.undo import journal_path
from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534

CHILD = """
import os, sys
from tui.cli.main import build_parser, main
from tui.cli import add, undo, commands, context, parsing  # noqa: F401 (imported while allowed)
import encodings.ascii, storage.repository, planner.quickadd  # noqa: F401
import pydantic_core, planner.checking, planner.validation, storage.lockfile  # noqa: F401
import locale, gettext, importlib.metadata  # noqa: F401 (the stdlib is out of reach after)
build_parser(["add"]).parse_args(["add", "x"])  # argparse's lazy imports, while allowed
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
sys.exit(main(["--db", sys.argv[1], *sys.argv[2:]]))
"""


@pytest.fixture
def write_only_folder() -> Iterator[Path]:
    """A folder its owner may write and enter but not list (0311), owned by the child's user."""
    base = Path(tempfile.mkdtemp(prefix="loopdeck-0311-"))
    base.chmod(0o755)
    folder = base / "data"
    folder.mkdir()
    add_loop(folder / "loopdeck.json", "Acme")
    for path in (folder, *folder.iterdir()):
        os.chown(path, NOBODY, NOBODY)
    folder.chmod(0o311)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(base)


def loopdeck_as_owner(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0:
        pytest.skip("needs root to act as the folder's owner")
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(folder / "loopdeck.json"), *args],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "HOME": str(folder),
            "XDG_STATE_HOME": str(folder / "state"),
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_save_into_a_folder_that_cannot_be_listed_is_reported_as_saved(
    write_only_folder: Path,
) -> None:
    added = loopdeck_as_owner(write_only_folder, "add", "Globex / SRE")

    assert (added.returncode, added.stderr) == (0, "")
    assert added.stdout.startswith("Added Globex / SRE")
    data = write_only_folder / "loopdeck.json"
    assert titles(Repository.open(data)) == ["Acme / ML Engineer", "Globex / SRE"]

    undone = loopdeck_as_owner(write_only_folder, "undo")

    assert (undone.returncode, undone.stdout) == (0, "Undid: add loop Globex / SRE\n")
    assert titles(Repository.open(data)) == ["Acme / ML Engineer"]


def test_a_journal_that_cannot_be_written_is_a_warning_and_the_save_stands(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_loop(db_path, "Acme")
    journal_path(db_path).unlink()
    journal_path(db_path).mkdir()  # something in the way of the journal

    code = main(["--db", str(db_path), "add", "Globex / SRE"])

    out, err = capsys.readouterr()
    assert code == 0
    assert out.startswith("Added Globex / SRE")
    assert err == (
        "loopdeck: warning: saved, but 'undo' cannot take it back: could not write "
        "loopdeck.undo.json (Is a directory)\n"
    )
    assert titles(Repository.open(db_path)) == ["Acme / ML Engineer", "Globex / SRE"]


def test_a_failed_write_of_the_data_file_still_changes_nothing(db_path: Path) -> None:
    add_loop(db_path, "Acme")
    before = db_path.read_bytes()
    repo = Repository.open(db_path)
    real_replace = os.replace

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    os.replace = refuse  # type: ignore[assignment]
    try:
        with pytest.raises(Exception, match="nothing was changed"), repo.transaction("x") as tx:
            tx.put(process("Globex"))
    finally:
        os.replace = real_replace
    assert db_path.read_bytes() == before
    assert titles(repo) == ["Acme / ML Engineer"]
