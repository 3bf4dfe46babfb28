"""A durable, fast TinyDB storage: an append-only journal plus atomic snapshots.

TinyDB's JSONStorage rewrites the whole file on every write, so a kill at the wrong moment
leaves invalid JSON, and each write costs time in proportion to the whole history. Here:

* ``progress.json`` is a snapshot of the *hot* tables (settings, card states, daily counts,
  sessions, flags, bests) written atomically: a temporary file, fsync, ``os.replace``, fsync of
  the folder. It also records the size of each month file of the review log.
* ``progress.journal`` holds one JSON line per change since the snapshot, each with a sequence
  number; a write (or a whole :meth:`JournalStorage.batch`) is appended and fsync'd once
  before the call returns. What the caller sees changes only once that append succeeded: a
  failed write (a full disk) is cut back off the journal and leaves memory as it was. On open
  the journal is replayed over the snapshot; a torn last line (a kill in mid-append, never
  acknowledged) is cut off. The journal keeps room ahead (zeros, made and flushed
  :data:`JOURNAL_ROOM` bytes at a time), so a write lands in place and only its data is flushed
  (``fdatasync``); zeros after the last change are room, not changes.
* *Cold* tables (names starting with ``reviews/``: the review log, one table per ten minutes
  of a study day) are not in the snapshot, which lists only their names (packed: zlib and
  base64, ``coldz``). At compaction each month with changes is *sealed*: written whole as
  ``reviews/YYYY-MM.z``, a compact compressed file (see :mod:`purgequiz.store.months`), read
  only when a day of that month is needed. Opening reads no history unless a month file's size
  differs from the one the snapshot recorded (then that month is checked). Profiles of format
  1 keep each month as ``reviews/YYYY-MM.jsonl`` (journal lines); those are still read, and
  sealed at the first compaction.
* Replaying a change twice is harmless (each line sets or deletes a whole document), so a kill
  during compaction loses nothing.
* Every line and document is checked against :mod:`purgequiz.store.schema` before it is used.
  A damaged file is renamed aside with a timestamp (never deleted, never changed), the good
  lines are kept, and :attr:`JournalStorage.recoveries` says what happened. Only regular files
  are read; a link or a folder where a file belongs stops the opening with a message.

TinyDB reads through a mapping that copies a table only when TinyDB asks for it, and
``write`` turns what changed into journal lines by comparing only the tables TinyDB replaced;
keep tables small (the profile shards card states) so each write stays cheap.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import zlib
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from msgspec.structs import replace
from tinydb.storages import Storage

from purgequiz.store.disk import (
    check_entry,
    copy_aside,
    fsync_dir,
    read_file,
    set_aside,
    write_atomic,
)
from purgequiz.store.errors import (
    FileRole,
    NewerFormat,
    NotAMonth,
    NotATable,
    NotWritable,
    Recovery,
    RecoveryKind,
    RefusedDocument,
    StoreError,
    file_problem,
)
from purgequiz.store.lines import COLD_PREFIX
from purgequiz.store.lines import apply as _apply
from purgequiz.store.lines import cold_names as _cold_names
from purgequiz.store.lines import decode_snapshot as _decode_snapshot
from purgequiz.store.lines import encode as _encode
from purgequiz.store.lines import encode_line as _line
from purgequiz.store.lines import month_of as _month
from purgequiz.store.lines import parse_lines as _parse_lines
from purgequiz.store.lines import split_cold as _split_cold
from purgequiz.store.lines import whole_writes as _whole_writes
from purgequiz.store.months import decode_sealed, encode_sealed
from purgequiz.store.schema import (
    COLD_TABLE,
    MONTH,
    Invalid,
    check_document,
    check_table,
    is_table_name,
)

# Re-exported: the profile and the tests reach the disk helpers through this module too.
__all__ = [
    "COLD_PREFIX",
    "JournalStorage",
    "check_entry",
    "copy_aside",
    "fsync_dir",
    "read_file",
    "set_aside",
    "write_atomic",
]

SNAPSHOT_FORMAT = "purgequiz.progress"
SNAPSHOT_VERSION = 2  # 2: the cold names packed ("coldz"), closed months sealed (months.py)
# the files of the review log: a month's open file ("2025-03") and its sealed file ("2025-03.z")
_MONTH_KEY = re.compile(r"\d{4}-\d\d(?:\.z)?")
JOURNAL_ROOM = 1 << 18  # bytes of room made at a time at the end of the journal
COMPACT_AT_OPEN = 2000  # journal lines
COMPACT_WHILE_OPEN = 50000


# Flushing only the data (not the size and times) is enough for a write into room made before.
_flush_data = getattr(os, "fdatasync", os.fsync)


class _Tables(MutableMapping[str, dict[str, Any]]):
    """What TinyDB sees as the database: tables are copied when asked for, writes recorded."""

    def __init__(self, storage: JournalStorage) -> None:
        self._storage = storage
        self.assigned: dict[str, dict[str, Any]] = {}
        self.deleted: set[str] = set()

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name in self.assigned:
            return self.assigned[name]
        table = self._storage.table(name)
        if table is None or name in self.deleted:
            raise KeyError(name)
        return {key: dict(doc) for key, doc in table.items()}

    def __setitem__(self, name: str, value: dict[str, Any]) -> None:
        self.deleted.discard(name)
        self.assigned[name] = value

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self.assigned.pop(name, None)
        self.deleted.add(name)

    def __iter__(self) -> Iterator[str]:
        names = (self._storage.names() | set(self.assigned)) - self.deleted
        return iter(sorted(names))

    def __len__(self) -> int:
        return len(list(iter(self)))

    def __contains__(self, name: object) -> bool:
        return (
            isinstance(name, str)
            and name not in self.deleted
            and (name in self.assigned or name in self._storage.names())
        )


class JournalStorage(Storage):
    """See the module docstring. ``folder`` is the profile's folder.

    With ``read_only`` nothing is written, renamed or repaired: damage is only reported in
    :attr:`recoveries` (what ``purgequiz progress check`` shows before a repair).
    """

    def __init__(self, folder: str | Path, *, read_only: bool = False) -> None:
        self.folder = Path(folder)
        self.read_only = read_only
        self.snapshot_path = self.folder / "progress.json"
        self.journal_path = self.folder / "progress.journal"
        self.segments = self.folder / "reviews"
        self.recoveries: list[Recovery] = []
        self.snapshot_lost = False
        self.snapshot_partial = False  # some documents of the snapshot were left out
        self.cold_lost = False  # the snapshot's list of cold tables was damaged
        self._tables: dict[str, dict[str, Any]] = {}
        self._cold_set: set[str] | None = set()  # see _cold
        # the snapshot's list (its text, see _split_cold), made a set on first use
        self._cold_listed: list[str] | bytes = []
        self._cold_packed: str | None = None  # or the snapshot's packed list ("coldz")
        self._loaded_months: set[str] = set()
        self._pending: dict[str, list[dict[str, Any]]] = {}  # month -> journal ops not loaded
        self._unflushed: dict[str, list[dict[str, Any]]] = {}  # month -> ops since snapshot
        self._recorded_months: dict[str, int] | None = None  # sizes the snapshot recorded
        self._reseal: set[str] = set()  # sealed months to write again (damage was found)
        self._seq = 0
        self._journal_count = 0
        self._next_compact = COMPACT_WHILE_OPEN
        self._changed = False  # something to record at close even with an empty journal
        self._staged: dict[str, dict[str, Any] | None] | None = None  # a batch's tables
        self._staged_ops: list[dict[str, Any]] = []
        self._depth = 0
        self._journal: int | None = None  # the journal's file descriptor, open for appends
        self._journal_size = 0  # where the next change is written
        self._journal_room = 0  # the journal's length: zeros after its changes are free room
        self._journal_end = 0  # the end of the changes read at opening
        try:
            if not read_only:
                self.folder.mkdir(parents=True, exist_ok=True)
            check_entry(self.folder, folder=True)
            for name in ("progress.json", "progress.journal", "profile.json"):
                check_entry(self.folder / name)
            check_entry(self.segments, folder=True)
            self._load()
            if not read_only:
                self._journal = os.open(
                    self.journal_path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644
                )
                self._journal_room = os.fstat(self._journal).st_size
                self._journal_size = min(self._journal_end, self._journal_room)
        except OSError as error:
            raise file_problem(error, self.folder) from error
        if not read_only and self._journal_count > COMPACT_AT_OPEN:
            self.compact()

    # -- loading ---------------------------------------------------------------------------

    def _report(self, recovery: Recovery) -> None:
        self.recoveries.append(recovery)

    def _repair_lines(
        self,
        path: Path,
        what: FileRole,
        ops: list[dict[str, Any]],
        bad: list[tuple[int, str]],
        torn: int,
        good: int,
        acknowledged_tail: bool,
    ) -> None:
        """Report (and unless read-only, repair) damaged lines and a torn tail of ``path``."""
        if bad:
            found = Recovery(
                path, path, RecoveryKind.DAMAGED_LINES, what, bad=tuple(bad[:3]), damaged=len(bad)
            )
            if self.read_only:
                self._report(replace(found, checked_only=True))
                return
            kept = set_aside(path)
            write_atomic(path, b"".join(_line(op) for op in ops))
            self._report(replace(found, kept_as=kept, recovered=len(ops)))
        elif torn:
            if not acknowledged_tail:
                if not self.read_only:
                    self._truncate(path, good)
                return
            if self.read_only:
                self._report(
                    Recovery(path, path, RecoveryKind.UNFINISHED_LINE, what, checked_only=True)
                )
                return
            kept = copy_aside(path)
            self._truncate(path, good)
            self._report(Recovery(path, kept, RecoveryKind.UNFINISHED_LINE, what, torn=torn))

    @staticmethod
    def _truncate(path: Path, size: int) -> None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW)
            try:
                os.ftruncate(fd, size)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as error:
            raise file_problem(error, path) from error

    def _load(self) -> None:
        snapshot_seq = 0
        raw = read_file(self.journal_path) or b""
        # zeros after the last change are room made for the next ones (see _reserve)
        ops, good, torn, bad = _parse_lines(raw[: len(raw.rstrip(b"\0"))], None)
        self._journal_end = good
        self._repair_lines(
            self.journal_path, FileRole.JOURNAL, ops, bad, torn, good, acknowledged_tail=False
        )
        ops = _whole_writes(ops)
        snapshot = read_file(self.snapshot_path)
        if snapshot is not None:
            snapshot_seq = self._load_snapshot(snapshot)
        elif self._months() and not (ops and ops[0]["s"] == 1):
            # History without a snapshot, and a journal that does not hold all of it from the
            # first change (when it does, the first compaction only stopped midway): rebuild.
            self.snapshot_lost = True
        if self.snapshot_lost:
            self._cold.update(self._segment_names())
        elif self.cold_lost:
            self._changed = True
            for month in self._months():
                self._load_month(month)
        for op in ops:
            seq = op["s"]
            if seq <= snapshot_seq and not self.snapshot_lost:
                continue
            self._seq = max(self._seq, seq)
            self._journal_count += 1
            name = op["t"]
            if name.startswith(COLD_PREFIX):
                month = _month(name)
                if month in self._loaded_months:  # read already: the change goes on top
                    _apply(self._tables, op)
                else:
                    self._pending.setdefault(month, []).append(op)
                self._unflushed.setdefault(month, []).append(op)
                if op["o"] == "p":
                    self._cold.add(name)
                elif op["o"] == "x":
                    self._cold.discard(name)
            else:
                _apply(self._tables, op)
        self._check_months()

    def _load_snapshot(self, raw: bytes) -> int:
        """Read the snapshot (its seq returned); damage is set aside and reported."""
        try:
            rest, listed = _split_cold(raw)
            snapshot = _decode_snapshot(rest[3:] if rest.startswith(b"\xef\xbb\xbf") else rest)
            if snapshot.version > SNAPSHOT_VERSION:
                raise NewerFormat(self.snapshot_path, snapshot.version)
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            why = str(error) if isinstance(error, Invalid) else "not valid JSON"
            read_only = self.read_only
            kept = self.snapshot_path if read_only else set_aside(self.snapshot_path)
            self._report(
                Recovery(
                    self.snapshot_path,
                    kept,
                    RecoveryKind.DAMAGED_FILE,
                    FileRole.SNAPSHOT,
                    checked_only=read_only,
                    why=why,
                )
            )
            self.snapshot_lost = True
            return 0
        problems: list[tuple[str, str | None, str]] = []  # table, key (None: unknown), why
        for name, table in snapshot.tables.items():
            if not is_table_name(name) or name.startswith(COLD_PREFIX):
                problems.append((name, None, ""))
                continue
            wrong = check_table(name, table)
            problems += [(name, key, why) for key, why in wrong.items()]
            self._tables[name] = (
                {k: d for k, d in table.items() if k not in wrong} if wrong else table
            )
        cold: list[str] | bytes = (
            listed if listed is not None and listed != b"[]" else snapshot.cold
        )
        self._cold_listed, self._cold_set = (cold, None) if cold else ([], set())
        if snapshot.coldz is not None:
            try:
                packed = zlib.decompress(base64.b64decode(snapshot.coldz, validate=True))
                self._cold_packed, self._cold_set = packed.decode(), None
            except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError):
                self._report(
                    Recovery(
                        self.snapshot_path, self.snapshot_path, RecoveryKind.DAMAGED_TABLE_LIST
                    )
                )
                self.cold_lost = True
        self._recorded_months = (
            {m: size for m, size in snapshot.months.items() if _MONTH_KEY.fullmatch(m)}
            if snapshot.months is not None
            else None
        )
        if problems:
            self.snapshot_partial = True
            self._changed = True
            read_only = self.read_only
            kept = self.snapshot_path if read_only else copy_aside(self.snapshot_path)
            self._report(
                Recovery(
                    self.snapshot_path,
                    kept,
                    RecoveryKind.DAMAGED_RECORDS,
                    FileRole.SNAPSHOT,
                    checked_only=read_only,
                    damaged=len(problems),
                    records=tuple(problems[:3]),
                )
            )
        self._seq = snapshot.seq
        return snapshot.seq

    def _check_months(self) -> None:
        """Month files missing, shorter or longer than the snapshot recorded: checked now."""
        recorded = self._recorded_months
        if recorded is None:
            return
        present = self._month_sizes()
        for key, size in sorted(recorded.items()):
            if key not in present and f"{key}.z" in present:
                continue  # sealed since (a compaction stopped before its snapshot): read below
            if key not in present:
                self._missing_month(key[:7], self._file_path(key))
            elif present[key] != size:
                self._load_month(key[:7])
                self._changed = True
        for key in sorted(set(present) - set(recorded)):
            self._load_month(key[:7])
            self._changed = True

    def _segment_names(self) -> set[str]:
        """Cold table names, from the month files, when no snapshot lists them."""
        names: set[str] = set()
        if self._tables or not self.snapshot_lost:
            return names
        for month in self._months():
            self._load_month(month)
        return {n for n in self._tables if n.startswith(COLD_PREFIX)}

    def _month_sizes(self) -> dict[str, int]:
        """The review log's files: ``2025-03`` (open, ``.jsonl``) or ``2025-03.z`` (sealed)
        → size in bytes."""
        if not self.segments.is_dir():
            return {}
        sizes = {}
        for entry in os.scandir(self.segments):
            stem, dot, ext = entry.name.partition(".")
            if dot and ext in ("jsonl", "z") and MONTH.fullmatch(stem):
                check_entry(Path(entry.path))
                key = stem if ext == "jsonl" else f"{stem}.z"
                sizes[key] = entry.stat(follow_symlinks=False).st_size
        return sizes

    def _months(self) -> list[str]:
        return sorted({key[:7] for key in self._month_sizes()})

    def _segment_path(self, month: str) -> Path:
        if not MONTH.fullmatch(month):  # file names come from checked names only
            raise NotAMonth(month)
        return self.segments / f"{month}.jsonl"

    def _sealed_path(self, month: str) -> Path:
        return self._segment_path(month).with_suffix(".z")

    def _file_path(self, key: str) -> Path:
        return self._sealed_path(key[:7]) if key.endswith(".z") else self._segment_path(key)

    def _load_sealed(self, month: str, tables: dict[str, dict[str, Any]]) -> None:
        """Read ``month``'s sealed file into ``tables``; damage is set aside and reported."""
        path = self._sealed_path(month)
        raw = read_file(path)
        if raw is None:
            return
        try:
            sealed = decode_sealed(raw, month)
        except Invalid as error:
            kept = path if self.read_only else set_aside(path)
            self._report(
                Recovery(
                    path,
                    kept,
                    RecoveryKind.UNREADABLE_MONTH,
                    FileRole.REVIEW_LOG,
                    checked_only=self.read_only,
                    why=str(error),
                    month=month,
                )
            )
            self._changed = True
            return
        self._seq = max(self._seq, sealed.seq)
        tables.update(sealed.tables)
        if sealed.bad or sealed.cut:
            kept = path if self.read_only else copy_aside(path)
            self._report(
                Recovery(
                    path,
                    kept,
                    RecoveryKind.DAMAGED_MONTH,
                    FileRole.REVIEW_LOG,
                    checked_only=self.read_only,
                    bad=tuple(sealed.bad[:3]),
                    damaged=len(sealed.bad),
                    recovered=sum(len(t) for t in sealed.tables.values()),
                    cut=sealed.cut,
                )
            )
            self._reseal.add(month)
            self._changed = True

    def _load_month(self, month: str) -> None:
        if month in self._loaded_months:
            return
        path = self._segment_path(month)
        raw = read_file(path) or b""
        ops, good, torn, bad = _parse_lines(raw, month)
        # An unfinished last line is what a compaction stopped midway leaves; its changes are
        # still in the journal then. Otherwise it is damage, and is reported.
        self._repair_lines(
            path,
            FileRole.REVIEW_LOG,
            ops,
            bad,
            torn,
            good,
            acknowledged_tail=month not in self._pending,
        )
        tables: dict[str, dict[str, Any]] = {}
        self._load_sealed(month, tables)
        self._seq = max([self._seq, *(op["s"] for op in ops)])
        for op in ops + self._pending.pop(month, []):
            _apply(tables, op)
        for name, table in tables.items():
            self._tables[name] = table
            self._cold.add(name)
        self._loaded_months.add(month)

    def load_all(self) -> None:
        """Read every month of the review log now, checking (and repairing) each."""
        for month in self._months():
            self._load_month(month)
        for month in sorted({_month(name) for name in self._cold} - self._loaded_months):
            self._missing_month(month)

    def _missing_month(self, month: str, path: Path | None = None) -> None:
        path = path or self._segment_path(month)
        self._report(
            Recovery(path, path, RecoveryKind.MISSING_MONTH, FileRole.REVIEW_LOG, month=month)
        )
        # what is left of the month (its other file, changes in the journal) is kept
        self._cold.difference_update({n for n in self._cold if _month(n) == month})
        self._load_month(month)
        self._loaded_months.add(month)
        self._changed = True

    # -- what TinyDB and the profile see ---------------------------------------------------

    @property
    def _cold(self) -> set[str]:
        """The names of all cold tables, loaded or not.

        Opening needs none of them, so the snapshot's list becomes a set only when first asked
        for (a profile with 100k reviews has tens of thousands). Names not of the review log's
        form are left out.
        """
        if self._cold_set is None:
            listed = self._cold_listed
            names = _cold_names(listed) if isinstance(listed, bytes) else listed
            if self._cold_packed is not None:
                names = names + (self._cold_packed.split("\n") if self._cold_packed else [])
            self._cold_set = {n for n in names if isinstance(n, str) and COLD_TABLE.fullmatch(n)}
            self._cold_listed, self._cold_packed = [], None
        return self._cold_set

    def names(self) -> set[str]:
        hot = {n for n in self._tables if not n.startswith(COLD_PREFIX)}
        names = hot | self._cold
        if self._staged:
            names |= {n for n, t in self._staged.items() if t is not None}
            names -= {n for n, t in self._staged.items() if t is None}
        return names

    def hot_tables(self, prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """The hot tables whose names start with ``prefix`` (live tables: do not change them)."""
        if prefix.startswith(COLD_PREFIX):
            raise ValueError(f"{prefix!r} names cold tables")
        for name, table in self._tables.items():
            if name.startswith(prefix):
                yield name, table

    def table(self, name: str) -> dict[str, Any] | None:
        """The live table (not a copy: do not change it), loading a cold month if needed.

        Inside a batch, the table as the batch has changed it so far.
        """
        if self._staged is not None and name in self._staged:
            return self._staged[name]
        if name.startswith(COLD_PREFIX) and name in self._cold:
            self._load_month(_month(name))
        return self._tables.get(name)

    # -- what the statistics read (see tallies.py) ---------------------------------------------

    def month_files(self) -> dict[str, Path | None]:
        """Each month of the review log → its sealed file when that file alone holds the month
        as it stands (no open file beside it, no change since it was written, no damage found
        in it), else None: such a month is read with :meth:`month_reviews`."""
        sizes = self._month_sizes()
        months = {key[:7] for key in sizes} | set(self._unflushed)
        unsettled = set(self._unflushed) | self._reseal | {k for k in sizes if "." not in k}
        return {
            month: self._sealed_path(month)
            if f"{month}.z" in sizes and month not in unsettled
            else None
            for month in sorted(months)
        }

    def month_reviews(self, month: str) -> list[dict[str, Any]]:
        """The reviews of ``month`` as they stand (live documents: do not change them); the
        month is read, checked and kept in memory if it was not yet, as :meth:`table` does."""
        self._load_month(month)
        prefix = f"{COLD_PREFIX}{month}-"
        return [
            doc
            for name, table in self._tables.items()
            if name.startswith(prefix)
            for doc in table.values()
        ]

    # TinyDB reads the database only as a mapping; a lazy one (not the dict its stub names)
    # is what keeps opening from copying every table.
    def read(self) -> MutableMapping[str, dict[str, Any]]:  # type: ignore[override]
        return _Tables(self)

    def write(self, data: MutableMapping[str, dict[str, Any]]) -> None:
        ops: list[dict[str, Any]] = []
        if isinstance(data, _Tables):
            for name in sorted(data.deleted):
                if name in self.names():
                    ops.append({"o": "x", "t": name})
            for name, new in data.assigned.items():
                old = self.table(name) or {}
                for key, doc in new.items():
                    key = str(key)
                    if old.get(key) != doc:
                        ops.append({"o": "p", "t": name, "k": key, "d": doc})
                for key in old.keys() - {str(k) for k in new}:
                    ops.append({"o": "d", "t": name, "k": key})
        else:  # TinyDB.drop_tables() writes a plain (empty) dict
            present = set(data)
            ops += [{"o": "x", "t": name} for name in sorted(self.names() - present)]
        self.commit(ops)

    # -- appending -------------------------------------------------------------------------

    def commit(self, ops: list[dict[str, Any]], made: list[dict[str, Any]] | None = None) -> None:
        """Record changes (``{"o": "p"|"d"|"x", "t": table, "k": key, "d": doc}``) durably.

        Each document of ``ops`` is checked first. ``made`` are more changes whose documents
        purgequiz's own typed records made (``CardProgress.to_dict()``, ``DayCounts.to_dict()``):
        their shape holds by construction, so only their table names are checked (what is read
        back from a file is always checked). Inside a :meth:`batch` the changes are written when
        it ends; outside one, at once.
        """
        if self.read_only:
            raise NotWritable(self.folder)
        ops = ops + made if made else ops
        checked = len(ops) - len(made or ())
        for index, op in enumerate(ops):
            name = op["t"]
            if not is_table_name(name):
                raise NotATable(name)
            if op["o"] == "p" and index < checked:
                try:
                    check_document(name, op["k"], op["d"])
                except Invalid as error:
                    raise RefusedDocument(name, op["k"], str(error)) from None
            if name.startswith(COLD_PREFIX):
                self._load_month(_month(name))  # else loading it later would hide this
        if self._depth == 0:
            if ops:
                self._write(ops)
            return
        staged = self._staged
        assert staged is not None
        for op in ops:
            name = op["t"]
            if name not in staged:
                current = self.table(name)
                staged[name] = dict(current) if current is not None else None
            table = staged[name]
            if op["o"] == "x":
                staged[name] = None
            elif op["o"] == "p":
                if table is None:
                    table = staged[name] = {}
                table[op["k"]] = op["d"]
            elif table is not None:
                table.pop(op["k"], None)
            self._staged_ops.append(op)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one append and one fsync when the outermost batch ends.

        If the body raises or the write fails, nothing of the batch is kept, on disk or in
        memory.
        """
        if self._depth == 0:
            self._staged, self._staged_ops = {}, []
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._staged, self._staged_ops = None, []
            raise
        self._depth -= 1
        if self._depth == 0:
            ops = self._staged_ops
            self._staged, self._staged_ops = None, []
            if ops:
                self._write(ops)

    def _write(self, ops: list[dict[str, Any]]) -> None:
        """Append ``ops`` as one write, then apply them to the tables in memory."""
        first = self._seq
        for number, op in enumerate(ops, first + 1):
            op["s"] = number
            op.pop("n", None)
        ops[0]["n"] = len(ops)  # replayed only if every line of this write is there
        self._append(b"".join([_line(op) for op in ops]))
        self._seq = first + len(ops)
        for op in ops:
            name = op["t"]
            _apply(self._tables, op)
            if name.startswith(COLD_PREFIX):
                self._unflushed.setdefault(_month(name), []).append(op)
                if op["o"] == "p":
                    self._cold.add(name)
                elif op["o"] == "x":
                    self._cold.discard(name)
        self._journal_count += len(ops)
        if self._journal_count > self._next_compact:
            try:
                self.compact()
            except StoreError:
                # The changes are safe in the journal; try again after some more.
                self._next_compact = self._journal_count + COMPACT_WHILE_OPEN // 10

    @staticmethod
    def _write_at(fd: int, offset: int, data: bytes) -> None:
        os.lseek(fd, offset, os.SEEK_SET)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]

    def _reserve(self, fd: int, end: int) -> None:
        """Make the journal at least ``end`` bytes long with zeros, flushed, so that the
        writes into that room change no size and need only their data flushed. Best effort:
        on failure (a full disk) the room is given back and writes simply extend the file."""
        # never before the last change: a reserve that failed earlier left the file shorter
        start = max(self._journal_room, self._journal_size)
        room = max(end, start + JOURNAL_ROOM)
        try:
            self._write_at(fd, start, bytes(room - start))
            os.fsync(fd)
        except OSError:
            try:
                os.ftruncate(fd, start)
            except OSError:
                pass  # zeros past the end are free room at the next opening
            return
        self._journal_room = room

    def _append(self, data: bytes) -> None:
        """Write ``data`` after the last change and flush it; on failure the journal is cut
        back to what it was."""
        if self._journal is None:
            raise NotWritable(self.journal_path, closed=True)
        end = self._journal_size + len(data)
        if end > self._journal_room:
            self._reserve(self._journal, end)
        try:
            self._write_at(self._journal, self._journal_size, data)
            if end <= self._journal_room:
                _flush_data(self._journal)
            else:
                os.fsync(self._journal)
        except OSError as error:
            try:
                os.ftruncate(self._journal, self._journal_size)
                self._journal_room = self._journal_size
            except OSError:
                pass  # a torn tail is cut off at the next opening
            raise file_problem(error, self.journal_path) from error
        self._journal_size = end

    # -- compaction ------------------------------------------------------------------------

    def compact(self) -> None:
        """Move review-log changes to their month files, write a snapshot, empty the journal.

        Stopped midway (a kill, a full disk), it leaves every change in the journal, from
        which the next opening or compaction finishes the work.
        """
        if self.read_only:
            return
        if self._unflushed:
            try:
                self.segments.mkdir(exist_ok=True)
            except OSError as error:
                raise file_problem(error, self.segments) from error
        self._seal()
        hot = {n: t for n, t in self._tables.items() if not n.startswith(COLD_PREFIX)}
        names = "\n".join(sorted(self._cold)).encode()
        snapshot = {
            "format": SNAPSHOT_FORMAT,
            "version": SNAPSHOT_VERSION,
            "seq": self._seq,
            "coldz": base64.b64encode(zlib.compress(names, 6)).decode(),
            "months": self._month_sizes(),
            "tables": hot,
        }
        write_atomic(self.snapshot_path, _encode(snapshot))
        try:
            if self._journal is not None:
                os.ftruncate(self._journal, 0)
                os.fsync(self._journal)
                self._journal_size = self._journal_room = 0
            else:
                write_atomic(self.journal_path, b"")
        except OSError as error:
            raise file_problem(error, self.journal_path) from error
        self._unflushed.clear()
        self._pending.clear()
        self._journal_count = 0
        self._next_compact = COMPACT_WHILE_OPEN
        self._changed = False
        self.snapshot_lost = self.snapshot_partial = False

    def _seal(self) -> None:
        """Write the sealed file (see months.py) of every month with changes in the journal,
        an open ``.jsonl`` file (an earlier format, or a compaction stopped midway) or damage
        found, from what is in memory and on disk together.

        The sealed file is written whole (atomically) before the open one is removed, and the
        changes stay in the journal until the snapshot after it is written: a kill at any
        point leaves files that read as the same reviews.
        """
        sizes = self._month_sizes()
        months = {k for k in sizes if not k.endswith(".z")} | self._reseal | set(self._unflushed)
        for month in sorted(months):
            was_loaded = month in self._loaded_months
            self._load_month(month)
            tables = {
                name: table
                for name, table in self._tables.items()
                if name.startswith(COLD_PREFIX) and _month(name) == month
            }
            write_atomic(self._sealed_path(month), encode_sealed(month, self._seq, tables))
            try:
                os.unlink(self._segment_path(month))
            except FileNotFoundError:
                pass
            except OSError as error:
                raise file_problem(error, self._segment_path(month)) from error
            if not was_loaded:  # read only to be sealed: not kept in memory
                for name in tables:
                    del self._tables[name]
                self._loaded_months.discard(month)
        if months:
            fsync_dir(self.segments)
        self._reseal.clear()

    @property
    def unsaved(self) -> bool:
        """Whether closing would compact: there are changes in the journal, or to record."""
        return self._journal is not None and bool(self._journal_count or self._changed)

    def close(self) -> None:
        """Compact if anything changed, and close the journal (even if compaction fails)."""
        if self._journal is None:
            return
        try:
            if self._journal_count or self._changed:
                self.compact()
        finally:
            os.close(self._journal)
            self._journal = None
