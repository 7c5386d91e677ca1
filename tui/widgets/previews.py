"""What a quick-add line will create, shown live under the input."""

from __future__ import annotations

from rich.text import Text

from planner.models import Settings
from planner.quickadd import ContactDraft, LoopDraft, RoundDraft
from planner.rounds import off_day_note
from tui.widgets.labels import short_date


def loop_preview(draft: LoopDraft, settings: Settings | None = None) -> Text:
    """The loop, its details, the first round and the contact cards the line describes."""
    text = Text.assemble(("New loop  ", "dim"), (f"{draft.company} / {draft.role}", "bold"))
    facts = [draft.level, draft.location, draft.source and f"via {draft.source}"]
    facts += [f"#{tag}" for tag in draft.tags]
    if draft.resume:
        facts.append(f"resume {draft.resume}")
    if any(facts):
        text.append("\n  " + " · ".join(f for f in facts if f))
    text.append(f"\n  Applied {short_date(draft.applied_on)}")
    if draft.next_round is not None:
        text.append("\n  Next: ")
        text.append_text(round_preview(draft.next_round, settings))
    for role, person in (("Recruiter", draft.recruiter), ("Hiring manager", draft.hiring_manager)):
        if person is not None:
            text.append(f"\n  {role}: {_person(person)}")
    return text


def round_preview(draft: RoundDraft, settings: Settings | None = None) -> Text:
    """The round's kind, when, with whom, its format and deadline; with `settings`, a
    note when it falls outside my working days."""
    when = short_date(draft.date) if draft.date else "no date yet (the recruiter schedules)"
    if draft.time is not None:
        when += f" {draft.time:%H:%M}"
    text = Text.assemble((draft.kind.label, "bold"), f"  {when}")
    if draft.interviewers:
        text.append("  with " + ", ".join(draft.interviewers))
    if draft.format:
        text.append(f"  · {draft.format}")
    if draft.deadline is not None:
        text.append(f"  · deadline {short_date(draft.deadline)}")
    note = off_day_note(draft.date, settings) if settings is not None else None
    if note is not None:
        text.append(f"\n  Note: {note}", style="italic")
    return text


def _person(person: ContactDraft) -> str:
    if person.email and person.email != person.name:
        return f"{person.name} <{person.email}>"
    return person.name
