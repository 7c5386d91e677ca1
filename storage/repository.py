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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from planner.models import Contact, Event, Loop, Process, ProcessStatus, Record, Round, Settings
from planner.prep import PROFILE_ID, Profile
from storage import codec, jsonfile, lookup, modelcache
from storage.canonical import LazyTable
from storage.errors import DataFileError, NotFoundError, ReadOnlyError, StorageError
from storage.gcpause import long_lived, paused_gc
from storage.hlc import HybridClock
from storage.jsonfile import Written
from storage.replica import replica_id
from storage.tinydb_storage import FileMoved, LoopdeckDB
from storage.transaction import (
    DELETED,
    Applied,
    Change,
    MovedOn,
    Transaction,
    apply_changes,
    change_of,
    inverse,
    renew,
    restamped,
)
from storage.undo import Step, UndoJournal, Undone

if TYPE_CHECKING:
    from planner.changes.base import Patch
    from storage.lockfile import FileLock

LOCK_TIMEOUT_S = 10.0
SAVE_AFTER_STEPS = 10
"""Writes in a row after which a read pickles its caught-up models again (see
`_journal_catches_up`); well below `storage.undo.STEPS_KEPT`, the journal's reach."""
RecordT = TypeVar("RecordT", bound=Record)


class Repository:
    """Loops in one data file. Use `Repository.open(path)`.

    Models handed out are shared with the repository's cache: change them with
    `model_copy(update=...)` and `tx.put` the copy rather than mutating them.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only: str | None = None
        self.unreadable: str | None = None
        """Why the file on disk could not be read (damaged, not a file), or None.

        Reads then show the last version read (nothing, on a first open): a
        command line should say so rather than print an empty list.
        """
        self.notices: list[str] = []
        """Sentences about a write that succeeded with a flaw (no undo step), to pass on."""
        self._db = LoopdeckDB(path)
        self._file_lock: FileLock | None = None
        self._journal = UndoJournal(path)
        self._clock: HybridClock | None = None
        self._models: dict[str, dict[str, Record]] = {t: {} for t in codec.MODEL_OF}
        # The defaults, built without validating them: a read served from the model
        # cache then never imports pydantic at all.
        self._settings = Settings.unchecked()
        self._counts: dict[str, int] | None = None
        self._closed_out: frozenset[str] = frozenset()
        """Tables (of `codec.LOOP_TABLES`) whose records of closed loops are not in `_models`.

        Most of an archive is closed loops, which a command about open loops
        never reads: their models are built on first need (`_load_children`).
        """
        self._only: frozenset[str] | None = None
        """When not None: the only loops whose rounds, contacts and log are in `_models`.

        A file this machine wrote is read a table at a time (`storage.canonical`):
        a command about one loop then parses that loop's records and no other.
        """
        self._unbuilt: frozenset[str] = frozenset()
        """Tables besides the loops' whose models are built on first read (a file we wrote).

        `add` and `log` never read offers or prep: no validator is built for them.
        """
        self._save_cache_on_load = True
        self._cached_key: bytes | None = None
        """The key of the version the model cache on disk holds, when known."""
        self._last_entered: dict[str, tuple[str, str]] = {}
        """Per entry-ordered table, the id of its last model and when that record was entered,
        where known (stale once the id is no longer the last one's)."""
        self._journal_base: Written | None = None
        """The version of the model cache these models were caught up from with records the
        undo journal holds, reading nothing of the file; None otherwise."""

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
            return self._loops(include_closed, codec.LOOP_TABLES)

    def loops_for_pace(self) -> list[Loop]:
        """Every live loop as the pace from history reads it: open loops whole, closed ones
        with their process and rounds, and no more of their contacts and log than built.

        `planner.pace.observed_pace` reads processes and rounds alone, and the log
        of an archive's closed loops is most of the file: `next` builds none of it.
        """
        with paused_gc():
            return self._loops(True, ("rounds",))

    def closed_loops_for_pace(self) -> list[Loop]:
        """The closed loops of `loops_for_pace` alone, in no particular order.

        For a command that holds the open loops already (`next`): it adds the
        history without building and sorting every open loop a second time.
        """
        with paused_gc():
            self._load_closed(("rounds",))
            closed = ProcessStatus.CLOSED
            return self._assembled([p for p in self._processes() if p.status == closed])

    def _loops(self, include_closed: bool, closed_tables: tuple[str, ...]) -> list[Loop]:
        self._load_open()
        if include_closed:
            self._load_closed(closed_tables)
        processes = [
            process
            for process in self._processes()
            if include_closed or process.status != ProcessStatus.CLOSED
        ]
        loops = self._assembled(processes)
        return sorted(loops, key=lambda loop: (loop.process.title.casefold(), loop.process.id))

    def _assembled(self, processes: list[Process]) -> list[Loop]:
        """These processes' loops, each with the models of its records built so far."""
        # Only the tables a loop carries, and only the children of the loops asked for:
        # in an archive most records belong to closed loops. One dict per table, so each
        # of an archive's ten thousand rounds costs one lookup.
        rounds: dict[str, list[Any]] = {process.id: [] for process in processes}
        contacts: dict[str, list[Any]] = {process.id: [] for process in processes}
        events: dict[str, list[Any]] = {process.id: [] for process in processes}
        for table, children in (("rounds", rounds), ("contacts", contacts), ("events", events)):
            of_loop = children.get
            for model in self._models[table].values():
                found = of_loop(model.process_id)  # type: ignore[attr-defined]
                if found is not None:
                    found.append(model)
        # Every model was validated on load: construct the loops without validating again.
        return [
            Loop(
                process=process,
                rounds=rounds[process.id],
                contacts=contacts[process.id],
                events=events[process.id],
            )
            for process in processes
        ]

    def loop(self, process_id: str) -> Loop:
        if self._closed_out and self._is_closed(process_id):
            self._load_children(frozenset({process_id}))
        elif self._only is not None and process_id not in self._only:
            self._load_children(frozenset({process_id}))
            if self._only is not None:  # reading may have taken in a newer version
                self._only |= {process_id}
        # Looked up after: reading the file again may have taken in a newer version.
        process = self._models["processes"].get(process_id)
        if not isinstance(process, Process):
            raise NotFoundError(f"no loop with id {process_id[:8]}")
        return Loop(
            process=process,
            rounds=self._children(Round, process_id),
            contacts=self._children(Contact, process_id),
            events=self._children(Event, process_id),
        )

    def processes(self) -> list[Process]:
        """Every live loop's process alone, closed ones included, in no particular order.

        For what needs names and states only (a duplicate check, completion):
        it builds no round, contact or log entry of a closed loop.
        """
        return self._processes()

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
        table = codec.TABLE_OF[model]
        if table in codec.LOOP_TABLES:
            self._load_open()
        self._build(table)
        if table in self._closed_out:
            if process_id is None:
                self._load_closed((table,))
            elif self._is_closed(process_id):
                self._load_children(frozenset({process_id}))
        found = self._models[table].values()
        return [
            m
            for m in found
            if isinstance(m, model) and process_id in (None, getattr(m, "process_id", None))
        ]

    def profile(self) -> Profile:
        """My constraints (location, visa, ...): blank until first saved."""
        self._build("profile")
        stored = self._models["profile"].get(PROFILE_ID)
        return stored if isinstance(stored, Profile) else Profile()

    def conflicts(self, record_id: str) -> list[dict[str, Any]]:
        """Values a sync merge overwrote on this record (`_conflicts`), newest last."""
        for table in codec.MODEL_OF:
            record = self._raw_record(table, record_id)
            if isinstance(record, dict):
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
            self._counts = codec.conflict_counts(self._document())
        return self._counts

    def save_cache(self) -> None:
        """Bring the model cache up to this version of the file, so the next open skips parsing.

        For the app, which calls it on the way out (after its writes, or after
        opening with `save_cache=False`); a short command never does, it would
        slow every write down. Does nothing when the cache is already current.
        """
        stamp = self._db.file.fingerprint
        if self.read_only is not None or stamp is None or stamp.size < modelcache.MIN_BYTES:
            return  # nothing to cache, or too small to matter
        if jsonfile.fingerprint(self.path) != stamp:
            return  # changed meanwhile: the next load caches it
        key = modelcache.key_of(self.path, stamp)
        if key == self._cached_key:
            return  # the cache already holds this version
        if self._journal_catches_up():
            return  # the next open catches the cache up as cheaply as it would load it
        cached = self._whole_models(self.conflict_counts())
        if self._db.file.fingerprint != stamp:
            return  # reading found a newer version of the file: not this one
        modelcache.store(self.path, key, cached)
        self._cached_key = key

    def _whole_models(self, counts: dict[str, int] | None) -> modelcache.CachedModels:
        """These models as the model cache keeps them: every open loop and every table whole."""
        self._load_open()
        for table in self._unbuilt:
            self._build(table)
        return modelcache.CachedModels(
            self._models, self._settings, counts, self._closed_out, self._entry_stamps()
        )

    def _journal_catches_up(self, steps: list[Step] | None = None) -> bool:
        """Whether these models were caught up from the journal's records alone, over fewer
        than `SAVE_AFTER_STEPS` writes: the model cache on disk still serves the next open
        through the journal, and pickling the models again would cost it more than that.

        `steps`: the journal's, when just read (else it is read again: writes since add steps).
        """
        if self._journal_base is None:
            return False
        steps = self._journal.steps() if steps is None else steps
        bases = [step.base for step in steps]
        if self._journal_base not in bases:
            return False  # the journal no longer leads from that version
        pending = steps[bases.index(self._journal_base) :]
        return len(pending) < SAVE_AFTER_STEPS and all(s.records is not None for s in pending)

    def _entry_stamps(self) -> dict[str, tuple[str, str]]:
        """`_last_entered` for every entry-ordered table with models, looked up in the
        document where it is still in hand (never read again for this)."""
        stamps: dict[str, tuple[str, str]] = {}
        for table in codec.ENTRY_ORDERED:
            models = self._models.get(table)
            if not models:
                continue
            last = next(reversed(models))
            known = self._known_entered(table, last)
            if known is not None:
                stamps[table] = (last, known)
            elif self._db.file.held:
                stamps[table] = (last, codec.entered(self._raw_record(table, last)))
        return stamps

    def owns(self, other: Path) -> bool:
        """Whether `other` is the data file or one loopdeck keeps beside it (undo, lock).

        An export written there would replace the loops with CSV; links count too.
        """
        mine = (self.path, self._journal.path, lock_path(self.path))
        target = Path(os.path.realpath(other))
        for path in mine:
            if Path(os.path.realpath(path)) == target:
                return True
            try:
                if os.path.samefile(path, other):
                    return True
            except OSError:
                continue
        return False

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

    def apply(self, patch: Patch) -> None:
        """Write a change's records as one transaction (one undo step, labelled `patch.label`).

        An Insert writes the whole record, an Update only the fields it names
        (whatever the copy this repository loaded says about the others), a
        Remove a tombstone. So a field another window, the command line or a
        sync changed meanwhile keeps its value. An Update of a record that
        another writer deleted meanwhile is refused, and nothing is written.
        """
        self._require_writable()
        changes = [change_of(write) for write in patch.writes]
        if changes:
            self._write(changes, patch.label)

    def undo(self) -> Undone | None:
        """Undo the latest transaction as a new stamped write; None if there is none.

        Compare-and-set: a field written since (here, or on another machine and
        brought by a sync) keeps its newer value, and `Undone.kept` says which
        and who wrote it (see `transaction.inverse`).
        """
        self._require_writable()
        if not self._journal.entries():
            return None  # without taking the lock, which would create the folder
        with self._locked():
            self._reload_under_lock()
            entries = self._journal.entries()
            if not entries:
                return None
            latest = entries[-1]
            undos: list[tuple[dict[str, Any], Change]] = []
            moved: list[MovedOn] = []
            for note in reversed(latest["changes"]):
                change, left = inverse(note, self._raw_record(note["table"], note["id"]))
                moved += left
                if change is not None:
                    undos.append((note, change))
            earlier = entries[:-1]
            committed = self._commit([change for _, change in undos], None) if undos else None
            step = None
            if committed is not None:
                applied, step = committed
                _renew_journal(earlier, undos, applied)
            self._journal.rewrite(earlier, self._db.file.written, step)
        kept = [self._describe_moved(m) for m in moved]
        return Undone(str(latest["label"]), kept, reverted=bool(undos))

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

    def _commit(
        self, changes: list[Change], label: str | None
    ) -> tuple[Applied, Step | None] | None:
        """Write the changes (and journal them under `label`); what was written, if anything,
        and its step for the journal (`storage.undo.Step`; None: none to keep)."""
        storage = self._db.file
        snapshot = dict(storage.document) or codec.empty_document()
        storage.document = dict(snapshot)
        base = storage.version
        applied = apply_changes(snapshot, changes, self._stamp_clock())
        if not applied.undo:
            return None
        for table, records in applied.records.items():
            self._db.records(table).put_many(records)
        meta = storage.document.get(codec.META_TABLE)
        codec.upgrade_schema(storage.document)
        if storage.document.get(codec.META_TABLE) is not meta:
            base = None  # the write changed more than its records: no step to catch up by
        try:
            storage.flush()
        except OSError as error:
            storage.document = snapshot
            raise StorageError(
                f"could not save {self.path.name} ({error.strerror}); nothing was changed"
            ) from None
        except StorageError:
            storage.document = snapshot
            raise
        self._refresh_models(applied)
        moved = codec.conflict_changes(snapshot, applied.records)
        if self._counts is not None:
            self._counts = codec.with_conflict_changes(self._counts, moved)
        written = storage.written
        step = None
        if base is not None and written is not None:
            step = Step.of(base, written, applied.records, moved)
        if label is None:
            return applied, step
        try:
            self._journal.push(label, applied.undo, written, step)
        except OSError as error:
            # The change is saved: a failure report would make a script save it twice.
            self.notices.append(
                f"saved, but 'undo' cannot take it back: could not write "
                f"{self._journal.path.name} ({error.strerror})"
            )
        return applied, step

    def _reload_under_lock(self) -> None:
        """Before writing, take in what others wrote; refuse if the file went bad.

        Under the lock the document the write builds on is in memory: the
        bytes read when the models were built, or, if they were released,
        the same version read again (a file changed meanwhile is reloaded
        and validated whole).
        """
        if self._db.file.changed_on_disk():
            self._load(hold=True)
        else:
            self._document()
        self._require_writable()
        jsonfile.remove_stale_temps(self.path)
        jsonfile.remove_stale_temps(self._journal.path)

    def _load(self, hold: bool = False) -> None:
        """(Re)read the file; on failure keep the last good models and turn read-only.

        git writes the file in place during a sync, so a read in the middle of
        one finds it missing or cut short: while a sync (or another writer)
        holds the lock, a failed or empty read waits for it and reads again
        before calling the file damaged.

        `hold`: keep the file's bytes even when the models come from the cache
        (the caller needs the document next); otherwise they are not kept.
        """
        self.unreadable = self._try_read(hold)
        if (self.unreadable is not None or self._db.file.fingerprint is None) and (
            self._wait_for_writer()
        ):
            self.unreadable = self._try_read(hold)
        self.read_only = self.unreadable or _unwritable_reason(self.path)
        if self.unreadable is not None:
            # Remember the bad version so that the watcher does not reload it on every tick.
            self._db.file.fingerprint = jsonfile.fingerprint(self.path)

    def _try_read(self, hold: bool) -> str | None:
        """Read the file; None, or why it cannot be read (one sentence ending 'read-only')."""
        try:
            with long_lived():
                self._read_file(hold)
        except DataFileError as error:
            return f"{error} (opened read-only)"
        except OSError as error:
            return f"cannot read {self.path.name} ({error.strerror}); opened read-only"
        return None

    def _wait_for_writer(self) -> bool:
        """If someone else holds the lock, wait until they are done; True if we waited.

        Never creates the lock file (a read must not write), and returns at once
        when we hold the lock ourselves (a write reloading under it).
        """
        if not os.path.exists(lock_path(self.path)):
            return False
        from storage.lockfile import Timeout

        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            pass
        except OSError:
            return False
        else:
            self._lock.release()
            return False
        try:
            with self._lock.acquire(timeout=LOCK_TIMEOUT_S):
                return True
        except (Timeout, OSError):
            return False

    def _read_file(self, hold: bool) -> None:
        """Models from the cache when it has this very version of the file, or an earlier one
        this machine's latest writes started from (`_caught_up`), else parse it.

        On a cache hit the file's bytes are not even read, unless `hold`: a
        command that only reads never needs them, and on a large file they
        are the biggest thing it would hold. `FileStorage` reads them when a
        write or a closed loop's records ask for the document.
        """
        storage = self._db.file
        ours, steps = self._journal.last_writes()
        touched: dict[str, dict[str, None]] | None = None
        written: dict[str, dict[str, Any]] | None = None
        base: Written | None = None
        try:
            with jsonfile.opened(self.path) as (handle, stat):
                stamp = jsonfile.Fingerprint.of(stat)
                big = stamp.size >= modelcache.MIN_BYTES
                key = modelcache.key_of(self.path, stamp) if big else None
                cached = modelcache.load(self.path, key) if key is not None else None
                if cached is None and key is not None and Written.of(stat) == ours:
                    cached, touched, written, base = self._cached_before(steps)
                # Records the journal holds need nothing of the file: a read leaves it unread.
                needs_bytes = cached is None or hold or (touched is not None and written is None)
                raw = handle.read() if needs_bytes else None
        except (FileNotFoundError, NotADirectoryError):
            self._models = {t: {} for t in codec.MODEL_OF}
            self._settings, self._counts = Settings.unchecked(), {}
            self._closed_out, self._only, self._unbuilt = frozenset(), None, frozenset()
            storage.forget()
            self._db.clear_cache()
            return
        if raw is None:
            storage.release(stat, ours=ours)
        else:
            storage.defer(raw, stat, ours=ours)
            del raw  # the storage parses it once, then drops it
        self._cached_key = key if cached is not None and touched is None else None
        self._journal_base = None
        if cached is not None and touched is not None:
            # A write's bytes stay: a write, which reads them next, may well follow a write.
            cached = self._caught_up(cached, touched, written)
            self._journal_base = base if cached is not None and written is not None else None
        only: frozenset[str] | None = None
        if cached is None:
            cached, only = self._parse(storage.document, validated=storage.ours)
        self._use(cached, only)
        if (
            key is not None
            and self._cached_key is None
            and self._save_cache_on_load
            and not self._journal_catches_up(steps)
        ):
            modelcache.store(self.path, key, self._whole_models(None))
            self._cached_key = key

    def _use(self, cached: modelcache.CachedModels, only: frozenset[str] | None) -> None:
        """Take these models as those of the file read."""
        self._models, self._settings = cached.models, cached.settings
        self._counts = cached.conflict_counts
        self._closed_out = cached.closed_out
        self._last_entered = dict(cached.last_entered)
        self._only = only
        self._unbuilt = frozenset(t for t in codec.MODEL_OF if t not in cached.models)
        self._models = {**{t: {} for t in self._unbuilt}, **cached.models}
        self._db.clear_cache()

    def _cached_before(
        self, steps: list[Step]
    ) -> tuple[
        modelcache.CachedModels | None,
        dict[str, dict[str, None]] | None,
        dict[str, dict[str, Any]] | None,
        Written | None,
    ]:
        """The model cache of a version this machine's latest writes started from, if it holds
        one; the records written since (table -> ids); the records themselves when the journal
        holds every one (else None: they are read from the file); and that version."""
        if not steps:
            return None, None, None, None
        keys = [modelcache.key_at(self.path, step.base) for step in steps]
        found = modelcache.load_first(self.path, keys)
        if found is None:
            return None, None, None, None
        first, cached = found
        touched: dict[str, dict[str, None]] = {}  # in the order written: a log's new entries last
        records: dict[str, dict[str, Any]] | None = {}
        counts = cached.conflict_counts
        for step in steps[first:]:
            for table, ids in step.touched.items():
                touched.setdefault(table, {}).update(dict.fromkeys(ids))
            if records is not None and step.records is not None:
                for table, rows in step.records.items():
                    records.setdefault(table, {}).update(rows)
            else:
                records = None
            if counts is not None:
                counts = codec.with_conflict_changes(counts, step.conflicts)
        cached.conflict_counts = counts
        return cached, touched, records, steps[first].base

    def _caught_up(
        self,
        cached: modelcache.CachedModels,
        touched: dict[str, dict[str, None]],
        written: dict[str, dict[str, Any]] | None,
    ) -> modelcache.CachedModels | None:
        """The cached models of an earlier version, with the records written since (`written`,
        from the journal, else read from the file, ours, a record at a time) as the writes
        themselves refreshed them; None if any of it does not read back (the caller parses
        the file instead)."""
        if not self._db.file.ours or set(touched) - set(codec.MODEL_OF) - {codec.SETTINGS_TABLE}:
            return None
        if written is None:
            try:
                document = self._db.file.document
                written = {
                    table: {record_id: document[table][record_id] for record_id in ids}
                    for table, ids in touched.items()
                }
            except (KeyError, TypeError, DataFileError):
                return None
        self._use(cached, None)
        try:
            self._refresh_models(Applied(records=written))
        except DataFileError:  # the file, read for a record the journal lacks, moved on
            return None
        return modelcache.CachedModels(
            self._models,
            self._settings,
            cached.conflict_counts,
            self._closed_out,
            dict(self._last_entered),
        )

    def _parse(
        self, document: dict[str, Any], validated: bool
    ) -> tuple[modelcache.CachedModels, frozenset[str] | None]:
        """Models of every record, except the rounds, contacts and log of closed loops.

        Those are validated all the same (a bad record opens the file
        read-only) unless `validated`: the file is the one this machine last
        wrote, made of records it validated then, so no record of it is
        validated again (`Record.from_stored`). Either way their models
        wait for `_load_children`. A file this machine wrote, still in its
        bytes, builds no loop's rounds, contacts and log: the loops a read
        asks for are built then (the second value, `_only`, is then empty).
        """
        name = self.path.name
        codec.check_schema(document, name)
        processes = codec.live_models(
            "processes", document.get("processes", {}), name, trusted=validated
        )
        closed = frozenset(
            pid
            for pid, p in processes.items()
            if isinstance(p, Process) and p.status == ProcessStatus.CLOSED
        )
        lazy = validated and any(
            isinstance(document.get(table), LazyTable) for table in codec.LOOP_TABLES
        )
        models: dict[str, dict[str, Record]] = {}
        for table in codec.MODEL_OF:
            records = document.get(table, {})
            if table == "processes":
                models[table] = processes
                continue
            if lazy and table not in codec.LOOP_TABLES:
                continue  # built on first read (`_build`)
            if lazy:
                models[table] = {}
            elif table not in codec.LOOP_TABLES or not closed:
                models[table] = codec.live_models(table, records, name, trusted=validated)
            elif validated:
                models[table] = codec.live_models(
                    table, records, name, leave_out=closed, trusted=validated
                )
            else:  # refuses a bad record of a closed loop too, then keeps the others
                every = codec.live_models(table, records, name)
                models[table] = {
                    rid: model
                    for rid, model in every.items()
                    if model.process_id not in closed  # type: ignore[attr-defined]
                }
        settings = codec.settings_from(document, name, trusted=validated)
        left_out = frozenset(codec.LOOP_TABLES if closed else ())
        cached = modelcache.CachedModels(models, settings, None, closed_out=left_out)
        return cached, frozenset() if lazy else None

    def _build(self, table: str) -> None:
        """Build the models of a table left for its first read (see `_unbuilt`)."""
        if table not in self._unbuilt:
            return
        document = self._document()  # first: reading it again may take in a newer version
        if table in self._unbuilt:
            built = codec.live_models(
                table, document.get(table, {}), self.path.name, trusted=self._db.file.ours
            )
            self._models = {**self._models, table: built}
            self._unbuilt -= {table}

    def _load_open(self) -> None:
        """Build the rounds, contacts and log of every open loop not built yet (see `_only`)."""
        if self._only is None:
            return
        document = self._document()  # first: reading it again may take in a newer version
        if self._only is None:
            return
        wanted = (
            frozenset(p.id for p in self._processes() if p.status != ProcessStatus.CLOSED)
            - self._only
        )
        if wanted:
            self._load_children(wanted, document=document)
        self._only = None

    def _is_closed(self, process_id: str) -> bool:
        process = self._models["processes"].get(process_id)
        return isinstance(process, Process) and process.status == ProcessStatus.CLOSED

    def _load_closed(self, tables: tuple[str, ...]) -> None:
        """Build the models of closed loops' records in `tables`, once, on first need."""
        if not self._closed_out & frozenset(tables):
            return
        # First, since reading it again may take in a newer version, with other closed loops.
        document = self._document()
        wanted = self._closed_out & frozenset(tables)
        if wanted:
            closed = [p.id for p in self._processes() if p.status == ProcessStatus.CLOSED]
            self._load_children(frozenset(closed), tuple(sorted(wanted)), document)
            self._closed_out -= wanted

    def _load_children(
        self,
        process_ids: frozenset[str],
        tables: tuple[str, ...] = codec.LOOP_TABLES,
        document: dict[str, Any] | None = None,
    ) -> None:
        """Add the models of these loops' rounds, contacts and log (those not built yet).

        One closed loop asked for by id builds its own records alone.

        Each table is swapped in whole, as `_refresh_models` does.
        """
        document = self._document() if document is None else document
        models = dict(self._models)
        for table in tables:
            raw = document.get(table, {})
            if isinstance(raw, LazyTable):
                wanted = raw.of_loops(process_ids)
            else:
                wanted, _ = codec.split_by_loop(raw, process_ids)
            missing = {rid: r for rid, r in wanted.items() if rid not in models[table]}
            built = codec.live_models(table, missing, self.path.name, trusted=self._db.file.ours)
            if built:
                merged = {**models[table], **built}
                if table in codec.ENTRY_ORDERED:
                    merged = codec.in_entry_order(raw, merged)
                models[table] = merged
        self._models = models

    def _refresh_models(self, applied: Applied) -> None:
        """Update the cache for the records a write touched.

        Each touched table gets a new dict, swapped in whole: a reader on
        another thread (the app saves off its UI thread) iterating the old one
        never sees it change size under it.

        The written records are read back as the next run reads the file this
        machine just wrote (`trusted`): their values were validated before they
        were written, and validating them again would cost an undo pydantic's
        import.
        """
        reopened = self._reopened(applied.records.get("processes", {}))
        name = self.path.name
        for table, records in applied.records.items():
            if table == codec.SETTINGS_TABLE:
                self._settings = codec.settings_from(self._db.file.document, name, trusted=True)
                continue
            if table in self._unbuilt:
                continue  # built from the document, written records included, on first read
            live = codec.live_models(table, records, name, trusted=True)
            models = dict(self._models[table])
            for record_id in records:
                if record_id in live:
                    models[record_id] = live[record_id]
                else:
                    models.pop(record_id, None)
            if table in codec.ENTRY_ORDERED:
                models = self._in_entry_order(table, self._models[table], models, records)
                self._note_last_entered(table, models, records)
            self._models = {**self._models, table: models}
        if reopened:
            self._load_children(reopened)
        if self._only is not None:
            # A loop this write created has no records but the ones it wrote, all built.
            created = {n["id"] for n in applied.undo if n["table"] == "processes" and n["was_new"]}
            self._only |= created

    def _reopened(self, written: dict[str, dict[str, Any]]) -> frozenset[str]:
        """Closed loops this write opens again, whose rounds, contacts and log are left out."""
        if not self._closed_out:
            return frozenset()
        return frozenset(
            pid
            for pid, record in written.items()
            if self._is_closed(pid)
            and record.get("_deleted") is None
            and record.get("status") != ProcessStatus.CLOSED
        )

    def _in_entry_order(
        self,
        table: str,
        before: dict[str, Record],
        models: dict[str, Record],
        written: Mapping[str, Any],
    ) -> dict[str, Record]:
        """`models` in the order their records were entered, as a fresh load orders them.

        A new record comes last, where the write appended it, and it is the
        newest; only a record brought back by an undo, older than the ones
        before it, takes a sort. The new records' stamps are in `written`; the
        last one before them is known (`_last_entered`) or looked up in the file.
        """
        added = [r for r in written if r in models and r not in before]
        if not added:
            return models
        stamps = [codec.entered(written[r]) for r in added]
        last = next(reversed(before), None)
        if last is not None:
            known = self._known_entered(table, last)
            if known is None:
                known = codec.entered(self._db.file.document.get(table, {}).get(last))
            stamps.insert(0, known)
        if all(a <= b for a, b in itertools.pairwise(stamps)):
            return models
        return codec.in_entry_order(self._db.file.document.get(table, {}), models)

    def _note_last_entered(
        self, table: str, models: dict[str, Record], written: Mapping[str, Any]
    ) -> None:
        """Keep `_last_entered` true for the table's new last model: its stamp is in `written`
        when a write put it there; a last model the write did not touch keeps what was known."""
        last = next(reversed(models), None)
        if last is not None and type(written.get(last)) is dict:
            self._last_entered[table] = (last, codec.entered(written[last]))
        elif last is None or self._known_entered(table, last) is None:
            self._last_entered.pop(table, None)

    def _known_entered(self, table: str, record_id: str) -> str | None:
        """When `record_id` was entered, if it is the one `_last_entered` knows for `table`."""
        known = self._last_entered.get(table)
        return known[1] if known is not None and known[0] == record_id else None

    def _raw_record(self, table: str, record_id: str) -> dict[str, Any] | None:
        records = self._document().get(table)
        return records.get(record_id) if isinstance(records, Mapping) else None

    def _describe_moved(self, moved: MovedOn) -> str:
        """'notes of Acme / ML (written on replica 3f2a9c… since, brought by a sync)'."""
        record = self._raw_record(moved.table, moved.record_id) or {}
        process_id = moved.record_id if moved.table == "processes" else record.get("process_id")
        loop = self._raw_record("processes", str(process_id)) or {}
        noun = codec.NOUN_OF.get(moved.table, moved.table)
        title = f"{loop.get('company', '?')} / {loop.get('role', '?')}" if loop else noun
        where = title if moved.table == "processes" or not loop else f"the {noun} of {title}"
        if moved.field == DELETED:
            state = "deletion" if record.get(DELETED) is not None else "restoration"
            what = f"{state} of {where}"
        else:
            what = f"{moved.field} of {where}"
        replica = moved.stamp.rsplit("-", 1)[-1] if isinstance(moved.stamp, str) else None
        if replica is None:
            return f"{what} (changed by hand since)"
        if replica == self._stamp_clock().replica:
            return f"{what} (written again on this machine since)"
        return f"{what} (written on replica {replica} since, brought here by a sync)"

    def _document(self) -> dict[str, Any]:
        """The parsed file the models were built from, read again if it was released.

        A file that is no longer that version (a sync, another window) is
        reloaded whole, models included, and its document kept: the models and
        the records always come from one version. One that cannot be read any
        more leaves the repository read-only, with an empty document.
        """
        storage = self._db.file
        try:
            return storage.document
        except FileMoved:
            self._load(hold=True)
        if not storage.parsed and self.unreadable is not None:
            storage.document = {}
        return storage.document

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

    @property
    def _lock(self) -> FileLock:
        """The lock file beside the data file, made on first use.

        A read never takes the lock (`loopdeck next` must not wait for a
        writer), so it is not even opened until a command writes.
        """
        if self._file_lock is None:
            from storage.lockfile import FileLock

            self._file_lock = FileLock(lock_path(self.path), timeout=LOCK_TIMEOUT_S, mode=0o600)
        return self._file_lock

    @contextmanager
    def _locked(self) -> Iterator[None]:

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"cannot create the folder for {self.path.name} ({error.strerror})"
            ) from None
        with hold(self._lock, self.path):
            yield

    def _sweep_stale_temps(self) -> None:
        """Remove what killed writes of the data file or the undo journal left behind."""
        files = (self.path, self._journal.path)
        if not any(jsonfile.has_stale_temps(f) for f in files):
            return
        # Only if nobody is writing right now: opening must not wait, and the
        # next write sweeps under the lock anyway.
        from storage.lockfile import Timeout

        try:
            self._lock.acquire(timeout=0)
        except (Timeout, OSError):
            return
        try:
            for file in files:
                jsonfile.remove_stale_temps(file)
        finally:
            self._lock.release()


