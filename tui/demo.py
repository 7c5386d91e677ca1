"""A throw-away copy of the demo data whose dates sit around today.

The seed file stores its dates relative to an anchor day (`demo_anchor` in the
meta table). Opening the demo shifts every date by (today - anchor), so a
"round on Thursday" is always this week's Thursday, and writes go to a new temp
folder: trying things in the demo never touches the user's own data file.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any, get_args, get_type_hints

from planner.records import Checked
from storage.codec import MODEL_OF

# seeds/ sits beside the packages at the repository root (editable installs).
SEED_FILE = Path(__file__).resolve().parent.parent / "seeds" / "demo.json"


def date_fields(model: type[Checked]) -> tuple[str, ...]:
    """The fields of a model that hold a date (alone or optional): what a shift moves."""
    return tuple(
        name
        for name, annotation in get_type_hints(model).items()
        if annotation is dt.date or dt.date in get_args(annotation)
    )


# Read from the models, so a date field added later is shifted too.
DATE_FIELDS: dict[str, tuple[str, ...]] = {
    table: fields for table, model in MODEL_OF.items() if (fields := date_fields(model))
}


class DemoDataMissing(RuntimeError):
    """The seed file is not where an editable install puts it."""


def shifted(document: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The document with every date moved so that its anchor day becomes today."""
    schema = document["meta"]["schema"]
    delta = today - dt.date.fromisoformat(schema["demo_anchor"])
    for table, fields in DATE_FIELDS.items():
        for record in document.get(table, {}).values():
            for field in fields:
                if record.get(field) is not None:
                    moved = dt.date.fromisoformat(record[field]) + delta
                    record[field] = moved.isoformat()
    schema["demo_anchor"] = today.isoformat()
    return document


def make_demo_copy(today: dt.date, seed: Path = SEED_FILE) -> Path:
    """Write the shifted demo data to a new temp folder and return the file's path."""
    try:
        document = json.loads(seed.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DemoDataMissing(
            f"the demo data is missing ({seed.name} not found); run loopdeck from a source checkout"
        ) from None
    folder = Path(tempfile.mkdtemp(prefix="loopdeck-demo-"))
    target = folder / "loopdeck.json"
    text = json.dumps(shifted(document, today), indent=2, sort_keys=True, ensure_ascii=False)
    target.write_text(text + "\n", encoding="utf-8")
    return target
