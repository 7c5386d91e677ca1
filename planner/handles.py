"""Short names for a loop's items: rounds `r1`, people `p1`, log lines `l1`, questions `q1`,
talking points `t1`.

`show` prints each handle beside its item and `loopdeck forget`, `move`, `cancel`
take them back, so a user can point at "the second round" without an id. The
numbers follow the order the items are listed in (`show`, the app's panes):
the timeline by date with undated rounds last, people by role then name, the
log by date, questions as `prep` numbers them (open first), talking points by
audience then text. A handle therefore names the same item as long as nothing
is added or moved in between: read it from a fresh `show`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from planner.changes.base import Refused
from planner.dates import day_words
from planner.models import Contact, Event, Loop, Record, Round, RoundStatus
from planner.prep import Audience, Question, TalkingPoint, numbered
from planner.rounds import current_round
from planner.roundwords import ROUND_ALIASES

PREFIXES = {"r": "rounds", "p": "people", "l": "log lines", "q": "questions", "t": "talking points"}
KNOWN = "r1 (a round), p1 (a person), l1 (a log line), q1 (a question), t1 (a talking point)"
_HANDLE = re.compile(r"([a-z])(\d+)")
_OPEN = (RoundStatus.PLANNED, RoundStatus.SCHEDULED)


@dataclass(frozen=True)
class Handles:
    """One loop's items by handle, and back."""

    title: str
    items: dict[str, Record]

    def of(self, record_id: str) -> str:
        """The handle of the item with this id ("" when it has none)."""
        for handle, record in self.items.items():
            if record.id == record_id:
                return handle
        return ""

    def find(self, text: str) -> Record:
        """The item a handle names, or a refusal saying which handles exist."""
        wanted = text.strip().casefold()
        match = _HANDLE.fullmatch(wanted)
        if match is None or match.group(1) not in PREFIXES:
            raise Refused(f"'{text.strip()}' is not an item handle (use {KNOWN})", "item")
        found = self.items.get(wanted)
        if found is None:
            raise Refused(f"{self.title} has no item {wanted} ({self.summary()})", "item")
        return found

    def summary(self) -> str:
        """'rounds r1-r3, people p1-p2, no log lines, ...': what exists, for a refusal."""
        parts = []
        for prefix, noun in PREFIXES.items():
            count = sum(1 for handle in self.items if handle[0] == prefix)
            if count == 0:
                parts.append(f"no {noun}")
            elif count == 1:
                parts.append(f"{noun} {prefix}1")
            else:
                parts.append(f"{noun} {prefix}1-{prefix}{count}")
        return ", ".join(parts)


def talking_point_order(points: Iterable[TalkingPoint]) -> list[TalkingPoint]:
    """Talking points as listed: the recruiter's first, then the hiring manager's, by text."""
    order = list(Audience)
    return sorted(points, key=lambda p: (order.index(p.audience), p.text.casefold(), p.id))


def handles(
    loop: Loop, questions: Iterable[Question] = (), points: Iterable[TalkingPoint] = ()
) -> Handles:
    """Every item of the loop with its handle, in display order."""
    groups: list[tuple[str, list[Record]]] = [
        ("r", list(loop.timeline_by_date())),
        ("p", list(loop.people())),
        ("l", list(loop.log())),
        ("q", list(numbered([q for q in questions if q.process_id == loop.process.id]))),
        ("t", list(talking_point_order(p for p in points if p.process_id == loop.process.id))),
    ]
    items = {
        f"{prefix}{number}": record
        for prefix, records in groups
        for number, record in enumerate(records, start=1)
    }
    return Handles(loop.process.title, items)


def find_round(loop: Loop, today: dt.date, word: str | None) -> Round:
    """The round ROUND names: a handle (`r2`), a kind word (`tech`), or none (the current one).

    A kind word picks the loop's one open round of that kind (planned or
    scheduled), else its one round of that kind at all; several of them are a
    refusal listing their handles, so the user can pick one.
    """
    title = loop.process.title
    if word is None:
        current = current_round(loop, today)
        if current is None:
            raise Refused(f"{title} has no open round; name one (e.g. r2 or tech)", "round")
        return current
    text = word.strip().casefold()
    if _HANDLE.fullmatch(text):
        found = handles(loop).find(text)
        if not isinstance(found, Round):
            raise Refused(f"{text} is not a round of {title} (rounds are r1, r2, ...)", "round")
        return found
    kind = ROUND_ALIASES.get(text)
    if kind is None:
        raise Refused(
            f"'{word.strip()}' is neither a round kind nor a handle like r2 "
            f"(kinds: {', '.join(sorted({k.value for k in ROUND_ALIASES.values()}))})",
            "round",
        )
    named = handles(loop)
    of_kind = [r for r in loop.timeline_by_date() if r.kind == kind]
    open_ones = [r for r in of_kind if r.status in _OPEN]
    candidates = open_ones or of_kind
    if not candidates:
        raise Refused(f"{title} has no {kind.label.lower()}", "round")
    if len(candidates) > 1:
        listed = ", ".join(f"{named.of(r.id)} ({_when(r, today)})" for r in candidates)
        raise Refused(
            f"{title} has {len(candidates)} rounds of kind {kind.value}: {listed}; "
            "name one by its handle",
            "round",
        )
    return candidates[0]


def _when(r: Round, today: dt.date) -> str:
    return day_words(r.date, today) if r.date else "no date"


def item_noun(record: Record) -> str:
    """What an item is called in a sentence."""
    if isinstance(record, Round):
        return record.label
    if isinstance(record, Contact):
        return record.name
    if isinstance(record, Event):
        return f"the log line '{_short(record.text)}'"
    if isinstance(record, Question):
        return f"the question '{_short(record.text)}'"
    if isinstance(record, TalkingPoint):
        return f"the talking point '{_short(record.text)}'"
    return "the item"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
