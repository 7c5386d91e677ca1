"""How fast my loops move, read from my own history, with defaults while it is thin.

Two things a projection needs, and where each comes from:

Days per stage kind: the funnel's durations (`durations.stage_durations`: from
the day a round began to its outcome). A kind with at least `MIN_SAMPLES`
decided rounds takes their median, and their lower and upper quartiles as
the range. A kind with fewer takes the `stage_days` setting, with a range
from half of it to twice it: a default should not pretend to be precise.

The usual sequence of rounds: the interview kinds, in timeline order, of the
loops that got as far as an offer (an offer or negotiation round, or closed
as accepted or declined). The sequence most of them share wins (ties: the
longer one, then the earlier in the usual order of kinds), once at least
`MIN_SAMPLES` such loops exist; before that, the `default_stages` setting.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planner.durations import days_taken
from planner.models import CloseReason, Loop, Round, RoundKind, RoundStatus, Settings

MIN_SAMPLES = 3
"""Below this many samples a median says more about luck than about pace."""

NOT_INTERVIEWS = frozenset({RoundKind.APPLIED, RoundKind.OFFER, RoundKind.NEGOTIATION})
"""Kinds that are not rounds still to pass: the start and the end of a loop."""

_ORDER = {kind: rank for rank, kind in enumerate(RoundKind)}

_ANSWERED = (CloseReason.ACCEPTED, CloseReason.DECLINED)
"""A loop closed this way got an offer, whatever its rounds say."""
_OFFERED = (RoundKind.OFFER, RoundKind.NEGOTIATION)
"""A round of these kinds, not cancelled, means the loop got an offer."""
_CANCELLED = RoundStatus.CANCELLED  # read once: an enum member's lookup is slow


@dataclass
class StagePace:
    """Days one stage kind takes, start to decision, with a likely range."""

    kind: RoundKind
    days: float
    low: float
    high: float
    samples: int

    @property
    def from_history(self) -> bool:
        return self.samples >= MIN_SAMPLES


@dataclass
class Pace:
    """Everything a projection takes from history (or the settings)."""

    stages: dict[RoundKind, StagePace]
    default_days: int
    usual: tuple[RoundKind, ...]
    usual_samples: int
    _of: dict[RoundKind, StagePace] = field(init=False, repr=False, compare=False)
    """Each kind's `of`, worked out once: a projection asks it for each round ahead, three
    times over (the likely date and both ends of the range), and the board projects every
    open loop that owes a deadline."""

    def __post_init__(self) -> None:
        self._of = {kind: self._resolved(kind) for kind in RoundKind}

    @property
    def usual_from_history(self) -> bool:
        return self.usual_samples >= MIN_SAMPLES

    def of(self, kind: RoundKind) -> StagePace:
        """This kind's pace from history, else the default."""
        return self._of[kind]

    def _resolved(self, kind: RoundKind) -> StagePace:
        known = self.stages.get(kind)
        if known is not None and known.from_history:
            return known
        days = float(self.default_days)
        return StagePace(kind, days, days / 2, days * 2, known.samples if known else 0)


def observed_pace(loops: Iterable[Loop], settings: Settings) -> Pace:
    """Days per stage and the usual sequence, from every loop (closed ones hold the history).

    One pass over the rounds reads both: an archive holds tens of thousands,
    scattered in memory, and walking them again costs more than the rules do.
    """
    durations: dict[RoundKind, list[int]] = defaultdict(list)
    sequences = []
    for loop in loops:
        sequence = _offer_sequence(loop, durations)
        if sequence:
            sequences.append(sequence)
    stages = {kind: _stage_pace(kind, days) for kind, days in durations.items()}
    usual, samples = _most_shared(sequences)
    if samples < MIN_SAMPLES:
        usual = tuple(k for k in settings.default_stages if k not in NOT_INTERVIEWS)
    return Pace(stages, settings.stage_days, usual, samples)


def _stage_pace(kind: RoundKind, days: list[int]) -> StagePace:
    if len(days) < 2:
        only = float(days[0])
        return StagePace(kind, only, only, only, len(days))
    low, median, high = quartiles(sorted(days))
    return StagePace(kind, median, low, high, len(days))


def quartiles(ordered: Sequence[int]) -> tuple[float, float, float]:
    """The lower quartile, the median and the upper quartile of `ordered` (sorted, at
    least two), as `statistics.quantiles(n=4, method="inclusive")` works them out.

    Written here because importing `statistics` (with the `fractions`, `decimal` and
    `random` it loads) cost every board and every `next` about 3 ms, for three
    interpolations.
    """
    last = len(ordered) - 1
    cuts = []
    for quarter in (1, 2, 3):
        index, weight = divmod(quarter * last, 4)
        cuts.append((ordered[index] * (4 - weight) + ordered[index + 1] * weight) / 4)
    return cuts[0], cuts[1], cuts[2]


def _offer_sequence(
    loop: Loop, durations: dict[RoundKind, list[int]]
) -> tuple[RoundKind, ...] | None:
    """The interview kinds of a loop that got as far as an offer, in timeline order; else None.

    On the way, each decided round's days go to `durations` (`durations.days_taken`):
    the stage paces are read in the same pass. Only the interviews are sorted
    (with the timeline's own key, so their order is the timeline's).
    """
    reached = loop.process.close_reason in _ANSWERED
    interviews = []
    for r in loop.rounds:
        if r.status == _CANCELLED:
            continue
        days = days_taken(r)
        if days is not None:
            durations[r.kind].append(days)
        kind = r.kind
        if kind in NOT_INTERVIEWS:
            reached = reached or kind in _OFFERED
        else:
            interviews.append(r)
    if not reached:
        return None
    interviews.sort(key=Round.sort_key)
    return tuple([r.kind for r in interviews])


def _most_shared(sequences: Sequence[tuple[RoundKind, ...]]) -> tuple[tuple[RoundKind, ...], int]:
    """The sequence most loops share and how many loops reached an offer at all."""
    if not sequences:
        return (), 0
    counts = Counter(sequences)
    best = max(counts, key=lambda s: (counts[s], len(s), [-_ORDER[k] for k in s]))
    return best, len(sequences)
