"""An argparse parser whose mistakes read as one line, not a usage dump.

Stock argparse prints the whole usage block and exits from deep inside
`parse_args`. A script that drives loopdeck wants one line on stderr and an exit
code it can test, and `main()` wants to return that code rather than die.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, NoReturn, TypeAlias


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageError instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


# What `add_subparsers()` returns, named once for the command modules' signatures.
if TYPE_CHECKING:
    Subparsers: TypeAlias = argparse._SubParsersAction[CliParser]
else:
    Subparsers = argparse._SubParsersAction
