"""Shell completion: the scripts, and the answers the real command gives a shell on Tab."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clihelp import Cli

from tui.cli.commands import COMMANDS

BIN = Path(sys.executable).parent
LOOPDECK = BIN / "loopdeck"
IFS = "\013"


def complete(line: str, tmp_path: Path, **env: str) -> list[str]:
    """What `loopdeck` answers when the completion script runs it for `line`, as a shell does."""
    answer = tmp_path / "completions"
    answer.unlink(missing_ok=True)
    environment = {k: v for k, v in os.environ.items() if k != "LOOPDECK_DB"}
    environment |= {
        "_ARGCOMPLETE": "1",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        **env,
    }
    subprocess.run(
        [str(LOOPDECK)], env=environment, timeout=60, check=True, stdin=subprocess.DEVNULL
    )
    return [word.strip() for word in answer.read_text().split(IFS) if word.strip()]


@pytest.fixture
def data(cli: Cli, db_path: Path) -> Path:
    """A real data file with four loops, two of them at the same company."""
    for line in (
        "Quarry Systems / Staff ML Engineer",
        "Lumen Forge / Ranking",
        "Acme / ML Engineer",
        "Acme / Data Engineer",
    ):
        assert cli("add", line).code == 0
    return db_path


@pytest.mark.parametrize(
    ("shell", "registers"),
    [
        ("bash", "complete -o nospace -o default -o bashdefault -F _python_argcomplete loopdeck"),
        ("zsh", "compdef _python_argcomplete loopdeck"),
        ("fish", "complete --command loopdeck"),
    ],
)
def test_the_script_registers_loopdeck_with_each_shell(
    cli: Cli, shell: str, registers: str
) -> None:
    result = cli("completion", shell)
    assert result.code == 0, result.err
    assert registers in result.out
    assert "_ARGCOMPLETE" in result.out  # it asks loopdeck itself: never stale


def test_an_unknown_shell_is_a_usage_error(cli: Cli) -> None:
    result = cli("completion", "tcsh")
    assert result.code == 2
    assert "invalid choice: 'tcsh'" in result.err


def test_tab_after_loopdeck_lists_every_command(tmp_path: Path) -> None:
    names = [name for _, names in COMMANDS for name in names]
    assert complete("loopdeck ", tmp_path) == names
    assert complete("loopdeck sh", tmp_path) == ["show"]
    assert complete("loopdeck next --ow", tmp_path) == ["--owner"]


def test_loop_names_complete_from_the_data_file(data: Path, tmp_path: Path) -> None:
    words = complete(f"loopdeck --db {data} show ", tmp_path)
    ids = [word for word in words if word not in ("lumen", "quarry")]
    assert len(words) == 4 and len(ids) == 2  # the two Acme loops by their ids
    assert all(len(word) == 8 for word in ids)
    assert complete(f"loopdeck --db {data} close qu", tmp_path) == ["quarry"]
    assert complete(f"loopdeck --db {data} told quarry --about Lu", tmp_path) == ["Lumen"]


def test_the_default_data_file_comes_from_the_environment(data: Path, tmp_path: Path) -> None:
    assert complete("loopdeck log lu", tmp_path, LOOPDECK_DB=str(data)) == ["lumen"]
    assert complete("loopdeck --demo show tide", tmp_path) == ["tidewater"]


def test_completing_never_creates_or_changes_a_file(data: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.json"
    assert complete(f"loopdeck --db {missing} show ", tmp_path) == []
    assert not missing.exists()
    before = data.read_bytes()
    complete(f"loopdeck --db {data} show ", tmp_path)
    assert data.read_bytes() == before


def test_bash_completes_a_loop_through_the_generated_script(data: Path) -> None:
    """The whole way: bash sources the script and runs its function as Tab would."""
    script = subprocess.run(
        [str(LOOPDECK), "completion", "bash"], capture_output=True, text=True, check=True
    ).stdout
    line = f"loopdeck --db {data} show qu"
    probe = (
        f"{script}\n"
        f"COMP_LINE='{line}'; COMP_POINT={len(line)}\n"
        f"COMP_WORDS=(loopdeck --db '{data}' show qu); COMP_CWORD=4\n"
        "_python_argcomplete loopdeck\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-c", probe], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    assert result.stdout.split() == ["quarry"]


def test_fish_completes_a_loop_through_the_generated_script(data: Path) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed here")
    probe = f"loopdeck completion fish | source; complete -C 'loopdeck --db {data} show qu'"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["fish", "-c", probe], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    assert result.stdout.split() == ["quarry"]


@pytest.mark.parametrize(("shell", "check"), [("zsh", ["-n"]), ("fish", ["--no-execute"])])
def test_the_zsh_and_fish_scripts_parse_where_those_shells_are_installed(
    cli: Cli, tmp_path: Path, shell: str, check: list[str]
) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    script = tmp_path / f"loopdeck.{shell}"
    script.write_text(cli("completion", shell).out)
    subprocess.run([shell, *check, str(script)], check=True, timeout=60)


def test_other_commands_do_not_import_the_completion_library(tmp_path: Path) -> None:
    """Completion costs a command nothing: argcomplete loads only when a shell asks."""
    probe = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"main(['--db', {str(tmp_path / 'x.json')!r}, 'next'])\n"
        "print('argcomplete' in sys.modules, 'tui.cli.completing' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "_ARGCOMPLETE"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.splitlines()[-1] == "False False"


@pytest.fixture
def items(data: Path, cli: Cli) -> Path:
    """Quarry with three rounds (r1 the application), a recruiter, a note and an open promise."""
    for args in (
        ("stage", "quarry", "screen on:+2d"),
        ("stage", "quarry", "tech"),
        ("contact", "quarry", "Jonas Weber"),
        ("log", "quarry", "Sent my availability"),
        ("log", "quarry", "Send the slides", "--due", "tomorrow"),
    ):
        assert cli(*args).code == 0, args
    return data


@pytest.mark.parametrize("command", ["done", "cancel", "move"])
def test_a_round_completes_with_the_named_loops_round_handles(
    items: Path, tmp_path: Path, command: str
) -> None:
    assert complete(f"loopdeck --db {items} {command} quarry ", tmp_path) == ["r1", "r2", "r3"]
    assert complete(f"loopdeck --db {items} {command} quarry r", tmp_path) == ["r1", "r2", "r3"]
    assert complete(f"loopdeck --db {items} {command} lumen ", tmp_path) == ["r1"]


def test_move_offers_a_round_only_as_its_first_word(items: Path, tmp_path: Path) -> None:
    assert complete(f"loopdeck --db {items} move quarry r2 ", tmp_path) == []


def test_forget_completes_every_handle_and_did_the_open_promises(
    items: Path, tmp_path: Path, cli: Cli
) -> None:
    every = complete(f"loopdeck --db {items} forget quarry ", tmp_path)
    assert every == ["r1", "r2", "r3", "p1", "l1", "l2"]
    assert complete(f"loopdeck --db {items} forget quarry l", tmp_path) == ["l1", "l2"]
    assert complete(f"loopdeck --db {items} did quarry ", tmp_path) == ["l2"]
    assert cli("offer", "quarry", "--base", "200k").code == 0
    assert complete(f"loopdeck --db {items} forget quarry o", tmp_path) == ["offer"]


def test_edit_completes_the_handles_it_edits(items: Path, tmp_path: Path) -> None:
    """Rounds, log lines, questions and talking points; a person is changed by `contact`."""
    assert complete(f"loopdeck --db {items} edit quarry ", tmp_path) == [
        "r1",
        "r2",
        "r3",
        "l1",
        "l2",
    ]


def test_a_loop_that_names_nothing_completes_no_handles(items: Path, tmp_path: Path) -> None:
    assert complete(f"loopdeck --db {items} done nowhere ", tmp_path) == []
    assert complete(f"loopdeck --db {items} forget acme ", tmp_path) == []  # two Acme loops
    missing = tmp_path / "nothing-here.json"
    assert complete(f"loopdeck --db {missing} done quarry ", tmp_path) == []
    assert not missing.exists()


def test_bash_completes_a_round_handle_through_the_generated_script(items: Path) -> None:
    script = subprocess.run(
        [str(LOOPDECK), "completion", "bash"], capture_output=True, text=True, check=True
    ).stdout
    line = f"loopdeck --db {items} done quarry r"
    probe = (
        f"{script}\n"
        f"COMP_LINE='{line}'; COMP_POINT={len(line)}\n"
        f"COMP_WORDS=(loopdeck --db '{items}' done quarry r); COMP_CWORD=5\n"
        "_python_argcomplete loopdeck\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-c", probe], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    assert result.stdout.split() == ["r1", "r2", "r3"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shells_protocol_gets_the_round_handles(
    items: Path, tmp_path: Path, shell: str
) -> None:
    """The zsh and fish scripts ask the same way, naming their shell (zsh adds a ':')."""
    words = complete(f"loopdeck --db {items} done quarry ", tmp_path, _ARGCOMPLETE_SHELL=shell)
    assert [word.removesuffix(":") for word in words] == ["r1", "r2", "r3"]
