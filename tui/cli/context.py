"""What every command gets: the data file, today, and the repository opened once."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from planner.dates import parse_date
from planner.models import Loop
from storage.repository import Repository


class CliError(Exception):
    """A user mistake the storage and planner cannot see (e.g. 'no round to mark done')."""


@dataclass
class Context:
    """The data file a command works on, and 'today' read once per run.

    The repository opens lazily: `check` and future commands such as a merge
    driver may want the path without loading the file.
    """

    db_path: Path
    today: dt.date
    _repo: Repository | None = field(default=None, repr=False)

    @property
    def repo(self) -> Repository:
        if self._repo is None:
            self._repo = Repository.open(self.db_path)
        return self._repo

    def readable_repo(self) -> Repository:
        """The repository for a read; a read-only file still shows what it can, with a warning.

        A damaged file shows nothing, so the warning is what keeps an empty list
        from reading as "no loops".
        """
        repo = self.repo
        if repo.read_only is not None:
            sys.stderr.write(f"loopdeck: warning: {repo.read_only}\n")
        return repo

    def loop(self, query: str) -> Loop:
        """The loop a PROCESS argument names (id prefix or part of 'company / role')."""
        return self.repo.loop(self.repo.find_process(query).id)

    def date(self, text: str | None) -> dt.date:
        """A date option as the user typed it, or today when it was left out."""
        return self.today if text is None else parse_date(text, self.today)
