"""The command line's own error: a mistake only it can see, said in one line."""

from __future__ import annotations


class CliError(Exception):
    """A user mistake the storage and planner cannot see (e.g. 'no round to mark done')."""
