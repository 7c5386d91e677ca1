"""`Repository`: the only way the app and the command line read and write loops.

Opening never raises for a bad file: it opens read-only and `read_only` says
why in one sentence, so the user still sees what can be shown and the file
is never rewritten. Every write is one transaction: under the lock file,
re-read the file if someone replaced it, apply the field writes on top,
write atomically, then journal the previous values for undo.
"""

from __future__ import annotations

import itertools
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout

from planner.models import Contact, Event, Loop, Process, ProcessStatus, Record, Round, Settings
from planner.prep import PROFILE_ID, Profile
from storage import codec, jsonfile, lookup, modelcache
from storage.errors import DataFileError, NotFoundError, ReadOnlyError, StorageError
from storage.gcpause import long_lived, paused_gc
from storage.hlc import HybridClock
from storage.replica import replica_id
from storage.tinydb_storage import LoopdeckDB
from storage.transaction import Applied, Change, Transaction, apply_changes, inverse
from storage.undo import UndoJournal

LOCK_TIMEOUT_S = 10.0
RecordT = TypeVar("RecordT", bound=Record)


class Repository:
    """Loops in one data file. Use `Repository.open(path)`.

    Models handed out are shared with the repository's cache: change them with
    `model_copy(update=...)` and `tx.put` the copy rather than mutating them.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only: str | None = None
        self._db = LoopdeckDB(path)
        self._lock = FileLock(path.with_name(f"{path.stem}.lock"), timeout=LOCK_TIMEOUT_S)
        self._journal = UndoJournal(path)
        self._clock: HybridClock | None = None
        self._models: dict[str, dict[str, Record]] = {t: {} for t in codec.MODEL_OF}
        self._settings = Settings()
        self._counts: dict[str, int] | None = None
        self._save_cache_on_load = True
        self._cached_key: bytes | None = None
        """The key of the version the model cache on disk holds, when known."""

    @classmethod
    def open(cls, path: Path, *, save_cache: bool = True) -> Repository:
        """Load the file (a missing one is created by the first write, not here).

        `save_cache=False` leaves refreshing the model cache to a later
        `save_cache()`: the app does it on the way out rather than before its
        first paint.
        """
        repo = cls(path)
        repo._save_cache_on_load = save_cache
        repo._load()
        if repo.read_only is None:
            repo._sweep_stale_temps()
        return repo

    # Reads

    def loops(self, include_closed: bool = False) -> list[Loop]:
        """Every live loop with its rounds, contacts and log, ordered by title."""
        with paused_gc():
            return self._loops(include_closed)

    def _loops(self, include_closed: bool) -> list[Loop]:
        children: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for table in codec.CHILD_TABLES:
            for model in self._models[table].values():
                children[model.process_id][table].append(model)  # type: ignore[attr-defined]
        # Every model was validated on load: construct the loops without validating again.
        loops = [
            Loop.model_construct(
                process=process,
                rounds=children[process.id]["rounds"],
                contacts=children[process.id]["contacts"],
                events=children[process.id]["events"],
            )
            for process in self._processes()
            if include_closed or process.status != ProcessStatus.CLOSED
        ]
        return sorted(loops, key=lambda loop: (loop.process.title.casefold(), loop.process.id))

    def loop(self, process_id: str) -> Loop:
        process = self._models["processes"].get(process_id)
        if not isinstance(process, Process):
            raise NotFoundError(f"no loop with id {process_id[:8]}")
        return Loop.model_construct(
            process=process,
            rounds=self._children(Round, process_id),
            contacts=self._children(Contact, process_id),
            events=self._children(Event, process_id),
        )

    def find_process(self, query: str) -> Process:
        """An id prefix or a unique case-insensitive part of 'Company / Role'."""
        return lookup.find_process(self._processes(), query)

    @property
    def version(self) -> tuple[int, int, int] | None:
        """The version of the file the models come from: inode, size, mtime (None: no file)."""
        stamp = self._db.file.fingerprint
        return None if stamp is None else (stamp.inode, stamp.size, stamp.mtime_ns)

    def settings(self) -> Settings:
        return self._settings

    def records(self, model: type[RecordT], process_id: str | None = None) -> list[RecordT]:
        """Live records of one kind (offers, questions, ...): one loop's, or every loop's."""
        found = self._models[codec.TABLE_OF[model]].values()
        return [
            m
            for m in found
            if isinstance(m, model) and process_id in (None, getattr(m, "process_id", None))
        ]

    def profile(self) -> Profile:
        """My constraints (location, visa, ...): blank until first saved."""
        stored = self._models["profile"].get(PROFILE_ID)
        return stored if isinstance(stored, Profile) else Profile()

    def conflicts(self, record_id: str) -> list[dict[str, Any]]:
        """Values a sync merge overwrote on this record (`_conflicts`), newest last."""
        for table in codec.MODEL_OF:
            record = self._db.file.document.get(table, {}).get(record_id)
            if record is not None:
                found = record.get("_conflicts")
                if not isinstance(found, list):
                    return []
                return [c for c in found if isinstance(c, dict)]
        return []

    def conflict_counts(self) -> dict[str, int]:
        """How many overwritten values a sync kept, per loop (process id).

        The app marks those loops so the user sees where a merge chose for them.
        Counted once per version of the file (or taken from the model cache).
        """
        if self._counts is None:
            self._counts = codec.conflict_counts(self._db.file.document)
        return self._counts

    def save_cache(self) -> None:
        """Bring the model cache up to this version of the file, so the next open skips parsing.

        For the app, which calls it on the way out (after its writes, or after
        opening with `save_cache=False`); a short command never does, it would
        slow every write down. Does nothing when the cache is already current.
        """
        stamp = self._db.file.fingerprint
        if self.read_only is not None or stamp is None:
            return
        try:
            raw, on_disk = jsonfile.read_bytes(self.path)
        except OSError:
            return
        if on_disk != stamp or len(raw) < modelcache.MIN_BYTES:
            return  # changed meanwhile (the next load caches it) or too small to matter
        key = modelcache.key_of(self.path, stamp, raw)
        if key == self._cached_key:
            return  # the cache already holds this version
        cached = modelcache.CachedModels(self._models, self._settings, self.conflict_counts())
        modelcache.store(self.path, key, cached)
        self._cached_key = key

    def undo_label(self) -> str | None:
        """What `undo()` would undo, for menus and confirmations."""
        entries = self._journal.entries()
        return entries[-1]["label"] if entries else None

    # Writes

    @contextmanager
    def transaction(self, label: str) -> Iterator[Transaction]:
        """Collect writes; on a clean exit they become one atomic write and one undo step."""
        self._require_writable()
        tx = Transaction(label, self._raw_record)
        yield tx
        changes = list(tx.changes.values())
        if changes:
            self._write(changes, label)

    def undo(self) -> str | None:
        """Undo the latest transaction as a new stamped write; its label, or None if none."""
        self._require_writable()
        if not self._journal.entries():
            return None  # without taking the lock, which would create the folder
        with self._locked():
            self._reload_under_lock()
            entries = self._journal.entries()
            if not entries:
                return None
            latest = entries[-1]
            self._commit([inverse(note) for note in reversed(latest["changes"])], None)
            self._journal.pop(self._db.file.fingerprint)
        return str(latest["label"])

    def reload_if_changed(self) -> bool:
        """Re-read the file if another window or `git pull` changed it; True if it did."""
        if not self._db.file.changed_on_disk():
            return False
        self._load()
        return True

    # Internals

    def _write(self, changes: list[Change], label: str) -> None:
        with self._locked():
            self._reload_under_lock()
            self._commit(changes, label)

    def _commit(self, changes: list[Change], label: str | None) -> None:
        storage = self._db.file
        snapshot = dict(storage.document) or codec.empty_document()
        storage.document = dict(snapshot)
        applied = apply_changes(snapshot, changes, self._stamp_clock())
        if not applied.undo:
            return
        for table, records in applied.records.items():
            self._db.records(table).put_many(records)
        codec.upgrade_schema(storage.document)
        try:
            storage.flush()
        except OSError as error:
            storage.document = snapshot
            raise StorageError(
                f"could not save {self.path.name} ({error.strerror}); nothing was changed"
            ) from None
        self._refresh_models(applied)
        self._counts = None
        if label is None:
            return
        try:
            self._journal.push(label, applied.undo, self._db.file.fingerprint)
        except OSError as error:
            raise StorageError(
                f"saved, but could not record it for undo ({error.strerror})"
            ) from None

    def _reload_under_lock(self) -> None:
        """Before writing, take in what others wrote; refuse if the file went bad."""
        if self._db.file.changed_on_disk():
            self._load()
        self._require_writable()
        jsonfile.remove_stale_temps(self.path)

    def _load(self) -> None:
        """(Re)read the file; on failure keep the last good models and turn read-only."""
        name = self.path.name
        try:
            with long_lived():
                self._read_file()
            self.read_only = _unwritable_reason(self.path)
        except DataFileError as error:
            self.read_only = f"{error} (opened read-only)"
        except OSError as error:
            self.read_only = f"cannot read {name} ({error.strerror}); opened read-only"
        if self.read_only is not None:
            # Remember the bad version so that the watcher does not reload it on every tick.
            self._db.file.fingerprint = jsonfile.fingerprint(self.path)

    def _read_file(self) -> None:
        """Models from the cache when it has this very version of the file, else parse it."""
        storage = self._db.file
        try:
            raw, stamp = jsonfile.read_bytes(self.path)
        except (FileNotFoundError, NotADirectoryError):
            self._models = {t: {} for t in codec.MODEL_OF}
            self._settings, self._counts = Settings(), {}
            storage.forget()
            self._db.clear_cache()
            return
        storage.defer(raw, stamp, ours=self._journal.written())
        key = modelcache.key_of(self.path, stamp, raw) if len(raw) >= modelcache.MIN_BYTES else None
        cached = modelcache.load(self.path, key) if key is not None else None
        self._cached_key = key if cached is not None else None
        if cached is None:
            cached = self._parse(storage.document)
            if key is not None and self._save_cache_on_load:
                modelcache.store(self.path, key, cached)
                self._cached_key = key
        self._models, self._settings = cached.models, cached.settings
        self._counts = cached.conflict_counts
        self._db.clear_cache()

    def _parse(self, document: dict[str, Any]) -> modelcache.CachedModels:
        name = self.path.name
        codec.check_schema(document, name)
        models = {
            table: codec.live_models(table, document.get(table, {}), name)
            for table in codec.MODEL_OF
        }
        settings = codec.settings_from(document, name)
        return modelcache.CachedModels(models, settings, codec.conflict_counts(document))

    def _refresh_models(self, applied: Applied) -> None:
        """Update the cache for the records a write touched.

        Each touched table gets a new dict, swapped in whole: a reader on
        another thread (the app saves off its UI thread) iterating the old one
        never sees it change size under it.
        """
        for table, records in applied.records.items():
            if table == codec.SETTINGS_TABLE:
                self._settings = codec.settings_from(self._db.file.document, self.path.name)
                continue
            models = dict(self._models[table])
            for record_id, record in records.items():
                if record.get("_deleted") is None:
                    fields = {**codec.public_fields(record), "id": record_id}
                    models[record_id] = codec.MODEL_OF[table].model_validate(fields)
                else:
                    models.pop(record_id, None)
            if table in codec.ENTRY_ORDERED:
                models = self._in_entry_order(table, self._models[table], models, records)
            self._models = {**self._models, table: models}

    def _in_entry_order(
        self,
        table: str,
        before: dict[str, Record],
        models: dict[str, Record],
        written: Iterable[str],
    ) -> dict[str, Record]:
        """`models` in the order their records were entered, as a fresh load orders them.

        A new record comes last, where the write appended it, and it is the
        newest; only a record brought back by an undo, older than the ones
        before it, takes a sort.
        """
        raw = self._db.file.document.get(table, {})
        added = [r for r in written if r in models and r not in before]
        last = next(reversed(before), None)
        stamps = [codec.entered(raw.get(r)) for r in ([last] if last else []) + added]
        if all(a <= b for a, b in itertools.pairwise(stamps)):
            return models
        order = sorted(models, key=lambda record_id: codec.entered(raw.get(record_id)))
        return {record_id: models[record_id] for record_id in order}

    def _raw_record(self, table: str, record_id: str) -> dict[str, Any] | None:
        return self._db.file.document.get(table, {}).get(record_id)

    def _processes(self) -> list[Process]:
        return [p for p in self._models["processes"].values() if isinstance(p, Process)]

    def _children(self, model: type[Record], process_id: str) -> list[Any]:
        table = codec.TABLE_OF[model]
        return [m for m in self._models[table].values() if m.process_id == process_id]  # type: ignore[attr-defined]

    def _stamp_clock(self) -> HybridClock:
        if self._clock is None:
            self._clock = HybridClock(replica_id(self.path))
        return self._clock

    def _require_writable(self) -> None:
        if self.read_only is not None:
            raise ReadOnlyError(self.read_only)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"cannot create the folder for {self.path.name} ({error.strerror})"
            ) from None
        try:
            with self._lock:
                yield
        except Timeout:
            raise StorageError(
                f"another loopdeck is saving {self.path.name}; try again in a moment"
            ) from None

    def _sweep_stale_temps(self) -> None:
        prefix = jsonfile.temp_prefix(self.path)
        try:
            stale = any(name.startswith(prefix) for name in os.listdir(self.path.parent))
        except OSError:
            return
        if not stale:
            return
        # Only if nobody is writing right now: opening must not wait, and the
        # next write sweeps under the lock anyway.
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return
        try:
            jsonfile.remove_stale_temps(self.path)
        finally:
            self._lock.release()


def _unwritable_reason(path: Path) -> str | None:
    """Why a later write would fail (permissions, a file where a folder should be), or None."""
    name = path.name
    if path.exists():
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
            return f"{name} is not writable (permission denied); opened read-only"
        if not os.stat(path).st_mode & 0o222:
            # Root may write anyway; a file nobody may write was made read-only on purpose.
            return f"{name} is marked read-only (no write permission); opened read-only"
        return None
    folder = path.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        return f"cannot create the folder for {name}: {folder.name} is a file; opened read-only"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot create {name} (permission denied); opened read-only"
    return None
