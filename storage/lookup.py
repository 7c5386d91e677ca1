"""How the user names a loop on the command line: an id prefix or part of its title.

Kept apart from the repository because the rule is pure and worth testing on
its own: an id prefix of at least `MIN_ID_PREFIX` characters wins, else a
case-insensitive part of "Company / Role" must match exactly one loop (or be
that loop's whole title). An ambiguous name lists the loops it matches with
their 8-character ids, which always work (two loops can share a title).
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.models import Process
from storage.errors import AmbiguousError, NotFoundError

MIN_ID_PREFIX = 4
MAX_LISTED = 10


def find_process(processes: Iterable[Process], query: str) -> Process:
    """The one process `query` names; NotFoundError or AmbiguousError otherwise."""
    wanted = query.strip().casefold()
    if not wanted:
        raise NotFoundError("name a loop: part of 'Company / Role' or an id")
    candidates = list(processes)
    if len(wanted) >= MIN_ID_PREFIX:
        by_id = [p for p in candidates if p.id.startswith(wanted)]
        if len(by_id) == 1:
            return by_id[0]
    matches = [p for p in candidates if wanted in p.title.casefold()]
    exact = [p for p in matches if p.title.casefold() == wanted]
    if len(matches) == 1 or len(exact) == 1:
        return exact[0] if exact else matches[0]
    if not matches:
        raise NotFoundError(f"no loop matches '{query.strip()}'")
    matches.sort(key=lambda p: (p.title.casefold(), p.id))
    shown = ", ".join(f"{p.title} ({p.id[:8]})" for p in matches[:MAX_LISTED])
    if len(matches) > MAX_LISTED:
        shown += f" and {len(matches) - MAX_LISTED} more"
    raise AmbiguousError(
        f"'{query.strip()}' matches {len(matches)} loops: {shown}; name one by its id",
        [p.title for p in matches],
    )


def short_names(processes: Iterable[Process]) -> dict[str, str]:
    """One word per loop that `find_process` resolves to it, for shell completion.

    The first word of the company ("quarry") when it names that loop alone,
    else the whole company, else the 8-character id prefix, which always does.
    Lowercase, as people type them.
    """
    candidates = list(processes)
    titles = [p.title.casefold() for p in candidates]
    names = {}
    for process in candidates:
        company = process.company.casefold()
        words = company.split()
        for word in (words[0] if words else "", company):
            if word and sum(word in title for title in titles) == 1:
                names[process.id] = word
                break
        else:
            names[process.id] = process.id[:8]
    return names
