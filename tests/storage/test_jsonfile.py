"""The strict reader and the atomic writer of `storage.jsonfile`, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.errors import DataFileError
from storage.jsonfile import decode, encode, fingerprint, remove_stale_temps, write_atomic


def test_written_files_are_sorted_indented_and_end_with_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "loopdeck.json"

    write_atomic(path, {"b": {"z": 1, "a": [1, 2]}, "a": {}})

    assert path.read_bytes() == (
        b'{\n  "a": {},\n  "b": {\n    "a": [\n      1,\n      2\n    ],\n    "z": 1\n  }\n}\n'
    )


def test_the_fingerprint_returned_by_a_write_is_the_files(tmp_path: Path) -> None:
    path = tmp_path / "loopdeck.json"
    written = write_atomic(path, {"a": {}})

    assert fingerprint(path) == written
    write_atomic(path, {"a": {}})
    assert fingerprint(path) != written


def test_a_write_keeps_the_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "loopdeck.json"
    write_atomic(path, {"a": {}})
    path.chmod(0o600)

    write_atomic(path, {"b": {}})

    assert path.stat().st_mode & 0o777 == 0o600


def test_duplicate_keys_are_caught_in_a_hand_formatted_file() -> None:
    raw = b'{"meta": {"schema": {"schema_version": 1}}, "meta": {}}'

    with pytest.raises(DataFileError, match="key 'meta' appears twice"):
        decode(raw, "loopdeck.json")


def test_a_hand_formatted_file_without_duplicates_is_accepted() -> None:
    raw = b'{"processes": {"x": {"notes": "said \\"yes\\": great"}}}'

    assert decode(raw, "f.json") == {"processes": {"x": {"notes": 'said "yes": great'}}}


def test_a_canonical_file_decodes_to_what_was_encoded() -> None:
    data = {"processes": {"x": {"company": "Ünïcode ☃", "tags": ["a"]}}}

    assert decode(encode(data), "f.json") == data


def test_damaged_json_names_the_line() -> None:
    with pytest.raises(DataFileError, match=r"^f.json line 2: not valid JSON \("):
        decode(b'{"a": 1,\n "b": nope}\n', "f.json")


def test_the_sweep_removes_only_this_files_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "loopdeck.json"
    (tmp_path / ".loopdeck.json.0123.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".other.json.0123.tmp").write_text("not ours", encoding="utf-8")

    assert remove_stale_temps(path) == 1
    assert [p.name for p in tmp_path.iterdir()] == [".other.json.0123.tmp"]
