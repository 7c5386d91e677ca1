"""I sent a draft: a SENT touch to its person (`draft --sent`, "mark sent" on the draft screen).

The event is `Draft.sent_event`: a deadline draft also names the loop with the
offer, so it counts as telling that loop's recruiter (`planner.pacing.told`).
Several drafts sent together (the offer broadcast) are one patch: one undo step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.changes.base import Insert, Patch, Refused
from planner.drafts import Draft


def log_sent(drafts: Sequence[Draft], today: dt.date) -> Patch:
    """The SENT touches of `drafts`, logged today."""
    if not drafts:
        raise Refused("there is no draft to log as sent", "draft")
    kind = drafts[0].kind.value
    label = f"sent {kind} draft" + ("s" if len(drafts) > 1 else "")
    names = ", ".join(d.to.name for d in drafts)
    return Patch(
        label,
        tuple(Insert(d.sent_event(today)) for d in drafts),
        f"Logged the {kind} draft as sent ({names})",
        focus=drafts[0].process_id,
    )
