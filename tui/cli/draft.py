"""`loopdeck draft PROCESS [--kind KIND] [--to NAME] [--copy] [--sent]`: a message to send.

Prints a short message to the right person of the loop (rules and words in
`planner.drafts` and `planner.draftwords`; my own templates in the config
folder replace the words, see `storage.drafttemplates`). `--copy` puts it on
the clipboard through the terminal (OSC 52); `--sent` logs it as a SENT touch
to that person, one undo step. `--all --kind deadline --about PROCESS` drafts
the offer broadcast: one message per other active loop.
"""

from __future__ import annotations

import argparse

from planner.changes.sent import log_sent
from planner.drafts import Draft, DraftError, write_draft
from planner.draftwords import DraftKind, TemplateError
from planner.models import ContactRole, Loop, ProcessStatus
from planner.offers import Offer
from planner.pacing import Deadline, open_deadlines
from storage.drafttemplates import read_template
from tui.cli.clipboard import copy_to_clipboard
from tui.cli.context import CliError, Context
from tui.cli.fit import fit_prose, output_width
from tui.cli.output import count, emit
from tui.cli.parsing import Subparsers

SEPARATOR = "-" * 72


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "draft",
        help="draft a nudge, thank-you, deadline note, withdrawal, acceptance or decline",
        description="Print a short message to the right person of a loop.",
    )
    parser.add_argument(
        "process", metavar="PROCESS", nargs="?", help="id prefix or part of 'company / role'"
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in DraftKind],
        help="what the message is for (default: nudge; deadline with --all)",
    )
    parser.add_argument("--to", metavar="NAME", help="someone else of the loop (part of a name)")
    parser.add_argument("--about", metavar="PROCESS", help="the loop whose offer deadline to name")
    parser.add_argument(
        "--all", action="store_true", help="one deadline message per other active loop"
    )
    parser.add_argument("--copy", action="store_true", help="put it on the clipboard (OSC 52)")
    parser.add_argument("--sent", action="store_true", help="log it as sent to that person")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    repo = ctx.repo
    loops = repo.loops()
    deadlines = open_deadlines(loops, repo.records(Offer), ctx.today)
    about = repo.find_process(args.about).id if args.about is not None else None
    if args.all:
        drafts, skipped = _broadcast(args, ctx, loops, deadlines, about)
    else:
        if args.process is None:
            raise CliError("say which loop to draft for (PROCESS), or --all with --about")
        kind = DraftKind(args.kind or DraftKind.NUDGE)
        drafts, skipped = [_draft(ctx.loop(args.process), kind, args, ctx, deadlines, about)], []
    width = output_width()
    separator = SEPARATOR[:width] if width else SEPARATOR
    emit(f"\n{separator}\n\n".join(shown(d, width) for d in drafts).rstrip("\n"))
    for line in fit_prose(skipped, width):
        emit(line)
    if args.copy:
        copy_to_clipboard(f"\n{SEPARATOR}\n\n".join(d.text for d in drafts))
        emit(f"Copied {count(len(drafts), 'draft')} to the clipboard.")
    if args.sent:
        _log_sent(drafts, ctx)
    return 0


def shown(draft: Draft, width: int | None) -> str:
    """The draft as printed: its To and Subject lines folded within the width, the body whole.

    Folded, not cut: an address or a subject is copied from the screen. The
    body is the message itself, its paragraphs as written, for the terminal
    to fold; `--copy` takes the whole draft as it is.
    """
    head, _, body = draft.text.partition("\n\n")
    return "\n".join(fit_prose(head.splitlines(), width)) + "\n\n" + body


def _draft(
    loop: Loop,
    kind: DraftKind,
    args: argparse.Namespace,
    ctx: Context,
    deadlines: list[Deadline],
    about: str | None,
) -> Draft:
    own = read_template(kind)
    try:
        return write_draft(
            loop,
            kind,
            ctx.today,
            settings=ctx.repo.settings(),
            deadlines=deadlines,
            about=about,
            to=args.to,
            template=own[0] if own else None,
            template_name=own[1] if own else "",
        )
    except (DraftError, TemplateError) as error:
        raise CliError(str(error)) from None


def _broadcast(
    args: argparse.Namespace,
    ctx: Context,
    loops: list[Loop],
    deadlines: list[Deadline],
    about: str | None,
) -> tuple[list[Draft], list[str]]:
    """The deadline message for every other active loop; loops without a recruiter are named."""
    if args.process is not None or args.to is not None:
        raise CliError("--all drafts for every other loop: leave out PROCESS and --to")
    if about is None:
        raise CliError("--all needs --about PROCESS: the loop whose offer deadline to announce")
    if args.kind not in (None, DraftKind.DEADLINE.value):
        raise CliError("--all drafts the deadline message only (--kind deadline)")
    drafts, skipped = [], []
    for loop in loops:
        if loop.process.id == about or loop.process.status != ProcessStatus.ACTIVE:
            continue
        if loop.contact(ContactRole.RECRUITER) is None:
            title = loop.process.title
            skipped.append(f"Skipped {title}: no recruiter card (draft it alone with --to NAME)")
            continue
        drafts.append(_draft(loop, DraftKind.DEADLINE, args, ctx, deadlines, about))
    if not drafts:
        raise CliError("no other active loop to tell about that deadline")
    return drafts, skipped


def _log_sent(drafts: list[Draft], ctx: Context) -> None:
    """One undo step for all of them: what was sent together is undone together."""
    ctx.repo.apply(log_sent(drafts, ctx.today))
    names = ", ".join(d.to.name for d in drafts)
    logged = f"Logged {count(len(drafts), 'sent touch', 'sent touches')} ({names})."
    emit("\n".join(fit_prose([logged], output_width())))
