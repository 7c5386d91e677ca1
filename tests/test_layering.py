"""The layers point down: planner stays pure, storage has no UI.

import-linter checks the import statements; this test checks what actually
ends up loaded, in a fresh interpreter, so an import hidden in a function body
or pulled in by a third-party library is caught as well.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("textual", "tinydb", "rich")

PROBE = """
import importlib, json, pkgutil, sys
package, extra, forbidden = sys.argv[1], sys.argv[2:-1], sys.argv[-1].split(",")
root = importlib.import_module(package)
modules = [m.name for m in pkgutil.walk_packages(root.__path__, package + ".")]
for name in modules + extra:
    importlib.import_module(name)
loaded = sorted(f for f in forbidden if f in sys.modules)
print(json.dumps({"modules": modules, "loaded": loaded}))
"""


def probe(package: str, forbidden: tuple[str, ...], *extra: str) -> tuple[list[str], list[str]]:
    """Import every module of `package` (and `extra`) in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, package, *extra, ",".join(forbidden)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    return answer["modules"], answer["loaded"]


def test_planner_imports_neither_textual_tinydb_nor_rich() -> None:
    modules, loaded = probe("planner", FORBIDDEN)
    assert {"planner.models", "planner.ownership", "planner.quickadd"} <= set(modules)
    assert loaded == []


def test_storage_imports_neither_textual_nor_rich() -> None:
    modules, loaded = probe("storage", ("textual", "rich"))
    if not modules:
        pytest.skip("storage has no modules yet")
    assert "storage.repository" in modules
    assert loaded == []


def test_the_probe_sees_a_forbidden_import() -> None:
    _, loaded = probe("planner", FORBIDDEN, "rich.text")
    assert loaded == ["rich"]
