"""`loopdeck config [KEY [VALUE]]`: the settings and my profile, stored in the data file.

Both live in the synced file (not in a local config), so thresholds and
constraints are the same on every machine. Keys are the settings' names
(`follow_up_days`, `working_days`, `base_currency`, ...), `fx.<CODE>` for my
rate of a currency into the base one (`fx.EUR 1.08`; `none` removes it), and
`profile.<field>` for my constraints (`profile.visa`, ...). Lists are typed as
the user says them: `mon-fri`, `mon,wed,fri`, `screen,hm,tech,onsite`.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.dates import WEEKDAYS
from planner.models import RoundKind, Settings
from planner.prep import Profile
from planner.records import field_names
from planner.roundwords import ROUND_ALIASES
from tui.cli.context import CliError, Context
from tui.cli.fit import Column, fit_table, output_width
from tui.cli.output import emit, say
from tui.cli.parsing import Subparsers, UsageError

PROFILE_PREFIX = "profile."
FX_PREFIX = "fx."
SETTING_KEYS = tuple(name for name in field_names(Settings) if name != "fx")
NO_RATE = ("none", "-", "")
PROFILE_KEYS = tuple(PROFILE_PREFIX + name for name in field_names(Profile) if name != "id")
DAY_NAMES = [day[:3] for day in WEEKDAYS]


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "config",
        help="show or change settings and my profile",
        description="Without KEY: every setting. With KEY: its value. With VALUE: set it.",
    )
    parser.add_argument(
        "key", metavar="KEY", nargs="?", help="e.g. follow_up_days, fx.EUR, profile.visa"
    )
    parser.add_argument("value", metavar="VALUE", nargs="?", help="the new value")
    # `config set KEY VALUE` reads as many tools write it; the word itself changes nothing.
    parser.add_argument("then", nargs="?", help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


COLUMNS = (Column("KEY"), Column("VALUE", shrink=20), Column(""))
"""A long value (a profile's notes) shortens; `config KEY` prints it whole."""


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.key == "set" and args.value is not None:
        if args.then is None:
            raise UsageError(f"config set {args.value} needs a VALUE")
        args.key, args.value, args.then = args.value, args.then, None
    if args.then is not None:
        raise UsageError(f"config takes KEY [VALUE]; '{args.then}' is one word too many")
    repo = ctx.repo
    current = _values(repo.settings(), repo.profile())
    if args.key is None:
        ctx.warn_if_read_only()
        defaults = _values(Settings(), Profile())
        rows = [[k, v, "" if v == defaults.get(k) else "(changed)"] for k, v in current.items()]
        emit(fit_table(COLUMNS, rows, output_width()))
        return 0
    if args.key.casefold().startswith(FX_PREFIX):
        return _rate(args.key, args.value, ctx)
    if args.key not in current:
        raise CliError(f"no setting '{args.key}' (known: {', '.join(current)}, fx.CODE)")
    if args.value is None:
        emit(current[args.key])
        return 0
    with repo.transaction(f"set {args.key}") as tx:
        if args.key.startswith(PROFILE_PREFIX):
            name = args.key.removeprefix(PROFILE_PREFIX)
            tx.put(Profile.model_validate({**repo.profile().model_dump(), name: args.value}))
        else:
            value = _parse(args.key, args.value)
            tx.put_settings(
                Settings.model_validate({**repo.settings().model_dump(), args.key: value})
            )
    say(f"{args.key} = {_values(repo.settings(), repo.profile())[args.key]}")
    rates = repo.settings().fx
    if args.key == "base_currency" and rates and current[args.key] != repo.settings().base_currency:
        listed = ", ".join(FX_PREFIX + code for code in rates)
        say(f"Note: {listed} still say what one unit is worth in {current[args.key]}")
    return 0


def _rate(key: str, value: str | None, ctx: Context) -> int:
    """Show, set or remove the rate of one currency into the base currency."""
    code = key[len(FX_PREFIX) :].strip().upper()
    settings = ctx.repo.settings()
    if value is None:
        rate = settings.fx.get(code)
        emit(f"{rate:g}" if rate is not None else f"no rate for {code}")
        return 0
    rates = dict(settings.fx)
    if value.strip().casefold() in NO_RATE:
        rates.pop(code, None)
    else:
        try:
            rates[code] = float(value.strip())
        except ValueError:
            raise CliError(
                f"'{value}' is not a rate: use a number such as 1.08 "
                f"(one {code} in {settings.base_currency})"
            ) from None
    changed = Settings.model_validate({**settings.model_dump(), "fx": rates})
    with ctx.repo.transaction(f"set fx.{code}") as tx:
        tx.put_settings(changed)
    shown = f"{changed.fx[code]:g} {changed.base_currency}" if code in changed.fx else "no rate"
    emit(f"fx.{code} = {shown}")
    return 0


def _values(settings: Settings, profile: Profile) -> dict[str, str]:
    shown = {key: _show(getattr(settings, key)) for key in SETTING_KEYS}
    shown["working_days"] = ",".join(DAY_NAMES[d - 1] for d in settings.working_days)
    for code, rate in settings.fx.items():
        shown[FX_PREFIX + code] = f"{rate:g}"
    for key in PROFILE_KEYS:
        shown[key] = getattr(profile, key.removeprefix(PROFILE_PREFIX))
    return shown


def _show(value: Any) -> str:
    return ",".join(str(v) for v in value) if isinstance(value, list) else str(value)


def _parse(key: str, text: str) -> Any:
    if key == "working_days":
        return _weekdays(text)
    if key == "default_stages":
        return [_stage(word) for word in _words(text)]
    if key == "base_currency":
        code = text.strip().upper()
        if len(code) != 3 or not code.isascii() or not code.isalpha():
            raise CliError(f"'{text}' is not a currency code (three letters, e.g. EUR)")
        return code
    return text.strip()


def _words(text: str) -> list[str]:
    return [w for w in text.replace(" ", ",").casefold().split(",") if w]


def _weekdays(text: str) -> list[int]:
    """`mon-fri`, `mon,wed`, `1,2,3`: ISO weekday numbers."""
    days: list[int] = []
    for word in _words(text):
        first, _, last = word.partition("-")
        start, end = _weekday(first), _weekday(last or first)
        days += range(start, end + 1) if start <= end else [*range(start, 8), *range(1, end + 1)]
    return days


def _weekday(word: str) -> int:
    if word.isdigit():
        return int(word)
    for number, name in enumerate(WEEKDAYS, start=1):
        if len(word) >= 2 and name.startswith(word):
            return number
    raise CliError(f"'{word}' is not a weekday (use mon-fri, mon,wed,fri or 1-5)")


def _stage(word: str) -> RoundKind:
    kind = ROUND_ALIASES.get(word)
    if kind is None:
        known = ", ".join(k.value for k in RoundKind)
        raise CliError(f"'{word}' is not a stage (use {known})")
    return kind
