"""What a command-line test looks at: the exit code and both streams."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    code: int
    out: str
    err: str


# The `cli` fixture: run `loopdeck --db <test file> ARGS...` in this process.
Cli = Callable[..., Result]


def one_error_line(result: Result) -> str:
    """The single `loopdeck: ...` line a failed command must print, and nothing else."""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("loopdeck: ")
    assert result.out == ""
    return lines[0]
