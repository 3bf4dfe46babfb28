"""A durable, fast TinyDB storage: an append-only journal plus atomic snapshots.

TinyDB's JSONStorage rewrites the whole file on every write, so a kill at the wrong moment
leaves invalid JSON, and each write costs time in proportion to the whole history. Here:

* ``progress.json`` is a snapshot of the *hot* tables (settings, card states, daily counts,
  sessions, flags, bests) written atomically: a temporary file, fsync, ``os.replace``, fsync of
  the folder.
* ``progress.journal`` holds one JSON line per change since the snapshot, each with a sequence
  number; a write (or a whole :meth:`JournalStorage.batch`) is appended and fsync'd once
  before the call returns. On open the journal is replayed over the snapshot; a torn last
  line (a kill in mid-append, never acknowledged) is cut off.
* *Cold* tables (names starting with ``reviews/``: the review log, one table per day) are not
  in the snapshot: at compaction their changes move to one append-only file per month under
  ``reviews/``, read only when a day of that month is needed. Opening never reads the history.
* Replaying a change twice is harmless (each line sets or deletes a whole document), so a kill
  during compaction loses nothing.
* A damaged file is renamed aside with a timestamp (never deleted), the good lines are kept,
  and :attr:`JournalStorage.recoveries` says what happened.

TinyDB reads through a mapping that copies a table only when TinyDB asks for it, and
``write`` turns what changed into journal lines by comparing only the tables TinyDB replaced;
keep tables small (the profile shards card states) so each write stays cheap.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from purgequiz.store.errors import Recovery, StoreError

__all__ = ["COLD_PREFIX", "JournalStorage", "fsync_dir", "set_aside", "write_atomic"]

COLD_PREFIX = "reviews/"
SNAPSHOT_FORMAT = "purgequiz.progress"
SNAPSHOT_VERSION = 1
COMPACT_AT_OPEN = 2000  # journal lines
COMPACT_WHILE_OPEN = 50000


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a kill leaves either the old or the new file."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
    fsync_dir(path.parent)


def set_aside(path: Path) -> Path:
    """Rename a damaged file to ``NAME.damaged-TIMESTAMP`` next to it; return the new path."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target


_COLD_START = b',"cold":['
_COLD_END = b'],"tables":'


def _split_cold(raw: bytes) -> tuple[bytes, bytes | None]:
    """A snapshot without its list of cold table names, and that list still unread.

    The list is half of a large snapshot and opening needs none of it. As :meth:`compact`
    writes it (``…,"cold":["reviews/…",…],"tables":…``, names with no escapes), it is cut out
    here and read on first use; a snapshot written any other way is read whole (None).
    """
    start = raw.find(_COLD_START, 0, 200)
    if start < 0:
        return raw, None
    end = raw.find(_COLD_END, start)
    listed = raw[start + len(_COLD_START) - 1:end + 1]
    if end < 0 or b"\\" in listed or not (listed == b"[]" or listed.startswith(b'["')
                                           and listed.endswith(b'"]')):
        return raw, None
    return raw[:start] + raw[end + 1:], listed


def _cold_names(listed: bytes) -> list[str]:
    """The names of a list cut out by :func:`_split_cold` (strings without escapes)."""
    return listed[2:-2].decode().split('","') if listed != b"[]" else []


def _month(table: str) -> str:
    return table[len(COLD_PREFIX):len(COLD_PREFIX) + 7]


def _apply(tables: dict[str, dict[str, Any]], op: dict[str, Any]) -> None:
    kind, name = op["o"], op["t"]
    if kind == "p":
        tables.setdefault(name, {})[op["k"]] = op["d"]
    elif kind == "d":
        tables.get(name, {}).pop(op["k"], None)
    elif kind == "x":
        tables.pop(name, None)


