"""A one-page Markdown summary per loop: to print, paste in notes, or read in a diff.

The page answers what the user reads before a call: where the loop stands and
who owns the next step, the people, the timeline, the offer's terms, the prep
and the log. Loops are separated by a horizontal rule, so one file holds them all.
"""

from __future__ import annotations

from planner.models import ContactRole, Loop
from planner.offers import Offer, money
from planner.prep import Audience
from planner.text import visible_lines
from storage.exporters.snapshot import Snapshot
from storage.stagewords import stage_text

ROLE_NAMES = {role: role.value.replace("_", " ").capitalize() for role in ContactRole}


def to_markdown(snapshot: Snapshot) -> str:
    """The pages; control characters in the data are written as escapes (`planner.text`).

    Markdown is read in a terminal or a pager as often as it is rendered.
    """
    pages = [_page(loop, snapshot) for loop in snapshot.loops]
    return visible_lines("\n---\n\n".join(pages)) if pages else "No loops.\n"


def _page(loop: Loop, snapshot: Snapshot) -> str:
    lines = [f"# {loop.process.title}", "", *_summary(loop, snapshot), ""]
    for section in (_people, _timeline, _offers, _prep, _log):
        body = section(loop, snapshot)
        if body:
            lines += [*body, ""]
    return "\n".join(lines)


def _summary(loop: Loop, snapshot: Snapshot) -> list[str]:
    process = loop.process
    facts = [f"Stage: {stage_text(loop, snapshot.today)}"]
    facts += [
        f"{name}: {value}"
        for name, value in (
            ("Level", process.level),
            ("Location", process.location),
            ("Source", process.source),
            ("Resume", process.resume),
        )
        if value
    ]
    lines = [" · ".join(facts)]
    step = snapshot.steps.get(process.id)
    if step is not None:
        due = f", due {step.due.isoformat()}" if step.due else ""
        nudge = f", nudge {step.nudge.name}" if step.nudge else ""
        lines += ["", f"**Next step:** {step.what} (owner: {step.owner.label}{due}{nudge})"]
    if process.tags:
        lines += ["", "Tags: " + " ".join(f"#{t}" for t in process.tags)]
    if process.notes:
        lines += ["", process.notes]
    if process.links:
        lines += ["", "Links: " + " ".join(process.links)]
    return lines


def _people(loop: Loop, snapshot: Snapshot) -> list[str]:
    if not loop.contacts:
        return []
    lines = ["## People", ""]
    for c in loop.contacts:
        reach = ", ".join(x for x in (c.email, c.phone) if x)
        lines.append(f"- {ROLE_NAMES[c.role]}: {c.name}" + (f" ({reach})" if reach else ""))
    return lines


def _timeline(loop: Loop, snapshot: Snapshot) -> list[str]:
    rounds = loop.timeline_by_date()
    if not rounds:
        return []
    lines = [
        "## Timeline",
        "",
        "| Date | Round | Status | Outcome | With |",
        "|---|---|---|---|---|",
    ]
    for r in rounds:
        when = r.date.isoformat() if r.date else "not scheduled"
        if r.time is not None:
            when += f" {r.time:%H:%M}"
        cells = [when, r.label, r.status.value, r.outcome.value, ", ".join(r.interviewers)]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def _offers(loop: Loop, snapshot: Snapshot) -> list[str]:
    offers = snapshot.offers_of(loop.process.id)
    if not offers:
        return []
    lines = ["## Offer", ""]
    for offer in offers:
        lines += [*_offer_lines(offer), ""]
    return lines[:-1]


def _offer_lines(offer: Offer) -> list[str]:
    c = offer.currency
    vesting = f"over {offer.vesting_years} years, {offer.cliff_months}-month cliff"
    if offer.vesting_note:
        vesting += f"; {offer.vesting_note}"
    lines = [
        f"- Status: {offer.status.value} (received {offer.received_on.isoformat()})",
        f"- Base: {money(offer.base, c)}; bonus: {money(offer.bonus, c)}; "
        f"sign-on: {money(offer.sign_on, c)}",
        f"- Equity: {money(offer.equity, c)} {vesting}",
        f"- First year: {money(offer.first_year, c)}; annualised: {money(offer.annualised, c)}",
    ]
    if offer.deadline:
        lines.append(f"- Deadline: {offer.deadline.isoformat()}")
    if offer.start_date:
        lines.append(f"- Start: {offer.start_date.isoformat()}")
    return lines


def _prep(loop: Loop, snapshot: Snapshot) -> list[str]:
    pid = loop.process.id
    lines: list[str] = []
    decision = next((d for d in snapshot.decisions if d.process_id == pid), None)
    if decision is not None:
        for name, value in (
            ("Panel", decision.panel),
            ("Who decides", decision.decider),
            ("When", decision.timeline),
        ):
            if value:
                lines.append(f"- {name}: {value}")
    for q in (q for q in snapshot.questions if q.process_id == pid):
        answer = f" — {q.answer}" if q.answer else ""
        lines.append(f"- [{'x' if q.asked else ' '}] {q.text}{answer}")
    for audience in Audience:
        for p in snapshot.points:
            if p.process_id == pid and p.audience == audience:
                lines.append(f"- To the {audience.label.lower()}: {p.text}")
    return ["## Prep", "", *lines] if lines else []


def _log(loop: Loop, snapshot: Snapshot) -> list[str]:
    if not loop.events:
        return []
    lines = ["## Log", ""]
    for e in loop.log():
        contact = loop.contact_by_id(e.contact_id)
        who = f" ({contact.name})" if contact else ""
        lines.append(f"- {e.on.isoformat()} {e.kind.value}{who}: {e.text}")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
