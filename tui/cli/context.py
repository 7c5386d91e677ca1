"""What every command gets: the data file, today, and the repository opened once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner.dates import parse_date
from planner.models import Loop
from planner.offers import Offer
from planner.ownership import next_steps
from planner.steps import NextStep, Thread
from planner.threads import threads
from storage.errors import DataFileError
from storage.repository import Repository
from tui.cli.errors import CliError as CliError
from tui.cli.output import warn


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
        """The repository; a file that cannot be read at all is an error, not an empty list."""
        if self._repo is None:
            self._repo = Repository.open(self.db_path)
        if self._repo.unreadable is not None:
            raise DataFileError(self._repo.unreadable)
        return self._repo

    def notices(self) -> list[str]:
        """What the repository had to say about writes that succeeded with a flaw."""
        return self._repo.notices if self._repo is not None else []

    def warn_if_read_only(self) -> None:
        """Before a read: a file that cannot be written still shows its loops, with a warning."""
        if self.repo.read_only is not None:
            warn(self.repo.read_only)

    def steps(self, loops: list[Loop] | None = None) -> dict[str, NextStep]:
        """Every open loop's state by process id, most urgent first."""
        repo = self.repo
        loops = repo.loops() if loops is None else loops
        return {step.process_id: step for step in next_steps(loops, self.today, repo.settings())}

    def threads(self, loops: list[Loop] | None = None) -> list[Thread]:
        """Every open loop's state and my to-dos, most urgent first.

        Always computed over all open loops at once, even for `show`: one loop's
        offer deadline is a to-do in every other loop. Pass `loops` (which must
        hold every open loop) when the caller has them already: loading them
        is the slow part of a run on a big file.
        """
        repo = self.repo
        loops = repo.loops() if loops is None else loops
        return threads(loops, self.today, repo.settings(), repo.records(Offer))

    def loop(self, query: str) -> Loop:
        """The loop a PROCESS argument names (id prefix or part of 'company / role')."""
        return self.repo.loop(self.repo.find_process(query).id)

    def date(self, text: str | None) -> dt.date:
        """A date option as the user typed it, or today when it was left out."""
        return self.today if text is None else parse_date(text, self.today)
