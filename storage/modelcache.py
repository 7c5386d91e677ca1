"""A local copy of the validated models of a large data file, so reopening it skips parsing.

Parsing and validating a large file is most of the time a short command such
as `loopdeck next` takes. The models it yields are pickled to the user's
cache folder (never beside the data file: a pickle must not travel through a
shared git repository) and reused while the data file is the very same
version: same inode, size and modification time (the fingerprint the
repository trusts to notice any other writer; each of its writes replaces the
file, so it gets a new inode), and the same change time, which unlike the
modification time no tool can set back. No checksum of the whole file: on a
large file that alone cost more than a tenth of what a cache hit saves.

The cache is only ever a shortcut. Anything unexpected (a missing or damaged
cache, another loopdeck or Python version, changed record fields) counts as
a miss, and the caller parses the file as if there were no cache. Small files
are not cached: parsing them is as fast as unpickling.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.models import Record, Settings
from storage import codec
from storage.jsonfile import Fingerprint, Written
from storage.locations import cache_file, write_cache

FORMAT = 6
"""3: log entries in the order they were entered (`codec.ENTRY_ORDERED`); 4: `closed_out`;
5: records are dataclasses, not pydantic models; 6: `last_entered`."""
MIN_BYTES = 256 * 1024
"""Below this size a file parses about as fast as its pickle loads: no cache."""


@dataclass
class CachedModels:
    """What a full load of the file produced."""

    models: dict[str, dict[str, Record]]
    settings: Settings
    conflict_counts: dict[str, int] | None
    """None until asked for: a command that writes never needs them."""
    closed_out: frozenset[str] = frozenset()
    """The tables whose records of closed loops are not among `models` (see `Repository`)."""
    last_entered: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Per entry-ordered table, its last record's id and when it was entered (`codec.entered`),
    where known: a catch-up that appends to the table needs that one stamp of the file."""


def cache_path(data_path: Path) -> Path:
    """Where the models of this data file are cached."""
    return cache_file(data_path, "models", ".pickle")


def key_of(data_path: Path, stamp: Fingerprint) -> bytes:
    """Identifies one version of the file as read by one version of the code.

    `stamp` is the fingerprint of the bytes read; the change time is taken
    now, with the inode it belongs to, so a file replaced in between gives a
    key that matches no version at all (a miss), never the wrong one.
    """
    try:
        now = os.stat(data_path)
        changed = f"{now.st_ino}:{now.st_ctime_ns}"
    except OSError:
        changed = "gone"
    return _key(data_path, stamp, changed)


def key_at(data_path: Path, version: Written) -> bytes:
    """The key `key_of` gave `version` of the file while it was on disk (an earlier one, say)."""
    stamp = version.fingerprint
    return _key(data_path, stamp, f"{stamp.inode}:{version.changed_ns}")


def _key(data_path: Path, stamp: Fingerprint, changed: str) -> bytes:
    parts = [
        f"format={FORMAT}",
        f"python={sys.version_info[:3]}",
        f"schema={codec.SCHEMA_VERSION}",
        f"models={_model_signature()}",
        f"path={data_path.absolute()}",
        f"file={stamp.inode}:{stamp.size}:{stamp.mtime_ns}:{changed}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest().encode()


def load(data_path: Path, key: bytes) -> CachedModels | None:
    """The cached models for this exact version of the file, or None."""
    found = load_first(data_path, [key])
    return None if found is None else found[1]


def load_first(data_path: Path, keys: list[bytes]) -> tuple[int, CachedModels] | None:
    """The cached models if the cache holds one of these versions: which one, and its models."""
    try:
        with open(cache_path(data_path), "rb") as handle:
            found = handle.readline().rstrip(b"\n")
            if found not in keys:
                return None
            import pickle  # only for a hit: a write, whose new file no cache matches, skips it

            tables, settings, counts, closed_out, last_entered = pickle.load(handle)
        models = {table: _rebuild(*columns) for table, columns in tables.items()}
    except Exception:  # any damage or version skew is a miss, never an error
        return None
    if not isinstance(settings, Settings) or models.keys() != codec.MODEL_OF.keys():
        return None
    if not isinstance(closed_out, frozenset) or not closed_out <= set(codec.LOOP_TABLES):
        return None
    if not isinstance(last_entered, dict):
        return None
    return keys.index(found), CachedModels(models, settings, counts, closed_out, last_entered)


def store(data_path: Path, key: bytes, cached: CachedModels) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not written."""
    import pickle

    tables = {table: _columns(table, models) for table, models in cached.models.items()}
    try:
        payload = pickle.dumps(
            (
                tables,
                cached.settings,
                cached.conflict_counts,
                cached.closed_out,
                cached.last_entered,
            ),
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    except pickle.PicklingError:
        return
    write_cache(cache_path(data_path), key + b"\n" + payload, data_path)


Columns = tuple[type[Record], list[str], list[dict[str, Any]]]


def _columns(table: str, models: dict[str, Record]) -> Columns:
    """A table as its record class and, per record, the id and the field values.

    One class reference per table instead of one per record keeps the pickle
    small, and loading it gives each record its values' dict as it is. Records
    read from our own file share one date object per day (`Record.from_stored`),
    which pickle's memo writes once; comparing every value here to share the
    rest cost a store on the archive some 45 ms for a few ms per load.
    """
    return (
        codec.MODEL_OF[table],
        list(models.keys()),
        [model.__dict__ for model in models.values()],
    )


def _rebuild(
    model: type[Record], ids: list[str], values: list[dict[str, Any]]
) -> dict[str, Record]:
    """Records from their validated values, not validated again."""
    built = model.from_checked
    return {record_id: built(fields) for record_id, fields in zip(ids, values, strict=True)}


_SIGNATURE: list[str] = []


def _model_signature() -> str:
    """The stored models' fields and types: a changed model makes old pickles misses."""
    if not _SIGNATURE:
        described: list[Any] = []
        for table, model in sorted(codec.MODEL_OF.items()):
            described.append((table, model.__qualname__, _declared(model)))
        described.append(("settings", _declared(Settings)))
        _SIGNATURE.append(hashlib.sha256(repr(described).encode()).hexdigest())
    return _SIGNATURE[0]


def _declared(model: type[Any]) -> list[tuple[str, str]]:
    """Each field's name and annotation as written (text: the same in every process)."""
    return [(found.name, str(found.type)) for found in dataclasses.fields(model)]
