"""What every command gets: the data file, today, and the repository opened once.

The rules of next steps, pacing and projections are imported by the methods
that use them: a command that only writes (`log`, `done`, ...) never asks for
a next step, and importing those modules cost each such run about a tenth of
its time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner.dates import parse_date
from storage.errors import DataFileError
from storage.repository import Repository
from tui.cli.errors import CliError as CliError
from tui.cli.output import warn

if TYPE_CHECKING:
    from planner.models import Loop
    from planner.steps import NextStep, Thread


@dataclass
class Context:
    """The data file a command works on, and 'today' read once per run.

    The repository opens lazily: `check` and future commands such as a merge
    driver may want the path without loading the file.
    """

    db_path: Path
    today: dt.date
    _repo: Repository | None = field(default=None, repr=False)
    _opened: tuple[int, int, int] | None = field(default=None, repr=False)

    @property
    def repo(self) -> Repository:
        """The repository; a file that cannot be read at all is an error, not an empty list."""
        if self._repo is None:
            self._repo = Repository.open(self.db_path, save_cache=False)
            self._opened = self._repo.version
        if self._repo.unreadable is not None:
            raise DataFileError(self._repo.unreadable)
        return self._repo

    def notices(self) -> list[str]:
        """What the repository had to say about writes that succeeded with a flaw."""
        return self._repo.notices if self._repo is not None else []

    def done(self) -> None:
        """After the command's output: a read leaves the model cache current for the next run.

        A command that wrote leaves it alone: the cache of the version it
        wrote would cost the write its time again (a full pickle for a
        one-field edit), for a next command that may well be another write.
        """
        if self._repo is not None and self._repo.version == self._opened:
            self._repo.save_cache()

    def warn_if_read_only(self) -> None:
        """Before a read: a file that cannot be written still shows its loops, with a warning."""
        if self.repo.read_only is not None:
            warn(self.repo.read_only)

    def steps(self, loops: list[Loop] | None = None) -> dict[str, NextStep]:
        """Every open loop's state by process id, most urgent first."""
        from planner.ownership import next_steps

        repo = self.repo
        loops = repo.loops() if loops is None else loops
        return {step.process_id: step for step in next_steps(loops, self.today, repo.settings())}

    def threads(self, loops: list[Loop] | None = None) -> list[Thread]:
        """Every open loop's state and my to-dos, most urgent first.

        Computed over all open loops at once: one loop's offer deadline is a
        to-do in every other loop (`loop_threads` does the same for one loop).
        Pass `loops` (which must hold every open loop) when the caller has
        them already: loading them is the slow part of a run on a big file.
        """
        from planner.offers import Offer
        from planner.pacing import open_deadlines
        from planner.threads import threads

        repo = self.repo
        loops = repo.loops() if loops is None else loops
        offers = repo.records(Offer)
        if open_deadlines(loops, offers, self.today):
            # The pace of a projection: closed loops' rounds too, added after the open
            # loops, whose order (by title) the order of equally urgent threads keeps.
            held = {loop.process.id for loop in loops}
            history = [x for x in repo.closed_loops_for_pace() if x.process.id not in held]
            loops = [*loops, *history]
        return threads(loops, self.today, repo.settings(), offers)

    def state(self, process_id: str) -> NextStep | None:
        """One loop's state (None when closed): it depends on that loop alone."""
        from planner.ownership import next_step

        return next_step(self.repo.loop(process_id), self.today, self.repo.settings())

    def loop_threads(self, loop: Loop) -> list[Thread]:
        """One loop's state, then its to-dos, for a command about that loop.

        Other loops matter only through their open offer deadlines: those are
        gathered, and no other loop's threads are computed.
        """
        from planner.offers import Offer
        from planner.pace import observed_pace
        from planner.pacing import open_deadlines
        from planner.projection import project
        from planner.threads import loop_threads

        repo, settings = self.repo, self.repo.settings()
        deadlines = open_deadlines(repo.loops(), repo.records(Offer), self.today)
        if not deadlines:
            return loop_threads(loop, self.today, settings, deadlines)
        pace = observed_pace(repo.loops_for_pace(), settings)
        behind = project(loop, self.today, pace, deadlines)
        return loop_threads(loop, self.today, settings, deadlines, behind)

    def loop(self, query: str) -> Loop:
        """The loop a PROCESS argument names (id prefix or part of 'company / role')."""
        return self.repo.loop(self.repo.find_process(query).id)

    def date(self, text: str | None) -> dt.date:
        """A date option as the user typed it, or today when it was left out."""
        return self.today if text is None else parse_date(text, self.today)
