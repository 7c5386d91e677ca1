"""What the loops filter (`/`) understands: words, `owner:` and `signal:`.

Every word of the filter must match (an AND), so `owner:hm cooling` narrows
to the hiring managers' loops that say "cooling" somewhere. A plain word is
looked for in the company, role, stage, tags, the next step, people's names
and the log's text. `owner:rec|hm|me` asks whose court the loop's state is
in; `signal:NAME` asks for a signal of the state or of one of my to-dos
(`follow-up`, `follow_up` and `followup` are the same name).

The filter is parsed once per change of its text and each row keeps its
text to search in, so typing stays fast on a long list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from planner.signals import Owner, Signal

OWNER_WORDS = {
    "rec": Owner.RECRUITER,
    "recruiter": Owner.RECRUITER,
    "hm": Owner.HIRING_MANAGER,
    "hiring_manager": Owner.HIRING_MANAGER,
    "manager": Owner.HIRING_MANAGER,
    "me": Owner.ME,
}
"""The words `owner:` takes, as the header badges (REC, HM, ME) and the owners' names say them."""


def _squash(word: str) -> str:
    return word.casefold().replace("-", "").replace("_", "")


SIGNAL_WORDS = {_squash(signal.value): signal for signal in Signal}


@dataclass(frozen=True)
class RowFilter:
    """A parsed filter: the words to find, and the owners and signals asked for."""

    words: tuple[str, ...] = ()
    owners: frozenset[Owner] | None = None
    """None: any owner; empty: an `owner:` word that names nobody, so nothing matches."""
    signals: frozenset[Signal] | None = None

    def matches(self, haystack: str, owner: Owner | None, signals: frozenset[Signal]) -> bool:
        """Whether a loop with this searchable text, state owner and signals passes."""
        if self.owners is not None and owner not in self.owners:
            return False
        if self.signals is not None and not (self.signals & signals):
            return False
        return all(word in haystack for word in self.words)


@lru_cache(maxsize=64)
def parse(text: str) -> RowFilter:
    """Split the filter's text into words, `owner:` and `signal:` terms."""
    words: list[str] = []
    owners: set[Owner] | None = None
    signals: set[Signal] | None = None
    for word in text.casefold().split():
        key, colon, value = word.partition(":")
        if colon and key in ("owner", "signal") and not value:
            continue  # still being typed: `owner:` alone narrows nothing yet
        if colon and key == "owner":
            found = OWNER_WORDS.get(value.replace("-", "_"))
            owners = (owners or set()) | ({found} if found else set())
        elif colon and key == "signal":
            signal = SIGNAL_WORDS.get(_squash(value))
            signals = (signals or set()) | ({signal} if signal else set())
        else:
            words.append(word)
    return RowFilter(
        tuple(words),
        frozenset(owners) if owners is not None else None,
        frozenset(signals) if signals is not None else None,
    )
