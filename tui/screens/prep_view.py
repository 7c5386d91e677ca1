"""Prep (`p`): what the selected loop's next round needs, on one screen.

The sheet is `planner.prep.prep_sheet`: the round ahead and its audience,
talking points for that audience, questions for the hiring manager, how the
decision is made, and my constraints when the call is with the recruiter.
Editing happens on the command line (`loopdeck prep PROCESS --ask ...`).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from planner.models import Loop
from planner.prep import PrepSheet
from tui.screens.insight import InsightScreen


def prep_view(loop: Loop, sheet: PrepSheet) -> RenderableType:
    r = sheet.round
    ahead = "Nothing scheduled" if r is None else r.label
    if r is not None and r.date is not None:
        ahead += f" on {r.date:%a %Y-%m-%d}"
    parts: list[RenderableType] = [
        Text(f"{ahead} — with the {sheet.audience.label.lower()}", style="bold"),
        Text(""),
    ]
    if sheet.profile is not None and sheet.profile.lines():
        parts.append(Text("My constraints", style="bold"))
        parts += [Text(f"  {label}: {value}") for label, value in sheet.profile.lines()]
        parts.append(Text(""))
    parts.append(Text(f"Talking points for the {sheet.audience.label.lower()}", style="bold"))
    parts += [Text(f"  • {p.text}") for p in sheet.points] or [Text("  (none yet)", style="dim")]
    parts += [Text(""), Text("Questions for the hiring manager", style="bold")]
    for q in sheet.open_questions:
        parts.append(Text(f"  [ ] {q.text}"))
    for q in sheet.asked_questions:
        answer = f" — {q.answer}" if q.answer else ""
        parts.append(Text(f"  [x] {q.text}{answer}", style="dim"))
    if sheet.hint:
        parts.append(Text(f"  {sheet.hint}", style="italic"))
    d = sheet.decision
    if d is not None:
        parts += [Text(""), Text("How they decide", style="bold")]
        for name, value in (("Panel", d.panel), ("Decides", d.decider), ("When", d.timeline)):
            if value:
                parts.append(Text(f"  {name}: {value}"))
    parts += [
        Text(""),
        Text(f"Edit: loopdeck prep '{loop.process.company}' --ask ...", style="dim"),
    ]
    return Group(*parts)


class PrepScreen(InsightScreen):
    def __init__(self, loop: Loop, sheet: PrepSheet) -> None:
        super().__init__(f"Prep: {loop.process.title}", prep_view(loop, sheet))
