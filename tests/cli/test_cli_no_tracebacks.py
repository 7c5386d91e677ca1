"""Odd paths and absurd values end as one `loopdeck: ` line, never a traceback.

Each case crashed once: a data path that is a symbolic link to itself, a
folder or a malformed table under `conflicts`, an amount no field can hold, a
round on the last day of the calendar exported to ICS, a lock file that cannot
be opened, and `import /dev/zero`, which read until memory ran out.
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
from clihelp import Cli, one_error_line

ROOT = Path(__file__).resolve().parents[2]


def test_a_data_path_that_links_to_itself_is_one_error_line(cli: Cli, db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.symlink_to(db_path.name)

    for args in (("list",), ("add", "Acme / ML"), ("check",), ("conflicts",)):
        line = one_error_line(cli(*args))
        assert "loopdeck.json" in line and "symbolic links" in line, args
    assert os.readlink(db_path) == db_path.name


def test_conflicts_on_a_folder_says_it_cannot_read_it(cli: Cli, db_path: Path) -> None:
    db_path.mkdir(parents=True)

    result = cli("conflicts")

    assert result.code == 1
    assert one_error_line(result) == (
        "loopdeck: cannot read loopdeck.json (Is a directory); opened read-only"
    )


def test_conflicts_on_a_malformed_table_says_what_is_wrong(cli: Cli, db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text('{"processes": []}\n', encoding="utf-8")

    result = cli("conflicts")

    assert result.code == 1
    assert "table 'processes' is not a set of records" in one_error_line(result)
    assert db_path.read_text(encoding="utf-8") == '{"processes": []}\n'


def test_an_amount_no_field_can_hold_is_refused(cli: Cli, db_path: Path) -> None:
    assert cli("add", "Acme / ML").code == 0
    before = db_path.read_bytes()

    result = cli("offer", "acme", "--base", "99999999999999999999999999999m")

    assert "too large" in one_error_line(result)
    assert db_path.read_bytes() == before


def test_a_round_on_the_last_day_of_the_calendar_exports_to_ics(cli: Cli) -> None:
    assert cli("add", "Acme / ML").code == 0
    assert cli("stage", "acme", "tech on:9999-12-31").code == 0
    assert cli("stage", "acme", "onsite on:9999-12-31 at:23:30").code == 0

    result = cli("export", "--format", "ics")

    assert result.code == 0, result.err
    assert "DTSTART;VALUE=DATE:99991231" in result.out
    assert "DTSTART:99991231T233000" in result.out


def test_a_lock_file_that_is_a_folder_is_one_error_line(cli: Cli, db_path: Path) -> None:
    (db_path.parent / "loopdeck.lock").mkdir(parents=True)

    line = one_error_line(cli("add", "Acme / ML"))

    assert line.startswith("loopdeck: cannot open the lock file loopdeck.lock (Is a directory)")
    assert not db_path.exists()


UNPRIVILEGED = """
import os, sys
from tui.cli.main import main
from tui.cli import add, commands, context, parsing  # noqa: F401 (imported while allowed)
import encodings.ascii, storage.repository, planner.quickadd  # noqa: F401
import pydantic_core, planner.checking, planner.validation, storage.lockfile  # noqa: F401
import locale, gettext, importlib.metadata  # noqa: F401 (the stdlib is out of reach after)
from tui.cli.main import build_parser
build_parser(["add"]).parse_args(["add", "x"])  # argparse's lazy imports, while allowed
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
sys.exit(main(["--db", sys.argv[1], "add", "Acme / ML"]))
"""


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder anyone may write (pytest's tmp is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="loopdeck-lock-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def test_a_lock_file_without_permissions_is_one_error_line(shared_folder: Path) -> None:
    """Root opens anything, so the child drops to an unprivileged user first."""
    folder = shared_folder
    lock = folder / "loopdeck.lock"
    lock.write_bytes(b"")
    lock.chmod(0o000)
    if os.geteuid() != 0:
        pytest.skip("needs a user other than the lock file's owner")

    child = subprocess.run(
        [sys.executable, "-c", UNPRIVILEGED, str(folder / "loopdeck.json")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert (child.returncode, child.stdout) == (1, ""), child.stderr
    assert child.stderr == (
        "loopdeck: cannot open the lock file loopdeck.lock (Permission denied); "
        "nothing was changed\n"
    )
    assert not (folder / "loopdeck.json").exists()


BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # fail, not fill the machine
from tui.cli.main import main
sys.exit(main(["--db", sys.argv[1], "import", "/dev/zero"]))
"""


def test_import_reads_at_most_a_spreadsheet_worth_of_an_endless_file(db_path: Path) -> None:
    """In a child with a memory limit: a read without a bound would take all there is."""
    child = subprocess.run(
        [sys.executable, "-c", BOUNDED, str(db_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert (child.returncode, child.stdout) == (1, ""), child.stderr[-300:]
    assert child.stderr == (
        "loopdeck: zero is larger than 10 MB; is it a spreadsheet saved as CSV?\n"
    )
    assert not db_path.exists()
