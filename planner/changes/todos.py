"""Tick off a to-do of mine: a promise I made is done (`did`).

Which promise: its log-line handle (`l3`, as `show` prints it beside the
to-do), or a word of its text; with one open promise, none needs naming. A
pacing to-do (telling a recruiter about another loop's offer deadline) is not
ticked off here: it is done by logging the telling (`planner.changes.told`),
which is what every other loop's pacing rule reads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from planner.changes.base import Patch, Refused
from planner.changes.log import keep_promise
from planner.handles import handles
from planner.models import Event, EventKind, Loop
from planner.pacing import Deadline, reminders

_HANDLE = re.compile(r"[a-z]\d+")


def open_promises(loop: Loop) -> list[Event]:
    """My promises in this loop not yet kept, in log order (the order of their handles)."""
    return [e for e in loop.log() if e.kind == EventKind.PROMISE and not e.done]


def tick_off(
    loop: Loop,
    today: dt.date,
    which: str | None = None,
    deadlines: Sequence[Deadline] = (),
) -> Patch:
    """Mark the promise `which` names as done, as one undo step.

    `deadlines` are all loops' open offer deadlines (`pacing.open_deadlines`):
    a word that only names a pacing to-do gets a refusal saying how that one is
    done, rather than "no such to-do".
    """
    title = loop.process.title
    promises = open_promises(loop)
    if not promises:
        raise Refused(f"{title} has no open promise to tick off", "which")
    of = handles(loop).of
    listed = _listed(promises, of)
    if which is None or not which.strip():
        if len(promises) > 1:
            raise Refused(
                f"{title} has {len(promises)} open promises: {listed}; say which", "which"
            )
        return keep_promise(loop, today, promises[0].id)
    word = which.strip()
    wanted = word.casefold()
    if _HANDLE.fullmatch(wanted):
        found = next((e for e in promises if of(e.id) == wanted), None)
        if found is None:
            raise Refused(f"{wanted} is not an open promise of {title} (open: {listed})", "which")
        return keep_promise(loop, today, found.id)
    matches = [e for e in promises if wanted in e.text.casefold()]
    if len(matches) == 1:
        return keep_promise(loop, today, matches[0].id)
    if matches:
        raise Refused(
            f"'{word}' matches {len(matches)} open promises of {title}: "
            f"{_listed(matches, of)}; name one by its handle",
            "which",
        )
    pacing = [r for r in reminders(loop, deadlines, today) if wanted in r.what.casefold()]
    if pacing:
        raise Refused(
            f"'{pacing[0].what}' is done by logging the telling (told), not ticked off",
            "which",
        )
    raise Refused(f"'{word}' names no open promise of {title} (open: {listed})", "which")


def _listed(promises: Sequence[Event], handle_of: Callable[[str], str]) -> str:
    """The promises with their handles (l2 'Thank-you note'), for a user to pick one."""
    return ", ".join(f"{handle_of(e.id)} '{e.text}'" for e in promises)
