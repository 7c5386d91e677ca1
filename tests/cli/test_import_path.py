"""The command line's import path stays free of the UI toolkit and of the app's modules.

Every shell prompt and script starts a command as a new process: importing
textual, rich or the app's screens would cost each of them. Checked in a fresh
interpreter after real commands ran, so an import hidden in a function body
counts too. The merge driver, which git starts for every pull, must not even
need the models.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

APP_SIDE = (
    "textual",
    "rich",
    "tui.app",
    "tui.board",
    "tui.commands",
    "tui.insights",
    "tui.screens",
    "tui.session",
    "tui.theme",
    "tui.views",
    "tui.widgets",
)
PROBE = """
import json, sys
from tui.cli.main import main
db, commands, side = sys.argv[1], json.loads(sys.argv[2]), tuple(json.loads(sys.argv[3]))
codes = [main(["--db", db, *command]) for command in commands]
loaded = sorted(m for m in sys.modules if m in side or m.startswith(tuple(s + "." for s in side)))
print(json.dumps({"codes": codes, "loaded": loaded}))
"""


def probe(
    db: Path, commands: list[list[str]], side: tuple[str, ...] = APP_SIDE
) -> dict[str, list[object]]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(db), json.dumps(commands), json.dumps(side)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, list[object]] = json.loads(result.stdout.splitlines()[-1])
    return answer


def test_reads_and_writes_import_nothing_of_the_app(db_path: Path, tmp_path: Path) -> None:
    commands = [
        ["add", 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" next:screen on:fri'],
        ["add", "Borealis / Infra Engineer"],
        ["next", "--json"],
        ["next"],
        ["list", "--all"],
        ["show", "acme"],
        ["log", "acme", "Sent availability", "--kind", "sent"],
        ["stage", "acme", "tech on:+1w"],
        ["done", "acme", "--on", "today", "--outcome", "passed"],  # the screen came early
        ["offer", "acme", "--base", "200k", "--deadline", "fri"],
        ["offers"],
        ["prep", "acme", "--ask", "How is on-call shared?"],
        ["stats"],
        ["export", "--format", "csv", "-o", str(tmp_path / "loops.csv")],
        ["check"],
        ["undo"],
    ]

    answer = probe(db_path, commands)

    assert answer["codes"] == [0] * len(commands)
    assert answer["loaded"] == []


def test_the_probe_sees_the_app_when_it_is_imported(db_path: Path) -> None:
    """The check above can fail: a module the command did import is caught."""
    answer = probe(db_path, [["next"]], (*APP_SIDE, "tui.cli.next_steps"))
    assert answer["loaded"] == ["tui.cli.next_steps"]


def test_the_merge_driver_needs_neither_the_models_nor_pydantic(tmp_path: Path) -> None:
    versions = []
    for name in ("base", "ours", "theirs"):
        path = tmp_path / f"{name}.json"
        path.write_text('{"meta": {"schema": {"schema_version": 1}}}\n', encoding="utf-8")
        versions.append(str(path))
    # As git starts it; it leaves with os._exit, so its imports are read from -X importtime.
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-P",
            "-m",
            "tui.cli.merge_driver",
            *versions,
            "loopdeck.json",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "storage.mergefiles" in imported
    assert imported.isdisjoint({"pydantic", "planner.models", "textual"})


def test_a_write_that_prints_no_next_step_loads_neither_its_rules_nor_a_lock_library(
    db_path: Path,
) -> None:
    """`log` and `undo` say what they wrote and stop: the rules of next steps,
    pacing and projections, what they answer (`planner.steps`), and the
    `filelock` library, would cost each run for nothing (the lock is
    `storage.lockfile`)."""
    assert probe(db_path, [["add", "Acme / ML Engineer"]])["codes"] == [0]
    answer = probe(
        db_path,
        [["log", "acme", "Sent availability", "--kind", "sent"], ["undo"]],
        (
            "planner.threads",
            "planner.projection",
            "planner.pace",
            "planner.steps",
            "filelock",
            "storage.lockfile",
        ),
    )
    assert answer["codes"] == [0, 0]
    assert answer["loaded"] == ["storage.lockfile"]


def test_next_loads_neither_the_funnel_nor_the_changes(db_path: Path) -> None:
    """`next` only reads: the funnel's statistics (for `stats`) and the changes a
    write is made of would cost every prompt for nothing, and `--json` folds no
    text to the terminal's width (`tui.cli.fit`). An open offer deadline makes
    it project with the pace, which reads the stage durations the funnel shares
    (`planner.durations`) and works out their quartiles itself (`statistics`, with
    `fractions` and `decimal`, cost about 3 ms to import)."""
    setup = [
        ["add", "Acme / ML Engineer"],
        ["offer", "acme", "--base", "200k", "--deadline", "fri"],
    ]
    assert probe(db_path, setup)["codes"] == [0, 0]
    watched = (
        "planner.funnel",
        "planner.changes",
        "planner.durations",
        "tui.cli.fit",
        "statistics",
    )
    for command, loaded in (
        (["next", "--json"], ["planner.durations"]),
        (["next"], ["planner.durations", "tui.cli.fit"]),
    ):
        answer = probe(db_path, [command], watched)
        assert answer["codes"] == [0]
        assert answer["loaded"] == loaded


def test_a_read_loads_neither_the_time_zones_nor_the_platform_folders(db_path: Path) -> None:
    """Only reading invites and mail needs a time zone (`zoneinfo`, ~2 ms), and only a
    write needs this file's replica id, kept in the user's state folder
    (`platformdirs`, ~6 ms): a small file (no model cache) is read without either.
    The write before them loads the folders' library, so the check can fail."""
    written = probe(db_path, [["add", "Acme / ML Engineer"]], ("platformdirs",))
    assert written["codes"] == [0]
    assert "platformdirs" in written["loaded"]
    answer = probe(db_path, READ_COMMANDS, ("zoneinfo", "platformdirs"))
    assert answer["codes"] == [0] * len(READ_COMMANDS)
    assert answer["loaded"] == []


