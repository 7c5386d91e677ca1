"""Making sure git merges the data file with loopdeck's merge driver, not line by line.

A merge driver needs two parts: an attribute naming it for the file, and a
`merge.loopdeck.driver` entry in git config naming the command. Neither is
versioned here. The attribute goes into `.git/info/attributes`, which takes
precedence over every `.gitattributes`: a remote that commits `merge=union`,
`-merge` or `binary` for the file cannot switch the driver off (`check` still
names such a line). The ignore patterns for the lock and undo files go into
`.git/info/exclude`. So loopdeck writes nothing into the work tree and never
follows a symbolic link a remote committed there.

All of it only in a repository that syncs the data file: where git tracks it,
or after `loopdeck sync --init`. A data file that merely sits inside some
other repository leaves that repository alone.

The config also names this machine's Python, which moves when a virtual
environment is recreated, so sync and the app call `ensure_driver` every time.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from pathlib import Path

from storage import jsonfile
from storage.gitcmd import Git, SyncError, work_tree
from storage.replica import keep_in_git
from storage.undo import journal_path

DRIVER = "loopdeck"
DRIVER_MODULE = "tui.cli.merge_driver"
ATTRIBUTES = f"merge={DRIVER} -text -filter -ident -working-tree-encoding"
"""Our merge driver, and none of the conversions a remote's attributes could ask for."""
MERGE_TEMPS = ("/.merge_file_*", "/..merge_file_*.tmp")
"""git's copies of the three versions it hands the driver, and the driver's own temp file
beside git's copy of ours (`jsonfile.temp_path`): a merge killed midway leaves them."""
FINE = ("unspecified", DRIVER)
"""What the committed attributes may say about `merge` without switching the driver off."""


def driver_command() -> str:
    """What git runs to merge: this interpreter, the driver module, git's four placeholders.

    `-P` keeps the work tree's folder off `sys.path`, so files in the synced
    folder can never shadow loopdeck's own modules.
    """
    return f"{shlex.quote(sys.executable)} -P -m {DRIVER_MODULE} %O %A %B %P"


def synced_root(path: Path) -> Path | None:
    """The work tree that syncs `path`: one where git tracks the data file, else None."""
    try:
        root = work_tree(path.parent)
    except SyncError:  # git is not installed: nothing syncs the file
        return None
    if root is None or not tracked(Git(root), path):
        return None
    return root


def bystander_root(path: Path) -> Path | None:
    """The work tree holding `path` without tracking it: a repository loopdeck leaves alone."""
    try:
        root = work_tree(path.parent)
    except SyncError:
        return None
    if root is None or tracked(Git(root), path):
        return None
    return root


def tracked(git: Git, path: Path) -> bool:
    return git.ok("ls-files", "--error-unmatch", "--", relative_to(git, path))


def relative_to(git: Git, path: Path) -> str:
    """`path` as git names it in the work tree (forward slashes, no leading slash)."""
    return in_tree(path).relative_to(git.cwd).as_posix()


def in_tree(path: Path) -> Path:
    """`path` with its folders' links resolved, as git's work tree top is (the file itself
    may be a link: git tracks the link, so it is named, not followed)."""
    return Path(os.path.realpath(path.parent)) / path.name


def attribute_line(relative: str) -> str:
    """The `.git/info/attributes` line for the data file, quoted the way git reads it.

    Anchored at the top of the work tree, glob characters escaped, and the
    whole pattern in C-style quotes so that spaces and quotes in the name
    match too ("my loops.json").
    """
    pattern = "/" + "".join(f"\\{c}" if c in "*?[\\" else c for c in relative)
    return f"{_c_quote(pattern)} {ATTRIBUTES}"


def _c_quote(text: str) -> str:
    quoted = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char in '"\\':
            quoted.append("\\" + char)
        elif byte < 0x20 or byte == 0x7F:
            quoted.append(f"\\{byte:03o}")
        else:
            quoted.append(char if byte < 0x80 else f"\\{byte:03o}")
    return '"' + "".join(quoted) + '"'


def ignored_patterns(git: Git, path: Path) -> list[str]:
    """The local files beside the data file, as `.git/info/exclude` lines: never committed."""
    folder = relative_to(git, path.parent)
    prefix = "/" if folder == "." else f"/{_glob_escape(folder)}/"
    names = [
        f"{path.stem}.lock",
        journal_path(path).name,
    ]
    temps = [jsonfile.temp_prefix(path), jsonfile.temp_prefix(journal_path(path))]
    lines = [prefix + _glob_escape(name) for name in names]
    return [*lines, *(prefix + _glob_escape(temp) + "*.tmp" for temp in temps), *MERGE_TEMPS]


def _glob_escape(text: str) -> str:
    escaped = "".join(f"\\{c}" if c in "*?[\\" else c for c in text)
    return escaped[:-1] + "\\ " if escaped.endswith(" ") else escaped


