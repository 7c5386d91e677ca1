"""Write a change's `Patch` as one transaction: one atomic write, one undo step.

Inserts are written whole. An Update's record is the loaded record with the
fields it names changed, and the transaction keeps only the values that
differ from the file as loaded: exactly those fields, so a value another
window wrote meanwhile to another field survives. A Remove is a tombstone.
"""

from __future__ import annotations

from planner.changes.base import Insert, Patch, Remove, Update
from storage.repository import Repository


def apply_patch(repo: Repository, patch: Patch) -> None:
    """Write `patch` under its label; an empty patch writes nothing."""
    if patch.empty:
        return
    with repo.transaction(patch.label) as tx:
        for write in patch.writes:
            if isinstance(write, Insert | Update):
                tx.put(write.record)
            elif isinstance(write, Remove):
                tx.delete(write.record)
