"""Commands and the model cache: reads keep it current, writes never spend time on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clihelp import Cli

from planner.models import Event, Process
from storage import modelcache
from storage.repository import SAVE_AFTER_STEPS, Repository


def large_file(path: Path) -> None:
    """A file above the size the model cache starts at."""
    repo = Repository.open(path)
    with repo.transaction("fill") as tx:
        for number in range(14):
            loop = Process(company=f"Acme {number}", role="ML Engineer", created_on="2026-03-01")
            tx.put(loop)
            for day in range(1, 28):
                tx.put(Event(process_id=loop.id, on=dt.date(2026, 2, day), text="Sent a note"))
    assert path.stat().st_size >= modelcache.MIN_BYTES


def test_a_read_refreshes_the_cache_and_a_write_leaves_it(cli: Cli, db_path: Path) -> None:
    large_file(db_path)
    cache = modelcache.cache_path(db_path)
    assert not cache.exists()

    assert cli("next", "--json").code == 0
    assert cache.exists()
    cached = cache.read_bytes()

    assert cli("log", "acme 3", "Sent availability").code == 0
    assert cli("log", "acme 4", "Sent availability").code == 0  # opens a version not cached
    assert cache.read_bytes() == cached  # not rewritten for a version nobody has read yet

    # The journal holds what those writes wrote: a read catches the cache up from it,
    # reading nothing of the file, and leaves the cache as it is for the next read to do so.
    assert cli("list").code == 0
    assert cache.read_bytes() == cached
    for number in range(SAVE_AFTER_STEPS - 2):
        assert cli("log", "acme 3", f"Reminder {number}").code == 0
    assert cli("list").code == 0
    assert cache.read_bytes() != cached  # that many writes on, the read brought it up to date
    assert cli("next", "--json").code == 0