def _read_lines(path: Path) -> tuple[list[dict[str, Any]], int, int, list[int]]:
    """(ops, bytes of good data, bytes of a torn tail, line numbers of bad lines)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], 0, 0, []
    ops, bad = [], []
    good_end = 0
    position = 0
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, 1):
        last = number == len(lines)
        end = position + len(line) + (0 if last else 1)
        if line.strip():
            try:
                op = json.loads(line)
                if not isinstance(op, dict) or "o" not in op or "t" not in op:
                    raise ValueError
            except ValueError:
                if last or all(not rest.strip() for rest in lines[number:]):
                    break  # a torn last line: a write that was never acknowledged
                bad.append(number)
            else:
                if last:  # complete JSON but no newline yet: also never acknowledged
                    break
                ops.append(op)
        good_end = end
        position = end
    return ops, good_end, len(raw) - good_end, bad


class _Tables(MutableMapping):
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
        return isinstance(name, str) and name not in self.deleted and (
            name in self.assigned or name in self._storage.names())


class JournalStorage(Storage):
    """See the module docstring. ``folder`` is the profile's folder."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.snapshot_path = self.folder / "progress.json"
        self.journal_path = self.folder / "progress.journal"
        self.segments = self.folder / "reviews"
        self.recoveries: list[Recovery] = []
        self.snapshot_lost = False
        self._tables: dict[str, dict[str, Any]] = {}
        self._cold_set: set[str] | None = set()  # see _cold
        # the snapshot's list (its text, see _split_cold), made a set on first use
        self._cold_listed: list[str] | bytes = []
        self._loaded_months: set[str] = set()
        self._pending: dict[str, list[dict[str, Any]]] = {}  # month -> journal ops not loaded
        self._unflushed: dict[str, list[dict[str, Any]]] = {}  # month -> ops since snapshot
        self._seq = 0
        self._journal_count = 0
        self._batch: list[bytes] | None = None
        self._depth = 0
        self._journal = None
        self._load()
        self._journal = open(self.journal_path, "ab")  # noqa: SIM115
        if self._journal_count > COMPACT_AT_OPEN:
            self.compact()

    # -- loading ---------------------------------------------------------------------------

    def _damaged(self, path: Path, what: str) -> Path:
        kept = set_aside(path)
        self.recoveries.append(Recovery(path, kept, f"{what} {path} was damaged; it was kept "
                                                    f"untouched as {kept}"))
        return kept

    def _load(self) -> None:
        snapshot_seq = 0
        if self.snapshot_path.exists():
            try:
                raw, listed = _split_cold(self.snapshot_path.read_bytes())
                data = json.loads(raw)
                if not (isinstance(data, dict) and data.get("format") == SNAPSHOT_FORMAT
                        and isinstance(data.get("tables"), dict)
                        and isinstance(data.get("seq"), int)):
                    raise ValueError("not a purgequiz progress snapshot")
                if data.get("version", 1) > SNAPSHOT_VERSION:
                    raise StoreError(f"{self.snapshot_path} was written by a newer purgequiz "
                                     f"(format version {data.get('version')}); update it")
                self._tables = {name: table for name, table in data["tables"].items()
                                if isinstance(table, dict)}
                cold = listed if listed is not None and listed != b"[]" else data.get("cold", [])
                self._cold_listed, self._cold_set = (cold, None) if cold else ([], set())
                snapshot_seq = self._seq = data["seq"]
            except (ValueError, UnicodeDecodeError):
                self._damaged(self.snapshot_path, "the progress file")
                self.snapshot_lost = True
        elif self.segments.exists() and any(self.segments.iterdir()):
            self.snapshot_lost = True  # history without a snapshot: rebuild from it
        if self.snapshot_lost and self.segments.exists():
            self._cold.update(self._segment_names())
        ops, good, torn, bad = _read_lines(self.journal_path)
        if bad:
            kept = self._damaged(self.journal_path, "the progress journal")
            write_atomic(self.journal_path, b"".join(
                json.dumps(op, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
                for op in ops))
            self.recoveries[-1] = Recovery(self.journal_path, kept, (
                f"the progress journal {self.journal_path} had {len(bad)} damaged line(s); it "
                f"was kept untouched as {kept} and {len(ops)} good change(s) were recovered"))
        elif torn:
            with open(self.journal_path, "r+b") as file:
                file.truncate(good)
                os.fsync(file.fileno())
        for op in ops:
            seq = op.get("s", 0)
            if seq <= snapshot_seq and not self.snapshot_lost:
                continue
            self._seq = max(self._seq, seq)
            self._journal_count += 1
            name = op["t"]
            if name.startswith(COLD_PREFIX):
                month = _month(name)
                self._pending.setdefault(month, []).append(op)
                self._unflushed.setdefault(month, []).append(op)
                if op["o"] == "p":
                    self._cold.add(name)
            else:
                _apply(self._tables, op)

    def _segment_names(self) -> set[str]:
        """Cold table names, from a cheap index line-scan only when no snapshot lists them."""
        names: set[str] = set()
        if self._tables or not self.snapshot_lost:
            return names
        for month in self._months():
            self._load_month(month)
        return {n for n in self._tables if n.startswith(COLD_PREFIX)}

    def _months(self) -> list[str]:
        if not self.segments.exists():
            return []
        return sorted(p.stem for p in self.segments.glob("*.jsonl"))

    def _segment_path(self, month: str) -> Path:
        return self.segments / f"{month}.jsonl"

    def _load_month(self, month: str) -> None:
        if month in self._loaded_months:
            return
        path = self._segment_path(month)
        ops, good, torn, bad = _read_lines(path)
        if bad:
            kept = self._damaged(path, "the review log file")
            write_atomic(path, b"".join(
                json.dumps(op, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
                for op in ops))
            self.recoveries[-1] = Recovery(path, kept, (
                f"the review log file {path} had {len(bad)} damaged line(s); it was kept "
                f"untouched as {kept} and {len(ops)} good line(s) were recovered"))
        elif torn:
            with open(path, "r+b") as file:
                file.truncate(good)
                os.fsync(file.fileno())
        tables: dict[str, dict[str, Any]] = {}
        self._seq = max([self._seq, *(op.get("s", 0) for op in ops)])
        for op in ops + self._pending.pop(month, []):
            _apply(tables, op)
        for name, table in tables.items():
            self._tables[name] = table
            self._cold.add(name)
        self._loaded_months.add(month)

    # -- what TinyDB and the profile see ---------------------------------------------------

    @property
    def _cold(self) -> set[str]:
        """The names of all cold tables, loaded or not.

        Opening needs none of them, so the snapshot's list becomes a set only when first asked
        for (a profile with 100k reviews has tens of thousands).
        """
        if self._cold_set is None:
            listed = self._cold_listed
            self._cold_set = set(_cold_names(listed) if isinstance(listed, bytes) else listed)
            self._cold_listed = []
        return self._cold_set

    def names(self) -> set[str]:
        hot = {n for n in self._tables if not n.startswith(COLD_PREFIX)}
        return hot | self._cold

    def hot_tables(self, prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """The hot tables whose names start with ``prefix`` (live tables: do not change them)."""
        if prefix.startswith(COLD_PREFIX):
            raise ValueError(f"{prefix!r} names cold tables")
        for name, table in self._tables.items():
            if name.startswith(prefix):
                yield name, table

    def table(self, name: str) -> dict[str, Any] | None:
        """The live table (not a copy: do not change it), loading a cold month if needed."""
        if name.startswith(COLD_PREFIX) and name in self._cold:
            self._load_month(_month(name))
        return self._tables.get(name)

    def read(self) -> MutableMapping:
        return _Tables(self)

    def write(self, data: MutableMapping) -> None:
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
        self._commit(ops)

    # -- appending -------------------------------------------------------------------------

    def _commit(self, ops: list[dict[str, Any]]) -> None:
        lines = []
        for op in ops:
            self._seq += 1
            op["s"] = self._seq
            name = op["t"]
            if name.startswith(COLD_PREFIX):
                month = _month(name)
                self._load_month(month)
                self._unflushed.setdefault(month, []).append(op)
                if op["o"] == "x":
                    self._cold.discard(name)
                else:
                    self._cold.add(name)
            _apply(self._tables, op)
            lines.append(json.dumps(op, ensure_ascii=False, separators=(",", ":")).encode()
                         + b"\n")
        self._journal_count += len(lines)
        if self._batch is not None:
            self._batch.extend(lines)
        elif lines:
            self._append(b"".join(lines))

    def _append(self, data: bytes) -> None:
        if self._journal is None:
            raise StoreError(f"{self.journal_path} is closed")
        try:
            self._journal.write(data)
            self._journal.flush()
            os.fsync(self._journal.fileno())
        except OSError as error:
            raise StoreError(f"could not save progress to {self.journal_path}: "
                             f"{error.strerror}") from error
        if self._journal_count > COMPACT_WHILE_OPEN and self._depth == 0:
            self.compact()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one append and one fsync when the outermost batch ends."""
        if self._depth == 0:
            self._batch = []
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                lines, self._batch = self._batch or [], None
                if lines:
                    self._append(b"".join(lines))

    # -- compaction ------------------------------------------------------------------------

    def _segment_last_seq(self, path: Path) -> int:
        ops, *_ = _read_lines(path) if path.exists() else ([], 0, 0, [])
        return max((op.get("s", 0) for op in ops), default=0)

    def compact(self) -> None:
        """Move review-log changes to their month files, write a snapshot, empty the journal."""
        if self._unflushed:
            self.segments.mkdir(exist_ok=True)
        for month, ops in sorted(self._unflushed.items()):
            path = self._segment_path(month)
            done = self._segment_last_seq(path)
            fresh = [op for op in ops if op["s"] > done]
            if not fresh:
                continue
            _, good, torn, _ = _read_lines(path)
            with open(path, "ab") as file:
                if torn:
                    file.truncate(good)
                file.write(b"".join(json.dumps(op, ensure_ascii=False,
                                               separators=(",", ":")).encode() + b"\n"
                                    for op in fresh))
                file.flush()
                os.fsync(file.fileno())
        if self._unflushed:
            fsync_dir(self.segments)
        hot = {n: t for n, t in self._tables.items() if not n.startswith(COLD_PREFIX)}
        snapshot = {"format": SNAPSHOT_FORMAT, "version": SNAPSHOT_VERSION, "seq": self._seq,
                    "cold": sorted(self._cold), "tables": hot}
        write_atomic(self.snapshot_path,
                     json.dumps(snapshot, ensure_ascii=False, separators=(",", ":")).encode())
        if self._journal is not None:
            self._journal.truncate(0)
            self._journal.flush()
            os.fsync(self._journal.fileno())
        else:
            write_atomic(self.journal_path, b"")
        self._unflushed.clear()
        for month in list(self._pending):
            self._pending.pop(month)
        self._journal_count = 0
        self.snapshot_lost = False

    def close(self) -> None:
        if self._journal is None:
            return
        try:
            if self._journal_count:
                self.compact()
        finally:
            self._journal.close()
            self._journal = None
