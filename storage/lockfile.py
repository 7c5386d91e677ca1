"""The lock file beside the data file: an OS lock on it, held by one writer at a time.

Why not a library: every write of the command line imports its lock, and
`filelock` 4 costs more to import (about 45 ms of CPU: logging, secrets, a
dozen modules) than the rest of a small write's own work. This is the part
loopdeck uses, on the same OS lock (`flock` on POSIX, `msvcrt.locking` on
Windows), so a loopdeck that still locks through `filelock` excludes this
one and the other way round.

What it keeps of `filelock`'s behaviour, because the repository relies on it:
- re-entrant: a holder that acquires again returns at once (a write reloading
  the file under the lock asks for it a second time);
- one holder per process as well: another thread of the same process waits
  as another process would;
- `acquire` returns a context manager that releases, and raises `Timeout`
  when the lock stays busy.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from types import TracebackType

POLL_S = 0.05
"""How often a waiting writer tries again."""


class Timeout(TimeoutError):
    """The lock stayed busy for the whole timeout."""

    def __init__(self, lock_file: str) -> None:
        super().__init__(f"the lock {lock_file} is held by another writer")
        self.lock_file = lock_file


class FileLock:
    """An exclusive lock on `lock_file`, created with `mode` when missing."""

    def __init__(self, lock_file: str | os.PathLike[str], timeout: float = -1, mode: int = 0o644):
        self.lock_file = os.fspath(lock_file)
        self.timeout = timeout
        self.mode = mode
        self._fd: int | None = None
        self._count = 0
        self._owner: int | None = None
        self._guard = threading.Lock()

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float | None = None) -> _Held:
        """Take the lock, waiting up to `timeout` seconds (the lock's own when None; <0: forever).

        Raises `Timeout` when it stays busy, `OSError` when the lock file
        cannot be made or opened (a read-only folder). A missing folder is made.
        """
        timeout = self.timeout if timeout is None else timeout
        me = threading.get_ident()
        deadline = time.monotonic() + timeout
        while True:
            with self._guard:
                if self._owner == me:
                    self._count += 1
                    return _Held(self)
                if self._owner is None and self._try_lock():
                    self._owner, self._count = me, 1
                    return _Held(self)
            left = deadline - time.monotonic()
            if timeout >= 0 and left <= 0:
                raise Timeout(self.lock_file)
            time.sleep(POLL_S if timeout < 0 else min(POLL_S, left))

    def release(self) -> None:
        """Give back one acquire; the OS lock goes with the last."""
        with self._guard:
            if self._owner != threading.get_ident() or self._count == 0:
                return
            self._count -= 1
            if self._count == 0:
                fd, self._fd, self._owner = self._fd, None, None
                if fd is not None:
                    _unlock(fd)
                    os.close(fd)

    def _try_lock(self) -> bool:
        os.makedirs(os.path.dirname(self.lock_file) or ".", exist_ok=True)  # as filelock does
        fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, self.mode)
        if _lock(fd):
            self._fd = fd
            return True
        os.close(fd)
        return False

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()


class _Held:
    """What `acquire` returns: `with lock.acquire(...):` releases on the way out."""

    def __init__(self, lock: FileLock) -> None:
        self._lock = lock

    def __enter__(self) -> FileLock:
        return self._lock

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._lock.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
