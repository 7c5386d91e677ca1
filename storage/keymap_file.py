"""The user's own keys: `<config>/keymap.toml`, binding id = the keys to press instead.

    add-round = "r"           # s adds a round no more; r does
    list-down = "j,ctrl+n"    # several keys, separated by commas
    conflicts = ["K", "f9"]   # or as a list

The ids are the ones help shows and README lists; the app hands the mapping to
Textual's keymap (`App.set_keymap`), which replaces the bound keys of every
binding with that id. The file is the user's: it is only ever read.
"""

from __future__ import annotations

from pathlib import Path

from storage.locations import config_dir

FILE_NAME = "keymap.toml"


class KeymapError(ValueError):
    """The keymap file cannot be used; the message is one sentence for the user."""


def keymap_path() -> Path:
    return config_dir() / FILE_NAME


def read_keymap(path: Path | None = None) -> dict[str, str]:
    """Binding id -> comma-separated keys; empty when there is no file."""
    path = path or keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise KeymapError(f"{path} could not be read ({error}); the default keys apply") from None
    import tomllib  # only with a file: most starts have none

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KeymapError(f"{path} is not valid TOML ({error}); the default keys apply") from None
    keymap: dict[str, str] = {}
    for binding_id, keys in document.items():
        if isinstance(keys, str):
            keys = [part.strip() for part in keys.split(",")]
        if (
            not isinstance(keys, list)
            or not keys
            or not all(isinstance(k, str) and k.strip() for k in keys)
        ):
            raise KeymapError(
                f'{path}: {binding_id} should be keys in quotes, like {binding_id} = "ctrl+r"; '
                "the default keys apply"
            )
        keymap[binding_id] = ",".join(k.strip() for k in keys)
    return keymap
