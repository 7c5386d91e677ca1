"""`loopdeck edit PROCESS ITEM [--text ...]`: change one item of a loop by its handle.

The command line's door to the changes the app's item forms make (Enter on a
round, a log line, a question or a talking point): the same `planner.changes`
functions, given only the options typed, so only those fields are written.
Each item kind takes its own options; one that does not apply is refused with
the list of those that do, rather than silently ignored.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.changes.base import Patch, Refused
from planner.changes.log import edit_event
from planner.changes.prep import edit_point, edit_question
from planner.changes.round_edit import edit_round, interviewer_names
from planner.dates import parse_time
from planner.handles import handles
from planner.models import Contact, Event, EventKind, Round, RoundKind
from planner.prep import Audience, Question, TalkingPoint
from planner.roundwords import ROUND_ALIASES
from tui.cli.context import Context
from tui.cli.log import find_contact

ITEM_OPTIONS = (
    "text",
    "kind",
    "date",
    "on",
    "time",
    "format",
    "interviewers",
    "notes",
    "due",
    "expect",
    "with_",
    "answer",
    "asked",
    "audience",
)
"""Every option an item edit may take; which ones apply depends on the item."""

ALLOWED: dict[type, tuple[str, ...]] = {
    Round: ("kind", "date", "time", "format", "interviewers", "notes"),
    Event: ("text", "on", "kind", "due", "expect", "with_"),
    Question: ("text", "answer", "asked"),
    TalkingPoint: ("text", "audience"),
}
NOUNS = {Round: "a round", Event: "a log line", Question: "a question", TalkingPoint: "a point"}
AUDIENCES = {"recruiter": Audience.RECRUITER, "hm": Audience.HIRING_MANAGER}


def add_options(parser: argparse.ArgumentParser) -> None:
    """The item options, grouped so `edit --help` says which item takes which.

    `--notes` is not among them: `edit` already has it for the loop's notes,
    and with ITEM it means the round's.
    """
    group = parser.add_argument_group(
        "with ITEM (r1 a round, l1 a log line, q1 a question, t1 a talking point)"
    )
    group.add_argument("--text", metavar="TEXT", help="a log line's, question's or point's text")
    group.add_argument("--kind", metavar="KIND", help="a round's kind, or a log line's kind")
    group.add_argument("--date", metavar="DATE", help="a round's date ('none' clears it)")
    group.add_argument("--on", metavar="DATE", help="the day a log line happened")
    group.add_argument("--time", metavar="HH:MM", help="a round's time ('none' clears it)")
    group.add_argument("--format", metavar="TEXT", help="a round's format (video, onsite...)")
    group.add_argument("--interviewers", metavar="'A, B'", help="a round's interviewers")
    group.add_argument("--due", metavar="DATE", help="a promise's due date")
    group.add_argument("--expect", metavar="DATE", help="a received touch: when they said")
    group.add_argument("--with", dest="with_", metavar="NAME", help="a log line's contact")
    group.add_argument("--answer", metavar="TEXT", help="what I heard to a question")
    group.add_argument("--asked", choices=("yes", "no"), help="whether a question was asked")
    group.add_argument("--audience", choices=tuple(AUDIENCES), help="a talking point's audience")


def given(args: argparse.Namespace) -> list[str]:
    """The item options typed, in the order they are listed."""
    return [name for name in ITEM_OPTIONS if getattr(args, name, None) is not None]


def run(args: argparse.Namespace, ctx: Context) -> Patch:
    """The patch for `edit PROCESS ITEM ...`; a refusal names the options the item takes."""
    loop = ctx.loop(args.process)
    pid = loop.process.id
    repo = ctx.repo
    item = handles(loop, repo.records(Question, pid), repo.records(TalkingPoint, pid)).find(
        args.item
    )
    if isinstance(item, Contact):
        raise Refused(
            f"{args.item} is a person; change their card with "
            f"'loopdeck contact PROCESS {args.item} --email ...'",
            "item",
        )
    kind = type(item)
    typed = given(args)
    allowed = ALLOWED[kind]
    wrong = [name for name in typed if name not in allowed]
    if wrong:
        raise Refused(
            f"{NOUNS[kind]} has no {_flag(wrong[0])} (it takes {', '.join(map(_flag, allowed))})",
            wrong[0],
        )
    if not typed:
        raise Refused(
            f"say what to change about {args.item}: {', '.join(map(_flag, allowed))}", "item"
        )
    today = ctx.today
    if isinstance(item, Round):
        return edit_round(loop, today, item.id, _round_values(args, ctx), repo.settings())
    if isinstance(item, Event):
        values: dict[str, Any] = {}
        if args.text is not None:
            values["text"] = args.text
        if args.on is not None:
            values["on"] = ctx.date(args.on)
        if args.kind is not None:
            values["kind"] = _event_kind(args.kind)
        if args.due is not None:
            values["due"] = ctx.date(args.due)
        if args.expect is not None:
            values["expect"] = ctx.date(args.expect)
        if args.with_ is not None:
            values["contact_id"] = find_contact(loop, args.with_).id
        return edit_event(loop, today, item.id, values)
    if isinstance(item, Question):
        values = {}
        if args.text is not None:
            values["text"] = args.text
        if args.answer is not None:
            values["answer"] = args.answer
        if args.asked is not None:
            values["asked"] = args.asked == "yes"
        return edit_question(loop, today, item, values)
    if isinstance(item, TalkingPoint):
        values = {}
        if args.text is not None:
            values["text"] = args.text
        if args.audience is not None:
            values["audience"] = AUDIENCES[args.audience]
        return edit_point(loop, today, item, values)
    raise TypeError(f"no rule to edit a {kind.__name__}")


def _round_values(args: argparse.Namespace, ctx: Context) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if args.kind is not None:
        found = ROUND_ALIASES.get(args.kind.strip().lower())
        if found is None:
            kinds = ", ".join(k.value for k in RoundKind)
            raise Refused(f"'{args.kind}' is not a round kind (use one of {kinds})", "kind")
        values["kind"] = found
    if args.date is not None:
        values["date"] = None if _clears(args.date) else ctx.date(args.date)
    if args.time is not None:
        values["time"] = None if _clears(args.time) else parse_time(args.time)
    if args.format is not None:
        values["format"] = args.format
    if args.interviewers is not None:
        values["interviewers"] = interviewer_names(args.interviewers)
    if args.notes is not None:
        values["notes"] = args.notes
    return values


def _event_kind(word: str) -> EventKind:
    try:
        return EventKind(word.strip().lower())
    except ValueError:
        kinds = ", ".join(k.value for k in EventKind)
        raise Refused(f"'{word}' is not a log line kind (use one of {kinds})", "kind") from None


def _clears(text: str) -> bool:
    return text.strip().lower() in ("none", "-", "")


def _flag(name: str) -> str:
    return "--with" if name == "with_" else f"--{name}"