def _renew_journal(
    earlier: list[dict[str, Any]], undos: list[tuple[dict[str, Any], Change]], applied: Applied
) -> None:
    """Let earlier entries recognise the values an undo put back as theirs (`restamped`)."""
    for note, change in undos:
        record = applied.records.get(note["table"], {}).get(note["id"])
        renewed = restamped(note, change, record) if record is not None else {}
        for entry in earlier if renewed else ():
            for other in entry["changes"]:
                if (other["table"], other["id"]) == (note["table"], note["id"]):
                    renew(other, renewed)


def lock_path(data_path: Path) -> Path:
    """The lock beside the data file: every write and every sync takes it."""
    return data_path.with_name(f"{data_path.stem}.lock")


@contextmanager
def hold(lock: FileLock, data_path: Path) -> Iterator[None]:
    """Hold the data file's lock; a busy or unusable lock is one `StorageError`.

    The lock file is created 0600 (it must stay writable to be locked), and
    one an older version left more open is brought down to that.
    """
    from storage.lockfile import Timeout

    name = data_path.name
    try:
        lock.acquire()
    except Timeout:
        raise StorageError(f"another loopdeck is saving {name}; try again in a moment") from None
    except OSError as error:
        raise StorageError(
            f"cannot open the lock file {Path(lock.lock_file).name} ({error.strerror}); "
            "nothing was changed"
        ) from None
    try:
        _restrict(Path(lock.lock_file), 0o600)
        yield
    finally:
        lock.release()


def _restrict(file: Path, mode: int) -> None:
    """Take permissions away from a file an older version created more open."""
    try:
        if os.stat(file).st_mode & 0o777 & ~mode:
            os.chmod(file, mode)
    except OSError:
        return


def _unwritable_reason(path: Path) -> str | None:
    """Why a later write would fail (permissions, a file where a folder should be), or None.

    git replaces the file during a sync: one that vanishes between two looks
    here is taken as missing, like one that was never there.
    """
    name = path.name
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    if mode is not None:
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
            return f"{name} is not writable (permission denied); opened read-only"
        if not mode & 0o222:
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
