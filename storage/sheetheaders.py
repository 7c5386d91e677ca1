"""Which spreadsheet column fills which field, from the headers people write.

Headers are matched loosely (case, spaces and punctuation ignored) against
the names trackers use, best first. A header no field takes is reported by
name, so the user sees what an import leaves out before it runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Field -> header names that fill it, best first (normalised: lower case, single spaces).
HEADERS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation", "org"),
    "role": ("role", "title", "job title", "position", "job", "role title", "job role"),
    "level": ("level", "seniority"),
    "location": ("location", "city", "office"),
    "source": ("source", "channel", "via", "referral"),
    "resume": ("resume", "resume version", "cv"),
    "stage": ("stage", "current stage", "status", "state", "pipeline stage", "application status"),
    "recruiter": ("recruiter", "recruiter name", "recruiter contact", "contact"),
    "recruiter_email": ("recruiter email", "recruiter e mail", "contact email"),
    "manager": ("hiring manager", "hiring manager name", "hm", "manager"),
    "manager_email": ("hiring manager email", "hm email", "manager email"),
    "applied": (
        "applied",
        "applied on",
        "date applied",
        "application date",
        "applied date",
        "date submitted",
        "submitted on",
        "submission date",
        "date",
    ),
    "next_interview": (
        "next interview",
        "next interview date",
        "interview date",
        "next step date",
        "next round",
        "next round date",
        "upcoming interview",
    ),
    "interview_time": ("interview time", "next interview time", "time"),
    "link": (
        "link",
        "links",
        "url",
        "job link",
        "job url",
        "posting",
        "job posting",
        "posting link",
        "application link",
        "website",
    ),
    "tags": ("tags", "labels"),
    "notes": ("notes", "note", "comments", "comment"),
}
REQUIRED = ("company", "role")


@dataclass(frozen=True)
class ColumnMap:
    """Field -> (header as written, its index), and the columns no field takes."""

    columns: dict[str, tuple[str, int]]
    ignored: list[str]

    def header(self, field: str) -> str:
        return self.columns[field][0]


def map_headers(header: list[str]) -> ColumnMap:
    """The first column whose header fits each field; the others listed as ignored."""
    normal = [normal_header(h) for h in header]
    taken: set[int] = set()
    columns: dict[str, tuple[str, int]] = {}
    for field_name, names in HEADERS.items():
        for name in names:
            index = next((i for i, n in enumerate(normal) if n == name and i not in taken), None)
            if index is not None:
                columns[field_name] = (header[index].strip(), index)
                taken.add(index)
                break
    ignored = [
        header[i].strip() or f"column {i + 1} (no header)"
        for i in range(len(header))
        if i not in taken and (header[i].strip() or _has_name_later(header, i))
    ]
    return ColumnMap(columns, ignored)


def normal_header(header: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", header.casefold()).split())


def _has_name_later(header: list[str], index: int) -> bool:
    """A blank header between named ones is a real column; trailing blanks are padding."""
    return any(h.strip() for h in header[index + 1 :])
