"""`loopdeck completion bash|zsh|fish`: the script that lets a shell complete loopdeck.

The script comes from argcomplete: on Tab the shell runs `loopdeck` itself
with the line in its environment, and `tui.cli.completing` answers with
command names, options, loop names and the data file's other words. So the
script never goes stale: new loops and new commands complete without
installing it again.
"""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers

SHELLS = ("bash", "zsh", "fish")
PROGRAM = "loopdeck"


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "completion",
        help="print the shell script that completes loopdeck's commands and loop names",
        description=(
            "Print the completion script for SHELL. bash: add "
            "'eval \"$(loopdeck completion bash)\"' to ~/.bashrc; zsh: the same line with "
            "zsh in ~/.zshrc, after compinit; fish: "
            "'loopdeck completion fish > ~/.config/fish/completions/loopdeck.fish'."
        ),
    )
    parser.add_argument("shell", metavar="SHELL", choices=SHELLS, help=" | ".join(SHELLS))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    import argcomplete  # only here: no other command pays for importing it

    emit(argcomplete.shellcode([PROGRAM], shell=args.shell).strip("\n"))
    return 0
