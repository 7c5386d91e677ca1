"""A data file reached through a symbolic link stays a link: writes replace what it points to.

People keep the file in a synced folder and link it from where loopdeck looks.
Replacing the link with a plain file would leave the real file behind, never
again receiving a change.
"""

from __future__ import annotations

import os
from pathlib import Path

from storehelp import add_loop, process, titles

from storage.repository import Repository


def test_a_write_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "loops.json"
    add_loop(real, "Acme")
    link = tmp_path / "home" / "loopdeck.json"
    link.parent.mkdir()
    link.symlink_to(real)
    inode = os.stat(real).st_ino

    repo = Repository.open(link)
    with repo.transaction("add Globex") as tx:
        tx.put(process("Globex"))

    assert link.is_symlink() and os.readlink(link) == str(real)
    assert os.stat(real).st_ino != inode  # replaced whole (atomically), not written in place
    assert titles(Repository.open(real)) == ["Acme / ML Engineer", "Globex / ML Engineer"]
    leftovers = [p.name for p in (*real.parent.iterdir(), *link.parent.iterdir())]
    assert not [name for name in leftovers if name.endswith(".tmp")]


def test_a_link_chain_is_followed_to_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    add_loop(real, "Acme")
    (tmp_path / "middle.json").symlink_to("real.json")
    (tmp_path / "outer.json").symlink_to("middle.json")

    with Repository.open(tmp_path / "outer.json").transaction("add") as tx:
        tx.put(process("Globex"))

    assert (tmp_path / "outer.json").is_symlink() and (tmp_path / "middle.json").is_symlink()
    assert len(titles(Repository.open(real))) == 2


def test_a_link_to_itself_opens_read_only_with_the_reason(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.symlink_to(db_path.name)

    repo = Repository.open(db_path)

    assert repo.unreadable == (
        "cannot read loopdeck.json (Too many levels of symbolic links); opened read-only"
    )
    assert repo.read_only == repo.unreadable
