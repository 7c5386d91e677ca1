"""Every sync test runs git with a temp HOME, so the user's git config never leaks in."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitfarm import Farm, isolate_git


@pytest.fixture
def farm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Farm:
    isolate_git(monkeypatch, tmp_path / "home")
    return Farm(tmp_path)
