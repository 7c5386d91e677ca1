"""Say by hand who owns a loop's next step, with a note shown beside it (`owner`, `o`).

The rules guess the owner from the loop's state; the user sometimes knows
better ("Maya said decision by Friday"). An override wins until it is cleared;
clearing it drops its note, which only ever explained the override.
"""

from __future__ import annotations

import datetime as dt

from planner.changes.base import Patch, Refused, update
from planner.models import Loop, Owner, ProcessStatus
from planner.owner_words import owner_words


def set_owner(loop: Loop, today: dt.date, owner: Owner | None, note: str = "") -> Patch:
    """Override the owner (None: the rules decide again)."""
    process = loop.process
    if process.status == ProcessStatus.CLOSED:
        raise Refused(f"{process.title} is closed: it has no next step to own", "owner_override")
    note = note.strip() if owner is not None else ""
    title = process.title
    if owner is None:
        label, summary = f"owner of {title}: auto", f"{title}: the owner follows the rules again"
    else:
        label = f"owner of {title}: {owner.value}"
        summary = f"{title}: next step owned by {owner_words(owner, True, note)}"
    writes = update(process, owner_override=owner, override_note=note)
    return Patch(label, writes, summary, focus=process.id)
