"""`loopdeck contact PROCESS NAME [--role R] [--email E] [--phone P] [--note T]
[--rename NEW] [--delete [--force]]`: add a person to a loop, or change their card.

NAME is the person's whole name (any case) or their handle from `show` (`p2`).
A new name adds the person (as a recruiter unless --role says otherwise); a
known one edits only the options given. Deleting the last recruiter or hiring
manager the next step nudges needs --force (`planner.changes.contacts`).
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from planner.changes.base import Refused
from planner.changes.contacts import add_contact, delete_contact, edit_contact, find_contact
from planner.handles import handles
from planner.models import Contact, ContactRole, Loop
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers, UsageError

ROLES = {role.value.replace("_", "-"): role for role in ContactRole}
ROLES["hm"] = ContactRole.HIRING_MANAGER
_HANDLE = re.compile(r"p\d+", re.IGNORECASE)


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "contact",
        help="add a person to a loop, or edit or delete their card",
        description=(
            "Add a person (a new NAME) or change their card (a known NAME or a handle such as "
            "p2). Only the options given change."
        ),
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("name", metavar="NAME", help="the person's whole name, or a handle (p2)")
    parser.add_argument(
        "--role", choices=sorted(ROLES), help="their part (default for a new person: recruiter)"
    )
    parser.add_argument("--email", metavar="E")
    parser.add_argument("--phone", metavar="P")
    parser.add_argument("--note", metavar="TEXT", help="notes on the card")
    parser.add_argument("--rename", metavar="NEW", help="a new name")
    parser.add_argument("--delete", action="store_true", help="delete the person")
    parser.add_argument(
        "--force",
        action="store_true",
        help="with --delete: even the last recruiter or hiring manager the next step nudges",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    values = _values(args)
    known = _known(loop, args.name)
    if args.delete:
        if values:
            raise UsageError("--delete takes no other change (see 'loopdeck contact --help')")
        if known is None:
            raise Refused(f"{loop.process.title} has no person named '{args.name.strip()}'", "name")
        try:
            patch = delete_contact(loop, ctx.today, known.id, args.force, ctx.repo.settings())
        except Refused as error:
            raise Refused(_with_force(error), error.field) from None
        apply(ctx, patch)
        return 0
    if args.force:
        raise UsageError("--force goes with --delete")
    if known is not None:
        apply(ctx, edit_contact(loop, ctx.today, known.id, values))
        return 0
    if _HANDLE.fullmatch(args.name.strip()):
        raise Refused(f"{loop.process.title} has no person {args.name.strip().lower()}", "name")
    if args.rename is not None:
        raise Refused(f"{loop.process.title} has no person named '{args.name.strip()}'", "name")
    values.setdefault("role", ContactRole.RECRUITER)
    apply(ctx, add_contact(loop, ctx.today, {"name": args.name, **values}))
    return 0


def _values(args: argparse.Namespace) -> dict[str, Any]:
    given = {
        "role": ROLES[args.role] if args.role else None,
        "email": args.email,
        "phone": args.phone,
        "notes": args.note,
        "name": args.rename,
    }
    return {name: value for name, value in given.items() if value is not None}


def _known(loop: Loop, name: str) -> Contact | None:
    """The person NAME means: a handle (p2) or their whole name; None for a new name."""
    if _HANDLE.fullmatch(name.strip()):
        named = handles(loop).items.get(name.strip().lower())
        return named if isinstance(named, Contact) else None
    return find_contact(loop, name)


def _with_force(error: Refused) -> str:
    return f"{error} (--force)" if error.field == "force" else str(error)
