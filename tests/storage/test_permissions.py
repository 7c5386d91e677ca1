"""Files loopdeck creates about the data are no more readable than the data file.

The undo journal holds old values of the loops and the model cache holds all
of them; with the data file at 0600 they used to be left at 0644, readable by
every account on the machine.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from storehelp import process

from storage import modelcache
from storage.repository import Repository
from storage.undo import journal_path


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def big_file(path: Path) -> None:
    """Large enough for the model cache to be written (it skips small files)."""
    repo = Repository.open(path)
    with repo.transaction("many loops") as tx:
        for n in range(80):
            tx.put(process(f"Company {n}", notes="x" * 4000))


@pytest.mark.parametrize(
    ("data_mode", "side_mode"), [(0o600, 0o600), (0o640, 0o600), (0o644, 0o600)]
)
def test_journal_lock_and_cache_get_the_data_files_mode_or_0600(
    db_path: Path, private_cache: Path, data_mode: int, side_mode: int
) -> None:
    big_file(db_path)
    db_path.chmod(data_mode)
    journal_path(db_path).chmod(0o644)  # as an older version left it
    (db_path.parent / "loopdeck.lock").chmod(0o644)

    repo = Repository.open(db_path)
    with repo.transaction("one more") as tx:
        tx.put(process("Acme"))
    Repository.open(db_path)  # a read of the new version caches its models

    assert mode(db_path) == data_mode
    assert mode(journal_path(db_path)) == side_mode
    assert mode(db_path.parent / "loopdeck.lock") == 0o600
    cache = modelcache.cache_path(db_path)
    assert cache.exists() and mode(cache) == side_mode
    assert mode(cache.parent) == 0o700
