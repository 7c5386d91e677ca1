"""The words that name a round kind: what quick-add, the command line and edits accept.

Apart from `planner.quickadd` so that what only reads names (a `next` that
shows a round by its handle) does not load the quick-add parser.
"""

from __future__ import annotations

from planner.models import RoundKind

ROUND_ALIASES: dict[str, RoundKind] = {
    **{kind.value: kind for kind in RoundKind},
    "apply": RoundKind.APPLIED,
    "app": RoundKind.APPLIED,
    "rs": RoundKind.SCREEN,
    "recruiter": RoundKind.SCREEN,
    "phone": RoundKind.SCREEN,
    "hiring-manager": RoundKind.HM,
    "manager": RoundKind.HM,
    "technical": RoundKind.TECH,
    "coding": RoundKind.TECH,
    "sysdesign": RoundKind.TECH,
    "design": RoundKind.TECH,
    "take-home": RoundKind.TAKEHOME,
    "th": RoundKind.TAKEHOME,
    "homework": RoundKind.TAKEHOME,
    "panel": RoundKind.ONSITE,
    "final": RoundKind.ONSITE,
    "loop": RoundKind.ONSITE,
    "nego": RoundKind.NEGOTIATION,
    "negotiate": RoundKind.NEGOTIATION,
}
"""Every word that names a round kind, the kind's own name included."""
