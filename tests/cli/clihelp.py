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


def assert_fits(text: str, width: int) -> list[str]:
    """The printed lines, none wider than `width` (and at least one)."""
    lines = text.splitlines()
    assert lines, "printed nothing"
    too_long = [line for line in lines if len(line) > width]
    assert not too_long, f"{len(too_long)} lines over {width} columns: {too_long[0]!r}"
    return lines