def driver_status(path: Path) -> str | None:
    """Why git would not merge `path` with loopdeck's driver; None if it would, or no sync."""
    root = synced_root(path)
    if root is None:
        return None
    git = Git(root)
    merge = _merge_attribute(git, path)
    if merge != DRIVER:
        return (
            f"git would merge {path.name} line by line (its merge attribute is {merge}); "
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
    """Install or repair the driver for `path`'s clone; what was fixed, for the user.

    Only where git tracks the data file (`sync --init` adds it first). Raises
    `SyncError` when git itself fails. Writes inside `.git` only.
    """
    root = synced_root(path)
    if root is None:
        return []
    git = Git(root)
    fixed = []
    info_attributes = _git_path(git, "info/attributes")
    ours = attribute_line(relative_to(git, path))
    if _merge_attribute(git, path) != DRIVER or ours not in _lines(info_attributes):
        _put_last(info_attributes, ours)
        fixed.append(".git/info/attributes")
    exclude = _git_path(git, "info/exclude")
    missing = [line for line in ignored_patterns(git, path) if line not in _lines(exclude)]
    if missing:
        _write_lines(exclude, [*_lines(exclude), *missing])
        fixed.append(".git/info/exclude")
    if git.config(f"merge.{DRIVER}.driver") != driver_command():
        git.run("config", f"merge.{DRIVER}.name", "loopdeck record-level merge")
        git.run("config", f"merge.{DRIVER}.driver", driver_command())
        fixed.append("git config")
    keep_in_git(path, git.git_dir())
    return fixed


def committed_overrides(path: Path) -> list[str]:
    """Committed attributes that would switch the driver off, were it not for ours.

    Asked of git itself, over the work tree's `.gitattributes` files but with an
    empty git folder, so `.git/info/attributes` does not hide them. One
    sentence per finding, naming the lines; empty when there are none.
    """
    root = synced_root(path)
    if root is None:
        return []
    git = Git(root)
    relative = relative_to(git, path)
    with tempfile.TemporaryDirectory(prefix="loopdeck-attr-") as scratch:
        Git(Path(scratch)).run("init", "--quiet", "--bare", scratch)
        done = git.run(
            f"--git-dir={scratch}", f"--work-tree={root}", "check-attr", "merge", "--", relative
        )
    merge = done.stdout.strip().rsplit(": ", 1)[-1]
    if merge in FINE:
        return []
    named = "; ".join(_attribute_lines(root, path)) or "a .gitattributes file"
    return [
        f"committed attributes give {path.name} merge: {merge} ({named}), which would "
        "switch loopdeck's merge driver off; loopdeck's line in .git/info/attributes "
        "overrides it, but the line should go"
    ]


def symlinked_files(path: Path) -> list[str]:
    """`.gitattributes` and `.gitignore` files on the data file's way that are symbolic links.

    git ignores them and loopdeck never writes through them; a remote that
    committed one is worth a word in `check`.
    """
    root = synced_root(path)
    if root is None:
        return []
    found = []
    for folder in _folders(root, path):
        for name in (".gitattributes", ".gitignore"):
            file = folder / name
            if file.is_symlink():
                where = file.relative_to(root).as_posix()
                found.append(
                    f"{where} is a symbolic link (to {file.readlink()}); git does not follow "
                    "it and loopdeck never writes through it"
                )
    return found


def _merge_attribute(git: Git, path: Path) -> str:
    done = git.run("check-attr", "merge", "--", relative_to(git, path), check=False)
    return done.stdout.strip().rsplit(": ", 1)[-1] if done.returncode == 0 else "unknown"


def _attribute_lines(root: Path, path: Path) -> list[str]:
    """Lines of the `.gitattributes` files on the way to `path` that set `merge` or `binary`."""
    lines = []
    for folder in _folders(root, path):
        file = folder / ".gitattributes"
        if file.is_symlink() or not file.is_file():
            continue
        where = file.relative_to(root).as_posix()
        for line in _lines(file):
            words = line.split()
            if any(w.lstrip("-!").split("=")[0] in ("merge", "binary") for w in words[1:]):
                lines.append(f"{where}: '{line.strip()}'")
    return lines


def _folders(root: Path, path: Path) -> list[Path]:
    """The work tree's top and every folder down to the data file's."""
    folder = in_tree(path).parent
    chain = [folder, *folder.parents]
    return list(reversed(chain[: chain.index(root) + 1])) if root in chain else [root]


def _git_path(git: Git, name: str) -> Path:
    """A file in the git folder (the common one for `info/`, as worktrees share it)."""
    return git.cwd / git.out("rev-parse", "--git-path", name)


def _lines(file: Path) -> list[str]:
    try:
        return file.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, UnicodeDecodeError):
        return []


def _put_last(file: Path, line: str) -> None:
    """`line` at the end of `file` (later lines win), once; the user's other lines kept."""
    _write_lines(file, [*(kept for kept in _lines(file) if kept != line), line])


def _write_lines(file: Path, lines: list[str]) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    jsonfile.write_bytes_atomic(file, ("\n".join(lines) + "\n").encode("utf-8"), durable=False)
