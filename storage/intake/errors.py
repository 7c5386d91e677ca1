"""The one error of reading an invite or a mail: a sentence naming the file."""

from __future__ import annotations

from storage.errors import StorageError


class IntakeError(StorageError):
    """The file or text cannot be read as an invite or a mail; the sentence says why."""
