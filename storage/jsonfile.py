"""The data file on disk: a strict reader and a crash-safe writer.

Reading is strict because a file that git merged badly or an editor cut short
must never be "repaired" by silently dropping data: every doubt becomes a
`DataFileError` and the caller opens the file read-only. Writing goes to a
temp file in the same folder, is fsynced, then `os.replace`d over the old file
and the folder fsynced, so a crash at any moment leaves the old or the new file
whole. A crash can leave a temp file behind; `remove_stale_temps` sweeps them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from storage.errors import DataFileError

DUMP_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
CONFLICT_MARKER = re.compile(rb"^(<<<<<<<|=======|>>>>>>>|\|\|\|\|\|\|\|)", re.MULTILINE)


@dataclass
class Fingerprint:
    """Identity of one version of the file: a `git pull` or another window changes it."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, stat: os.stat_result) -> Fingerprint:
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns)


@dataclass
class Written:
    """One version of the file as this machine wrote it: its fingerprint and change time.

    Unlike the modification time, no tool can set the change time back, so a
    file that still has both holds exactly the bytes we wrote.
    """

    fingerprint: Fingerprint
    changed_ns: int
    layout: tuple[tuple[str, int], ...] | None = field(default=(), compare=False)
    """Where each table of the bytes ends, when the write knew (`storage.canonical`);
    None when an id in them is one JSON escapes, which cannot be found by its bytes."""

    @classmethod
    def of(cls, stat: os.stat_result) -> Written:
        return cls(Fingerprint.of(stat), stat.st_ctime_ns)

    @classmethod
    def settled(cls, path: Path, written: Fingerprint) -> Written | None:
        """The version just written to `path`, once renamed into place; None if it is not there.

        Taken after the rename, which may itself move the change time.
        """
        try:
            found = cls.of(os.stat(path))
        except OSError:
            return None
        return found if found.fingerprint == written else None


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's current fingerprint, or None when it does not exist or cannot be reached.

    A symbolic link counts as the file it points to (a link to itself as no file).
    """
    try:
        return Fingerprint.of(os.stat(path))
    except OSError:
        return None


def encode(data: Mapping[str, Any]) -> bytes:
    """The canonical bytes: sorted keys, 2-space indent, LF, trailing newline (clean diffs)."""
    return orjson.dumps(data, option=DUMP_OPTIONS)


def read_strict(path: Path, ours: Fingerprint | None = None) -> tuple[dict[str, Any], Fingerprint]:
    """Parse the file or raise `DataFileError`; a missing file raises FileNotFoundError.

    The fingerprint is taken from the open descriptor, so it belongs to exactly
    the bytes read even if the file is replaced meanwhile. `ours` is the
    fingerprint of our own last write: if the file still has it, its bytes are
    our canonical encoding (see `decode`).
    """
    raw, stamp = read_bytes(path)
    return decode(raw, path.name, canonical=stamp == ours), stamp


def read_bytes(path: Path) -> tuple[bytes, Fingerprint]:
    """The file's bytes and the fingerprint of exactly those bytes (from the open descriptor)."""
    with opened(path) as (handle, stat):
        raw = handle.read()
    return raw, Fingerprint.of(stat)


@contextmanager
def opened(path: Path) -> Iterator[tuple[BinaryIO, os.stat_result]]:
    """The file open for reading, with its status taken from the open descriptor.

    For a reader that may not need the bytes at all (the model cache has this
    version): whatever it reads through the handle is the version the status
    describes, even if the file is replaced meanwhile.
    """
    with open(path, "rb") as handle:
        yield handle, os.fstat(handle.fileno())


def decode(raw: bytes, name: str, canonical: bool = False) -> dict[str, Any]:
    """Strictly parse the bytes of a file called `name`.

    `canonical=True` promises the bytes came from `encode` (we wrote them and
    nobody changed them since), which rules out duplicate keys.
    """
    if not raw or raw.isspace():  # isspace stops at the first other byte; strip would copy
        raise DataFileError(f"{name} is empty; restore it from git or a backup")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise DataFileError(_describe_parse_error(raw, name, error)) from None
    if not isinstance(data, dict):
        raise DataFileError(f"{name} does not hold a JSON object; is it a loopdeck file?")
    # orjson keeps the last of two equal keys without a word. A file we wrote
    # ourselves re-encodes to the same bytes, which proves it has no duplicate;
    # only a file edited by hand or by a merge pays for the slower check.
    if not canonical and encode(data) != raw:
        _reject_duplicate_keys(raw, name)
    return data


def _describe_parse_error(raw: bytes, name: str, error: orjson.JSONDecodeError) -> str:
    marker = CONFLICT_MARKER.search(raw)
    if marker is not None:
        line = raw.count(b"\n", 0, marker.start()) + 1
        return (
            f"{name} line {line}: git conflict markers; run 'loopdeck conflicts --from-git' "
            "to finish the merge"
        )
    if error.pos >= len(raw.rstrip()):
        return f"{name} ends too early (truncated); restore it from git or a backup"
    return (
        f"{name} line {error.lineno}: not valid JSON ({error.msg}); "
        "fix it by hand or restore it from git"
    )


def _reject_duplicate_keys(raw: bytes, name: str) -> None:
    import json  # the slow path of a file edited by hand: its import waits until then

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise DataFileError(
                    f"{name}: key '{key}' appears twice in one object; keep one and save"
                )
            seen[key] = value
        return seen

    json.loads(raw, object_pairs_hook=no_duplicates)


def temp_prefix(path: Path) -> str:
    """Temp files are hidden siblings named after the data file, so a sweep finds them."""
    return f".{path.name}."


def temp_path(path: Path) -> Path:
    """A fresh hidden sibling for a write to land in before it replaces `path`."""
    return path.with_name(f"{temp_prefix(path)}{os.urandom(16).hex()}.tmp")


def write_atomic(
    path: Path, data: Mapping[str, Any], durable: bool = True, mode: int | None = None
) -> Fingerprint:
    """Replace the file with `data` so that a crash leaves the old or the new version whole.

    `durable=False` skips both fsyncs: still atomic against a crashed process,
    but a power cut may bring back the previous version. For local side files
    (the undo journal) where that costs little and the fsyncs cost an add's time.
    `mode`: the permissions to give the file; by default it keeps its own.
    """
    return write_bytes_atomic(path, encode(data), durable, mode)


def write_bytes_atomic(
    path: Path, payload: bytes, durable: bool = True, mode: int | None = None
) -> Fingerprint:
    """`write_atomic` for bytes already encoded (caches write pickles and compact JSON)."""
    return write_parts_atomic(path, [payload], durable, mode)


def write_parts_atomic(
    path: Path,
    parts: Sequence[bytes | memoryview],
    durable: bool = True,
    mode: int | None = None,
) -> Fingerprint:
    """`write_bytes_atomic` for the bytes of `parts`, one after the other.

    A symbolic link stays a link: the file it points to is the one replaced,
    by a temp file beside it, so the rename stays atomic on its file system.
    """
    target = real_file(path)
    temp = temp_path(target)
    wanted = _mode_of(target) if mode is None else mode
    # Private until it has its permissions; a new data file gets the umask's, like any file.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if wanted is not None else 0o666)
    try:
        try:
            if wanted is not None:
                os.fchmod(fd, wanted)
            for part in parts:
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
            written = Fingerprint.of(os.fstat(fd))
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_folder(target.parent)
    return written


def real_file(path: Path) -> Path:
    """The file a path names: itself, or the end of its chain of symbolic links.

    A link that loops is returned as it is; opening it then fails with ELOOP.
    """
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _mode_of(path: Path) -> int | None:
    """The permissions the user gave the file, to keep; None for a new file."""
    try:
        return os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        return None


def side_file_mode(data_path: Path) -> int:
    """Permissions for a file loopdeck keeps beside or about the data (journal, lock, caches).

    They hold the same loops, so they are no more open than the data file,
    and never more than 0600: the data file's owner bits, none for others.
    """
    try:
        return os.stat(data_path).st_mode & 0o600
    except OSError:
        return 0o600


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable: without it a power cut can bring back the old file.

    Best effort: the new file is in place already, and a folder that may be
    written but not read (mode 0311) cannot be opened to fsync it. Failing
    here would report a save that happened as one that did not.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> int:
    """Delete temp files a crashed write of `path` left behind; only while holding the lock."""
    removed = 0
    target = real_file(path)
    prefix = temp_prefix(target)
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                continue
    return removed


def has_stale_temps(path: Path) -> bool:
    """Whether a crashed write of `path` left a temp file behind (a cheap look, no lock)."""
    target = real_file(path)
    prefix = temp_prefix(target)
    try:
        return any(
            name.startswith(prefix) and name.endswith(".tmp") for name in os.listdir(target.parent)
        )
    except OSError:
        return False
