"""What a sync brought in, counted the way the user thinks: loops and kept conflicts.

"Pulled 3 commits" says little; "changes to 2 loops, 1 conflict kept" says
what to look at. A round, contact or log entry counts for the loop it belongs to.
"""

from __future__ import annotations

from typing import Any

from storage.codec import CHILD_TABLES

PROCESSES = "processes"


def loops_changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """Ids of the loops whose process or any of its records differ between the versions."""
    changed: set[str] = set()
    for table in (PROCESSES, *CHILD_TABLES):
        old, new = before.get(table, {}), after.get(table, {})
        for record_id in set(old) | set(new):
            record = new.get(record_id) or old.get(record_id) or {}
            if old.get(record_id) != new.get(record_id):
                changed.add(record_id if table == PROCESSES else str(record.get("process_id")))
    return changed


def conflicts_kept(document: dict[str, Any]) -> int:
    """How many overwritten values the document keeps for the user to review."""
    return sum(
        len(record.get("_conflicts") or [])
        for table in (PROCESSES, *CHILD_TABLES)
        for record in document.get(table, {}).values()
        if isinstance(record, dict)
    )
