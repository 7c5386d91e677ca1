"""What can go wrong in storage, each carrying one sentence a person can act on.

The command line prints `str(error)` on one line and the app shows it in a
notification, so messages name the file and the fix, never a traceback.
"""

from __future__ import annotations


class StorageError(Exception):
    """Base of every storage failure; its text is one clear sentence."""


class DataFileError(StorageError):
    """The data file cannot be trusted (damaged, conflicted, too new); nothing is written."""


class ReadOnlyError(StorageError):
    """A write was attempted on a repository opened read-only; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotFoundError(StorageError):
    """A loop or record the user named does not exist (or was deleted)."""


class AmbiguousError(StorageError):
    """A name matches several loops; `candidates` are their titles, for the user to choose."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates
