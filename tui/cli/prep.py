"""`loopdeck prep PROCESS`: what the next round needs, on one page; and editing it.

Without options it shows the prep sheet (`planner.prep.prep_sheet`): the
round ahead and its audience, talking points for that audience, questions
for the hiring manager (numbered, open ones first), how the decision is
made, and my constraints when the call is with the recruiter. Options add
to it; each invocation is one transaction (one undo step).
"""

from __future__ import annotations

import argparse
import datetime as dt

from planner.changes import prep as changes
from planner.changes.base import Patch, joined
from planner.dates import day_words
from planner.models import Loop
from planner.prep import Audience, Decision, PrepSheet, Question, TalkingPoint, numbered, prep_sheet
from tui.cli.context import CliError, Context
from tui.cli.output import say
from tui.cli.parsing import Subparsers

AUDIENCES = {"recruiter": Audience.RECRUITER, "hm": Audience.HIRING_MANAGER}


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "prep",
        help="the prep sheet of a loop: questions, talking points, decision process",
        description="Show or edit what the loop's next round needs.",
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("--ask", metavar="QUESTION", help="add a question for the hiring manager")
    parser.add_argument("--asked", type=int, metavar="N", help="question N was asked")
    parser.add_argument("--answer", metavar="TEXT", help="with --asked: what I heard")
    parser.add_argument(
        "--point",
        nargs=2,
        metavar=("AUDIENCE", "TEXT"),
        help="add a talking point for 'recruiter' or 'hm'",
    )
    parser.add_argument("--panel", metavar="TEXT", help="who sits on the panel")
    parser.add_argument("--decider", metavar="TEXT", help="who decides")
    parser.add_argument("--when", metavar="TEXT", help="when they decide")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    repo = ctx.repo
    pid = loop.process.id
    questions = numbered(repo.records(Question, pid))
    edits = [args.ask, args.asked, args.point, args.panel, args.decider, args.when]
    if args.answer is not None and args.asked is None:
        raise CliError("--answer needs --asked N (the question it answers)")
    if any(e is not None for e in edits):
        patches = _edits(args, ctx, loop, questions, repo.records(Decision, pid))
        title = loop.process.title
        repo.apply(joined(f"prep for {title}", f"Updated the prep for {title}", patches))
        questions = numbered(repo.records(Question, pid))
    decisions = repo.records(Decision, pid)
    sheet = prep_sheet(
        loop,
        questions,
        repo.records(TalkingPoint, pid),
        decisions[0] if decisions else None,
        repo.profile(),
        ctx.today,
    )
    say(render(loop, sheet, questions, ctx.today))
    return 0


def _edits(
    args: argparse.Namespace,
    ctx: Context,
    loop: Loop,
    questions: list[Question],
    decisions: list[Decision],
) -> list[Patch]:
    """One patch per option given; they are written together, as one undo step."""
    today = ctx.today
    patches = []
    if args.ask is not None:
        patches.append(changes.add_question(loop, today, args.ask))
    if args.asked is not None:
        if not 1 <= args.asked <= len(questions):
            raise CliError(f"no question {args.asked}: {loop.process.title} has {len(questions)}")
        patches.append(changes.mark_asked(loop, today, questions[args.asked - 1], args.answer))
    if args.point is not None:
        audience, text = args.point
        if audience.casefold() not in AUDIENCES:
            raise CliError(f"'{audience}' is not an audience (use recruiter or hm)")
        patches.append(changes.add_point(loop, today, AUDIENCES[audience.casefold()], text))
    values = {"panel": args.panel, "decider": args.decider, "timeline": args.when}
    values = {k: v for k, v in values.items() if v is not None}
    if values:
        current = decisions[0] if decisions else None
        patches.append(changes.set_decision(loop, today, current, values))
    return patches


def render(loop: Loop, sheet: PrepSheet, questions: list[Question], today: dt.date) -> str:
    r = sheet.round
    ahead = "nothing scheduled" if r is None else r.label
    if r is not None and r.date is not None:
        ahead += f" on {day_words(r.date, today)}"
    lines = [f"{loop.process.title}: {ahead} (with the {sheet.audience.label.lower()})", ""]
    if sheet.profile is not None and sheet.profile.lines():
        lines += ["My constraints:", *(f"  {k}: {v}" for k, v in sheet.profile.lines()), ""]
    lines.append(f"Talking points for the {sheet.audience.label.lower()}:")
    lines += [f"  - {p.text}" for p in sheet.points] or ["  (none yet: --point)"]
    lines += ["", "Questions for the hiring manager:"]
    for number, q in enumerate(questions, start=1):
        answer = f" — {q.answer}" if q.answer else ""
        lines.append(f"  {number}. [{'x' if q.asked else ' '}] {q.text}{answer}")
    if sheet.hint:
        lines.append(f"  {sheet.hint} (--ask)")
    d = sheet.decision
    if d is not None:
        lines += ["", "How they decide:"]
        lines += [
            f"  {name}: {value}"
            for name, value in (("Panel", d.panel), ("Decides", d.decider), ("When", d.timeline))
            if value
        ]
    return "\n".join(lines)
