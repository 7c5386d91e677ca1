"""The words of each draft: default templates, and how a template becomes a message.

Templates are `string.Template` text: `$name` or `${name}` is replaced by a
value from the loop (`DraftValues` lists them all), `$$` is a dollar sign.
The first line is `Subject: ...`; a blank line follows; the rest is the body.
`string.Template` rather than Jinja2: a user overriding a template writes
plain text with a few `$words`, no loops or filters to learn, and nothing in
a template can run code.

A user's own template (read from the config folder by the storage layer) is
checked here like the defaults: a `$word` no draft knows is refused with the
list of known ones, never sent with the placeholder still in it.
"""

from __future__ import annotations

from enum import StrEnum
from string import Template


class DraftKind(StrEnum):
    """What the message is for."""

    NUDGE = "nudge"
    THANKS = "thanks"
    DEADLINE = "deadline"
    WITHDRAW = "withdraw"
    ACCEPT = "accept"
    DECLINE = "decline"


VALUE_NAMES: dict[str, str] = {
    "to_name": "the person's full name",
    "to_first": "their first name",
    "company": "the loop's company",
    "role": "the role",
    "topic": "what the loop waits on, in words (nudge)",
    "waited": "how long I have waited, e.g. '9 days' (nudge)",
    "days_waited": "the same as a number (nudge)",
    "since": "the day the wait began, e.g. 'Monday, March 9'",
    "round": "the round, e.g. 'technical interview'",
    "round_date": "its date, e.g. 'Tuesday, March 10'",
    "interviewers": "who I met in it, e.g. 'Priya Rao and Sam Wu'",
    "steps_left": "the rounds still to come, e.g. 'the steps still ahead (technical interview and "
    "onsite / panel)', or 'the remaining steps' when none is planned",
    "other_company": "the company whose offer has a deadline (deadline)",
    "deadline": "that deadline, e.g. 'Friday, March 20'",
    "days_left": "days until it, e.g. '5 days'",
}
"""Every `$name` a template may use, with what it holds."""

DEFAULT_TEMPLATES: dict[DraftKind, str] = {
    DraftKind.NUDGE: """\
Subject: Following up: $role at $company

Hi $to_first,

I hope you are well. I wanted to follow up on $topic. It has been $waited, \
and I am still very interested in joining $company. I would be glad to hear \
about the next steps, or to send anything that helps.

Best regards
""",
    DraftKind.THANKS: """\
Subject: Thank you: $round for $role

Hi $to_first,

Thank you for the $round on $round_date. I enjoyed the conversation with \
$interviewers and learning more about the team and the $role role at \
$company. Please pass on my thanks, and let me know if there is anything \
else you need from me.

Best regards
""",
    DraftKind.DEADLINE: """\
Subject: Timeline update: $role at $company

Hi $to_first,

I wanted to let you know early that I have received an offer from \
$other_company, with a deadline of $deadline (in $days_left). $company \
remains my strong preference, and I would love to complete the process \
before then. Is there any way to speed up $steps_left?

Thank you for your help.

Best regards
""",
    DraftKind.WITHDRAW: """\
Subject: Withdrawing my application: $role

Hi $to_first,

Thank you for your time and for everything you did during the process for the \
$role role at $company. After careful thought I have decided to withdraw my \
application. I hope our paths cross again.

Best regards
""",
    DraftKind.ACCEPT: """\
Subject: Accepting the offer: $role at $company

Hi $to_first,

I am delighted to accept the offer for the $role role at $company. Thank you \
for your help throughout the process. Please let me know what you need from \
me for the next steps.

Best regards
""",
    DraftKind.DECLINE: """\
Subject: The offer for $role at $company

Hi $to_first,

Thank you very much for the offer for the $role role at $company, and for \
your time throughout the process. After careful thought I have decided to \
decline it. I hope we can stay in touch.

Best regards
""",
}


class TemplateError(ValueError):
    """A template that cannot make a message; the sentence says what to fix."""


def render(template: str, values: dict[str, str], name: str) -> tuple[str, str]:
    """(subject, body) of a template filled with `values`; `name` names it in errors."""
    try:
        text = Template(template).substitute(values)
    except KeyError as error:
        known = ", ".join(f"${v}" for v in VALUE_NAMES)
        raise TemplateError(
            f"{name} uses ${error.args[0]}, which no draft knows (known: {known})"
        ) from None
    except ValueError:
        raise TemplateError(f"{name} has a lone '$'; write $$ for a dollar sign") from None
    first, _, rest = text.partition("\n")
    if not first.casefold().startswith("subject:"):
        raise TemplateError(f"{name} must start with a 'Subject: ...' line")
    return first.split(":", 1)[1].strip(), rest.strip("\n") + "\n"