VALIDATING = ("pydantic", "pydantic_core", "planner.checking")


READ_COMMANDS = [["next", "--json"], ["next"], ["list", "--all"], ["show", "acme"], ["offers"]]


def test_reading_a_file_this_machine_wrote_never_imports_pydantic(db_path: Path) -> None:
    """The records of our own file were validated when written: they are read back
    as they are (`Record.from_stored`), and pydantic, about half of a short
    command's start, is left alone. Run twice: the model cache's path too."""
    written = probe(
        db_path,
        [
            ["add", 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" next:screen on:fri'],
            ["log", "acme", "Sent availability", "--kind", "sent"],
            ["offer", "acme", "--base", "200k", "--deadline", "fri"],
        ],
        ("pydantic", "pydantic_core"),
    )
    assert written["codes"] == [0, 0, 0]
    # a write validates what it writes, with pydantic's core alone, not its model layer
    assert "pydantic_core" in written["loaded"]
    assert [m for m in written["loaded"] if m.split(".")[0] == "pydantic"] == []
    for _ in range(2):
        answer = probe(db_path, READ_COMMANDS, VALIDATING)
        assert answer["codes"] == [0] * len(READ_COMMANDS)
        assert answer["loaded"] == []


def test_an_undo_of_a_file_this_machine_wrote_never_imports_pydantic(db_path: Path) -> None:
    """Undo writes back values this machine validated and journaled (here: the loop's
    status before `hold`): the records it rewrites are read back as the next run reads
    them, not validated a second time."""
    written = probe(
        db_path,
        [
            ["add", 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>" next:screen on:fri'],
            ["hold", "acme"],
        ],
        ("pydantic_core",),
    )
    assert written["codes"] == [0, 0]
    answer = probe(db_path, [["undo"], ["show", "acme"]], VALIDATING)
    assert answer["codes"] == [0, 0]
    assert answer["loaded"] == []


def test_a_file_someone_else_wrote_is_validated(db_path: Path) -> None:
    """The same reads of a file changed behind this machine's back do validate it."""
    assert probe(db_path, [["add", "Acme / ML Engineer"]])["codes"] == [0]
    document = json.loads(db_path.read_text(encoding="utf-8"))
    db_path.unlink()
    db_path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    answer = probe(db_path, [["next", "--json"]], VALIDATING)
    assert answer["codes"] == [0]
    assert {"planner.checking", "pydantic_core"} <= set(answer["loaded"])
    assert [m for m in answer["loaded"] if m.split(".")[0] == "pydantic"] == []
