"""One row per loop, with the columns a spreadsheet user expects.

The headers are the ones `storage.importer` recognises first, so an export
imports back into an empty file as the same loops. A cell that starts like a
formula (`=`, `+`, `-`, `@`) gets a leading apostrophe, the spreadsheet
convention for "this is text": opening the file never runs anything, and the
importer removes the apostrophe again.
"""

from __future__ import annotations

import csv
import io

from planner.models import ContactRole, Loop, RoundKind
from planner.offers import money
from storage.exporters.snapshot import Snapshot
from storage.stagewords import stage_text

COLUMNS = (
    "Company",
    "Role",
    "Level",
    "Location",
    "Source",
    "Stage",
    "Next step",
    "Owner",
    "Nudge",
    "Waiting days",
    "Due",
    "Recruiter",
    "Recruiter email",
    "Hiring manager",
    "Hiring manager email",
    "Applied",
    "Offer deadline",
    "First-year total",
    "Tags",
    "Notes",
    "Links",
    "Id",
)
FORMULA_STARTS = ("=", "+", "-", "@")


def to_csv(snapshot: Snapshot) -> str:
    """The whole spreadsheet as text (LF line ends, a header row first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for loop in snapshot.loops:
        writer.writerow([_safe(cell) for cell in _row(loop, snapshot)])
    return out.getvalue()


def _row(loop: Loop, snapshot: Snapshot) -> list[str]:
    process = loop.process
    step = snapshot.steps.get(process.id)
    recruiter = loop.contact(ContactRole.RECRUITER)
    manager = loop.contact(ContactRole.HIRING_MANAGER)
    applied = next((r for r in loop.rounds if r.kind == RoundKind.APPLIED), None)
    applied_on = (applied.date if applied and applied.date else None) or process.created_on
    offers = snapshot.offers_of(process.id)
    deadline = next((d.deadline for d in snapshot.deadlines if d.process_id == process.id), None)
    return [
        process.company,
        process.role,
        process.level,
        process.location,
        process.source,
        stage_text(loop, snapshot.today),
        step.what if step else "",
        step.owner.label if step else "",
        step.nudge.name if step and step.nudge else "",
        str(step.waiting_days) if step else "",
        step.due.isoformat() if step and step.due else "",
        recruiter.name if recruiter else "",
        recruiter.email if recruiter else "",
        manager.name if manager else "",
        manager.email if manager else "",
        applied_on.isoformat(),
        deadline.isoformat() if deadline else "",
        money(offers[-1].first_year, offers[-1].currency) if offers else "",
        " ".join(process.tags),
        process.notes,
        " ".join(process.links),
        process.id,
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
