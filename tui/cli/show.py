"""`loopdeck show PROCESS`: one loop in full: its state, my to-dos, timeline, people, log, prep.

Each item carries its handle (`r1`, `p1`, `l1`, `q1`, `t1`, see `planner.handles`),
which `move`, `cancel`, `done` and `forget` take to point at it. The timeline
runs in date order, undated rounds last.
"""

from __future__ import annotations

import argparse

from planner.dates import day_words
from planner.handles import Handles, handles, talking_point_order
from planner.models import Loop, Round, RoundKind, RoundStatus
from planner.prep import Question, TalkingPoint, numbered
from planner.steps import NextStep, Thread, ThreadKind
from tui.cli.context import Context
from tui.cli.fit import fit_lines, keep_tail, output_width
from tui.cli.jsonshape import dumps, loop_detail_json
from tui.cli.output import SIGNAL_LABELS, due_text, emit, nudge_text, owner_text, waiting_text
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "show",
        help="one loop in full",
        description=(
            "One loop: its state, my to-dos, rounds, contacts, log and prep, each item "
            "with its handle (r1, p1, l1, q1, t1)."
        ),
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    loop = ctx.loop(args.process)
    found = ctx.loop_threads(loop)
    step = next((t for t in found if t.kind == ThreadKind.STATE), None)
    todos = [t for t in found if t.kind != ThreadKind.STATE]
    pid = loop.process.id
    questions = ctx.repo.records(Question, pid)
    points = ctx.repo.records(TalkingPoint, pid)
    named = handles(loop, questions, points)
    if args.json:
        print(dumps(loop_detail_json(loop, step, todos, named, questions, points)), end="")
        return 0
    lines = describe(loop, step, todos, ctx, named, questions, points)
    emit("\n".join(fit_lines(lines, output_width())))
    return 0


def describe(
    loop: Loop,
    step: NextStep | None,
    todos: list[Thread],
    ctx: Context,
    named: Handles,
    questions: list[Question],
    points: list[TalkingPoint],
) -> list[str]:
    process = loop.process
    facts = [process.level, process.location, process.source and f"via {process.source}"]
    lines = [process.title]
    if any(facts):
        lines.append("  " + " · ".join(f for f in facts if f))
    lines.append(f"  id {process.id}  status {process.status.value.replace('_', ' ')}")
    if process.close_reason is not None:
        by = process.closed_by.value.replace("_", " ") if process.closed_by else "unknown"
        closed = day_words(process.closed_on, ctx.today) if process.closed_on else "?"
        lines.append(f"  closed {closed}: {process.close_reason.value} (by {by})")
    if process.resume:
        lines.append(f"  resume sent: {process.resume}")
    if process.tags:
        lines.append("  tags: " + " ".join(f"#{t}" for t in process.tags))
    if process.notes:
        lines.append(f"  notes: {process.notes}")
    lines += ["", *next_lines(step, ctx, process.override_note), *todo_lines(todos, ctx, named)]
    lines += ["", "Timeline"]
    lines += [f"  {named.of(r.id):<4}{round_line(r, ctx)}" for r in loop.timeline_by_date()] or [
        "  (no rounds yet)"
    ]
    lines += ["", "People"]
    for contact in loop.people():
        last = loop.last_touch(contact.id)
        reach = " ".join(x for x in (contact.email, contact.phone) if x)
        touch = f"  last touch {day_words(last, ctx.today)}" if last else ""
        role = contact.role.value.replace("_", " ")
        line = f"{named.of(contact.id):<4}{role:<15} {contact.name:<20} {reach}{touch}"
        lines.append(f"  {line.rstrip()}")
    if not loop.contacts:
        lines.append("  (no contacts yet)")
    lines += ["", "Log"]
    for event in loop.log():
        due = day_words(event.due, ctx.today) if event.due else ""
        extra = f" (due {due}{', done' if event.done else ''})" if event.due else ""
        who = loop.contact_by_id(event.contact_id)
        with_ = f" [{who.name}]" if who else ""
        on = day_words(event.on, ctx.today)
        handle = named.of(event.id)
        lines.append(f"  {handle:<4}{on}  {event.kind.value:<8} {event.text}{with_}{extra}")
    if not loop.events:
        lines.append("  (nothing logged yet)")
    lines += prep_lines(named, questions, points)
    return lines


def next_lines(step: NextStep | None, ctx: Context, note: str = "") -> list[str]:
    if step is None:
        return ["Next: nothing (closed)"]
    signal = SIGNAL_LABELS[step.signal]
    lines = [
        keep_tail(f"Next: {step.what}", f"  [{signal}]" if signal else "", output_width()),
        f"  owner {owner_text(step, note)} since {day_words(step.since, ctx.today)} "
        f"({waiting_text(step)})",
        f"  nudge {nudge_text(step)}, due {due_text(step.due, ctx.today)}",
    ]
    clock = [
        f"last touch {due_text(step.last_touch, ctx.today)}" if step.last_touch else "",
        f"expected by {due_text(step.expected, ctx.today)}" if step.expected else "",
        f"next nudge {due_text(step.next_nudge, ctx.today)}" if step.next_nudge else "",
    ]
    if any(clock):
        lines.append("  " + ", ".join(part for part in clock if part))
    return lines


def todo_lines(todos: list[Thread], ctx: Context, named: Handles) -> list[str]:
    """My to-dos beside the state, one line each, most urgent first.

    A promise carries the handle of its log line, which `did` takes to tick it off.
    """
    if not todos:
        return []
    lines = ["", "To-dos (mine)"]
    for todo in todos:
        signal = SIGNAL_LABELS[todo.signal]
        due = f", due {due_text(todo.due, ctx.today)}" if todo.due else ""
        mark = f"  [{signal}]" if signal else ""
        handle = named.of(todo.event_id) if todo.event_id else ""
        head = f"  {handle:<4}{todo.kind.value:<8} {todo.what}"
        lines.append(keep_tail(head, due + mark, output_width()))
    return lines


def prep_lines(named: Handles, questions: list[Question], points: list[TalkingPoint]) -> list[str]:
    """Questions and talking points, when the loop has any (`prep` shows the whole sheet)."""
    lines: list[str] = []
    if questions:
        lines += ["", "Questions"]
        for q in numbered(questions):
            answer = f" — {q.answer}" if q.answer else ""
            lines.append(f"  {named.of(q.id):<4}[{'x' if q.asked else ' '}] {q.text}{answer}")
    if points:
        lines += ["", "Talking points"]
        for p in talking_point_order(points):
            lines.append(f"  {named.of(p.id):<4}{p.audience.label.lower():<15} {p.text}")
    return lines


def round_line(r: Round, ctx: Context) -> str:
    when = day_words(r.date, ctx.today) if r.date else "no date yet"
    if r.time is not None:
        when += f" {r.time.strftime('%H:%M')}"
    state = r.status.value
    if r.kind == RoundKind.APPLIED:
        state = "sent"
    elif r.status == RoundStatus.DONE:
        state = f"done, {r.outcome.value}"
        if r.decided_by is not None:
            state += f" by {r.decided_by.value.replace('_', ' ')}"
    parts = [f"{when:<16}", f"{r.label:<26}", state]
    if r.deadline is not None:
        parts.append(f"deadline {day_words(r.deadline, ctx.today)}")
    if r.interviewers:
        parts.append("with " + ", ".join(r.interviewers))
    if r.format:
        parts.append(f"({r.format})")
    return "  ".join(parts)
