"""Hybrid logical clock stamps: `"<ms:013d>-<counter:04d>-<replica>"`.

A merge keeps the value with the newest stamp, so stamps must sort as plain
strings and must never go backwards on one machine, even when the wall clock
does (NTP step, a laptop waking up). The counter orders writes within one
millisecond or while the wall clock lags behind a stamp already seen; the
replica id breaks ties between machines deterministically.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MAX_COUNTER = 9999


def wall_ms() -> int:
    """Milliseconds since the epoch, from the system clock."""
    return time.time_ns() // 1_000_000


def parse_stamp(stamp: str) -> tuple[int, int]:
    """The (milliseconds, counter) part of a stamp; raises ValueError if malformed."""
    ms, counter, _replica = stamp.split("-", 2)
    return int(ms), int(counter)


class HybridClock:
    """Issues strictly increasing stamps for one replica."""

    def __init__(self, replica: str, wall: Callable[[], int] = wall_ms) -> None:
        self.replica = replica
        self._wall = wall
        self._ms = 0
        self._counter = 0

    def observe(self, stamp: object) -> None:
        """Remember a stamp seen in the data so that the next one sorts after it.

        Anything that is not a well-formed stamp (a hand edit) is ignored: the
        next stamp is then simply taken from the wall clock.
        """
        if not isinstance(stamp, str):
            return
        try:
            seen = parse_stamp(stamp)
        except ValueError:
            return
        if seen > (self._ms, self._counter):
            self._ms, self._counter = seen

    def now(self) -> str:
        """A new stamp, later than every stamp issued or observed so far."""
        wall = self._wall()
        if wall > self._ms:
            self._ms, self._counter = wall, 0
        elif self._counter < MAX_COUNTER:
            self._counter += 1
        else:
            self._ms, self._counter = self._ms + 1, 0
        return f"{self._ms:013d}-{self._counter:04d}-{self.replica}"
