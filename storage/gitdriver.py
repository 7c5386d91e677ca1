"""Making sure git merges the data file with loopdeck's merge driver, not line by line.

A merge driver needs two parts: a `.gitattributes` line, which is versioned,
and a `merge.loopdeck.driver` entry in git config, which is not: a fresh clone
has the first and silently falls back to a line merge (conflict markers in
JSON) until the second is added. The config also names this machine's Python,
which moves when a virtual environment is recreated. So sync and the app call
`ensure_driver` every time, and `driver_status` lets `loopdeck check` say when
git would not call the driver.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from storage.gitcmd import Git, SyncError, work_tree
from storage.jsonfile import temp_prefix

DRIVER = "loopdeck"
DRIVER_MODULE = "tui.cli.merge_driver"


def driver_command() -> str:
    """What git runs to merge: this interpreter, the driver module, git's four placeholders.

    `-P` keeps the work tree's folder off `sys.path`, so files in the synced
    folder can never shadow loopdeck's own modules.
    """
    return f"{shlex.quote(sys.executable)} -P -m {DRIVER_MODULE} %O %A %B %P"


def ignored_patterns(path: Path) -> list[str]:
    """Local files beside the data file that must never be committed."""
    return ["*.lock", "*.undo.json", f"{temp_prefix(path)}*.tmp"]


def driver_status(path: Path) -> str | None:
    """Why git would not merge `path` with loopdeck's driver; None if it would (or no git)."""
    try:
        root = work_tree(path.parent)
    except SyncError:  # git is not installed: nothing will merge the file, nothing to repair
        return None
    if root is None:
        return None
    git = Git(root)
    if not _attribute_set(git, path):
        return (
            f"git would merge {path.name} line by line (no merge=loopdeck in .gitattributes); "
            "run 'loopdeck sync' to install the merge driver"
        )
    configured = git.config(f"merge.{DRIVER}.driver")
    if configured is None:
        return (
            f"git has no loopdeck merge driver configured for {path.name}; "
            "run 'loopdeck sync' to install it"
        )
    if configured != driver_command():
        return (
            f"git's loopdeck merge driver points at another Python ({configured.split()[0]}); "
            "run 'loopdeck sync' to repair it"
        )
    return None


def ensure_driver(path: Path) -> list[str]:
    """Install or repair the driver for `path`'s work tree; what was fixed, for the user.

    Raises `SyncError` when git itself fails; does nothing outside a work tree.
    """
    root = work_tree(path.parent)
    if root is None:
        return []
    git = Git(root)
    fixed = []
    if _append_missing(path.parent / ".gitattributes", [f"{path.name} merge={DRIVER}"]):
        fixed.append(".gitattributes")
    if _append_missing(path.parent / ".gitignore", ignored_patterns(path)):
        fixed.append(".gitignore")
    if git.config(f"merge.{DRIVER}.driver") != driver_command():
        git.run("config", f"merge.{DRIVER}.name", "loopdeck record-level merge")
        git.run("config", f"merge.{DRIVER}.driver", driver_command())
        fixed.append("git config")
    return fixed


def _attribute_set(git: Git, path: Path) -> bool:
    done = git.run("check-attr", "merge", "--", str(path.resolve()), check=False)
    return done.returncode == 0 and done.stdout.strip().endswith(f": merge: {DRIVER}")


def _append_missing(file: Path, lines: list[str]) -> bool:
    """Add the lines a file lacks, keeping whatever the user wrote there; True if it changed."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    present = {line.strip() for line in text.splitlines()}
    missing = [line for line in lines if line not in present]
    if not missing:
        return False
    prefix = "" if not text or text.endswith("\n") else "\n"
    file.write_text(text + prefix + "\n".join(missing) + "\n", encoding="utf-8")
    return True
