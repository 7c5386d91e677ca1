"""Fixtures for the app's tests: the demo data in a temp file."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import write_demo


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    """A fresh copy of the demo data, its dates around the frozen today."""
    return write_demo(db_path)
