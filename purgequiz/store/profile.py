"""A profile's progress database: settings, card states, the review log, daily counts,
sessions, personal bests and flags, in one TinyDB per profile (see :mod:`storage`).

Tables (every document carries a schema version ``v``):

* ``settings``: one document, ``settings``;
* ``cards/NNN``: card states (:class:`~purgequiz.learn.scheduler.CardProgress`), in 256 shards
  by a hash of the card id;
* ``reviews/YYYY-MM-DD/HH:M``: the review log, one table per study day and ten minutes (cold:
  read only on demand);
* ``days/YYYY-MM``: running totals per study day, for statistics without reading the log;

TinyDB rewrites a whole table on each change, so tables are kept small (tens of documents):
that is what keeps an answer's durable write near a bare fsync.
* ``sessions/YYYY-MM``, ``flags``, ``bests``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Mapping, MutableMapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from msgspec.structs import replace
from tinydb import TinyDB
from tinydb.table import Table

from purgequiz import paths
from purgequiz.learn.bests import updated_bests
from purgequiz.learn.records import DayCounts, Flag, Review, SessionRecord
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings
from purgequiz.learn.tally import ReviewTally
from purgequiz.store.directory import META, ProfileInfo, find_profile, list_profiles
from purgequiz.store.errors import (
    FileRole,
    ProfileAction,
    ProfileClosed,
    ProfileKeptMoving,
    ProfileNotFound,
    Recovery,
    RecoveryKind,
    StoreError,
    file_problem,
)
from purgequiz.store.lock import Lock, ProfileMoved, lock_profile
from purgequiz.store.manage import finish_rename
from purgequiz.store.names import check_name, folder_name, order_seed
from purgequiz.store.schema import review_table
from purgequiz.store.storage import (
    COLD_PREFIX,
    JournalStorage,
    check_entry,
    read_file,
    set_aside,
    write_atomic,
)
from purgequiz.store.zone import system_zone

__all__ = ["CardStates", "Profile", "ProfileInfo", "list_profiles", "open_profile"]

SHARDS = 256
META_VERSION = 1


class _Table(Table):
    # Documents are keyed by card id, review id, day …, where TinyDB's default is an int.
    document_id_class = str  # type: ignore[assignment]


class _DB(TinyDB):
    table_class = _Table


def _review_table(review: Review) -> str:
    """The log table of a review: its study day and its ten minutes (UTC) of that day."""
    return review_table({"day": review.day, "reviewed_at": review.reviewed_at})


def _days_table(day: str) -> str:
    return f"days/{day[:7]}"


def _shard(card_id: str) -> str:
    return f"cards/{zlib.crc32(card_id.encode()) % SHARDS:03d}"


def _meta(folder: Path, name: str, recoveries: list[Recovery]) -> tuple[str, int]:
    """The display name and order seed stored in ``profile.json`` (written on creation,
    repaired if damaged; a rename stopped midway is finished or dropped first).

    The seed fixes the order of new cards (:mod:`purgequiz.learn.order`). It is drawn from the
    name the profile is made with, so a profile made again under the same name (as every test
    does) studies in the same order, and it is kept in the file, so it stays if the name
    changes. A file from before seeds were kept gets the seed of the name it holds.
    """
    finish_rename(folder)
    path = folder / META
    raw = read_file(path)
    if raw is not None:
        try:
            data = json.loads(raw)
            stored = data.get("name") if isinstance(data, dict) else None
            if (
                isinstance(stored, str)
                and not any("\ud800" <= c <= "\udfff" for c in stored)
                and check_name(stored) == stored
            ):
                seed = data.get("seed")
                if type(seed) is not int or not 0 <= seed < 2**64:
                    seed = order_seed(stored)
                return stored, seed
            raise ValueError
        except (ValueError, UnicodeDecodeError, RecursionError):
            kept = set_aside(path)
            recoveries.append(Recovery(path, kept, RecoveryKind.DAMAGED_FILE, FileRole.PROFILE))
    seed = order_seed(name)
    record = {
        "v": META_VERSION,
        "name": name,
        "created": datetime.now(UTC).isoformat(),
        "seed": seed,
    }
    write_atomic(path, json.dumps(record, ensure_ascii=False).encode())
    return name, seed


class CardStates(MutableMapping[str, CardProgress]):
    """A profile's card states: kept in their stored form, made CardProgress when asked for.

    Opening a profile with thousands of cards then costs no object per card, and the home
    screen's figures read :meth:`stored` (see :func:`purgequiz.learn.stats.deck_stats`).
    """

    def __init__(self) -> None:
        self._stored: dict[str, dict[str, Any]] = {}
        self._made: dict[str, CardProgress] = {}

    def load(self, docs: Mapping[str, dict[str, Any]]) -> None:
        """Take a table of stored states (``CardProgress.to_dict()``) as it was read: each
        under its card id, as the store checks when it reads them."""
        self._stored.update(docs)
        for card_id in self._made.keys() & docs.keys():
            del self._made[card_id]

    def stored(self) -> Mapping[str, dict[str, Any]]:
        """Card id → the state's stored form (do not change them)."""
        return self._stored

    def __getitem__(self, card_id: str) -> CardProgress:
        state = self._made.get(card_id)
        if state is None:
            state = self._made[card_id] = CardProgress.from_dict(self._stored[card_id])
        return state

    def __setitem__(self, card_id: str, state: CardProgress) -> None:
        self.put(state, state.to_dict())

    def put(self, state: CardProgress, stored: dict[str, Any]) -> None:
        """Keep ``state`` whose stored form (``state.to_dict()``) is made already."""
        self._stored[state.card_id] = stored
        self._made[state.card_id] = state

    def __delitem__(self, card_id: str) -> None:
        del self._stored[card_id]
        self._made.pop(card_id, None)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._stored

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


class Profile:
    """An open profile. Holds its lock until :meth:`close`; see docs/engine-api.md."""

    def __init__(self, name: str, folder: Path, lock: Lock) -> None:
        self.path = folder
        self._lock = lock
        check_entry(folder, folder=True)
        recoveries: list[Recovery] = []
        self.display_name, self.order_seed = _meta(folder, name, recoveries)
        self.db = _DB(folder, storage=JournalStorage)
        storage = self.db.storage
        assert isinstance(storage, JournalStorage)
        self.storage: JournalStorage | None = storage  # None once closed
        recoveries += storage.recoveries
        self._states = CardStates()
        self._days: dict[str, DayCounts] = {}
        for _, table in storage.hot_tables("cards/"):
            self._states.load(table)
        for _, table in storage.hot_tables("days/"):
            for doc in table.values():
                counts = DayCounts.from_dict(doc)
                self._days[counts.day] = counts
        if storage.snapshot_lost or storage.snapshot_partial:
            combined = self._rebuild(recoveries)
            recoveries = [r for r in recoveries if r.file != combined.file] + [combined]
        stored = (storage.table("settings") or {}).get("settings")
        if stored is None:
            self._settings = Settings(timezone=system_zone())
            self._put("settings", "settings", self._settings.to_dict())
        else:
            self._settings = Settings.from_dict(stored)
        self._recovered = recoveries
        self._storage_seen = len(storage.recoveries)

    @property
    def recovered(self) -> tuple[Recovery, ...]:
        """Every damaged file found and set aside since the profile was opened.

        Most are found while opening; a month of the review log is read only when needed, so
        damage in it can be found later (see :meth:`new_recoveries`).
        """
        later = self.storage.recoveries[self._storage_seen :] if self.storage else []
        return tuple(self._recovered + later)

    def new_recoveries(self) -> list[Recovery]:
        """Recoveries made since this was last asked (after opening): for a late notice."""
        if self.storage is None:
            return []
        fresh = self.storage.recoveries[self._storage_seen :]
        self._recovered += fresh
        self._storage_seen = len(self.storage.recoveries)
        return list(fresh)

    # -- low level ---------------------------------------------------------------------------

    @property
    def _live(self) -> JournalStorage:
        """The open storage; StoreError once the profile is closed."""
        if self.storage is None:
            raise ProfileClosed(self.display_name)
        return self.storage

    def _put(self, table: str, key: str, doc: dict[str, Any]) -> None:
        """Store ``doc`` under ``key`` (nothing is written if it is stored already)."""
        current = self._live.table(table)
        if current is None or current.get(key) != doc:
            self._live.commit([{"o": "p", "t": table, "k": key, "d": doc}])

    def _rebuild(self, recoveries: list[Recovery]) -> Recovery:
        """Card states and daily counts from the review log, after the snapshot was lost."""
        latest: dict[str, tuple[str, dict[str, Any]]] = {}
        days: dict[str, DayCounts] = {}
        count = 0
        for review in self.reviews():
            count += 1
            if not review.practice and (  # practice changed no state: nothing to take from it
                review.card_id not in latest or latest[review.card_id][0] <= review.reviewed_at
            ):
                latest[review.card_id] = (review.reviewed_at, review.after)
            days.setdefault(review.day, DayCounts(review.day)).add(review)
        restored = 0
        with self._live.batch():
            for card_id, (_, after) in latest.items():
                if card_id not in self._states:
                    state = CardProgress.from_dict(after)
                    self._put(_shard(card_id), card_id, state.to_dict())
                    restored += 1
            for day, counts in days.items():
                self._put(_days_table(day), day, counts.to_dict())
        for card_id, (_, after) in latest.items():
            if card_id not in self._states:
                self._states[card_id] = CardProgress.from_dict(after)
        self._days.update(days)
        self._live.compact()
        lost = next((r for r in recoveries if r.file == self._live.snapshot_path), None)
        file = lost.file if lost else self._live.snapshot_path
        kept = lost.kept_as if lost else self._live.snapshot_path
        if self._live.snapshot_partial:
            return Recovery(
                file, kept, RecoveryKind.REBUILT, cards=restored, partial=True, cause=lost
            )
        return Recovery(
            file, kept, RecoveryKind.REBUILT, cards=len(latest), reviews=count, cause=lost
        )

    # -- settings ----------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def update_settings(self, **changes: Any) -> list[str]:
        """Change settings; returns the problems (nothing is saved unless there are none)."""
        try:
            settings = self._settings.changed(**changes)
        except (TypeError, ValueError) as error:
            return [str(error)]
        problems = settings.problems()
        if not problems:
            with self._live.batch():
                self._put("settings", "settings", settings.to_dict())
            self._settings = settings
        return problems

    # -- what a study session needs (learn.records.ProgressStore) -----------------------------

    def card_states(self) -> CardStates:
        return self._states

    def day_counts(self, day: str) -> DayCounts:
        counts = self._days.get(day)
        return replace(counts) if counts else DayCounts(day)  # a copy

    def days(self) -> list[DayCounts]:
        return [self.day_counts(day) for day in sorted(self._days)]

    def study_days(self) -> list[str]:
        return sorted(day for day, counts in self._days.items() if counts.reviews > 0)

    # Each change is written first; what the profile holds in memory changes only once the
    # write succeeded, so an answer reported "not saved" (a full disk) is not kept either.

    # An answer is written as plain changes (one journal write, one sync), not through
    # TinyDB's tables, which copy and compare a whole table for each document they change.

    @staticmethod
    def _state_ops(states: list[CardProgress]) -> list[dict[str, Any]]:
        return [
            {"o": "p", "t": _shard(s.card_id), "k": s.card_id, "d": s.to_dict()} for s in states
        ]

    def _counted(self, changes: list[tuple[Review, int]]) -> dict[str, DayCounts]:
        """The daily totals ``changes`` (a review, +1 or -1) lead to, as new objects."""
        days: dict[str, DayCounts] = {}
        for review, sign in changes:
            if review.day not in days:
                days[review.day] = self.day_counts(review.day)
            days[review.day].add(review, sign)
        return days

    @staticmethod
    def _day_ops(days: dict[str, DayCounts]) -> list[dict[str, Any]]:
        return [
            {"o": "p", "t": _days_table(day), "k": day, "d": counts.to_dict()}
            for day, counts in days.items()
        ]

    def _remember(self, state_ops: list[dict[str, Any]], states: list[CardProgress]) -> None:
        """Keep ``states`` (written as ``state_ops``, whose documents are their stored form)."""
        for op, state in zip(state_ops, states, strict=True):
            self._states.put(state, op["d"])

    def _save(
        self, ops: list[dict[str, Any]], states: list[CardProgress], days: dict[str, DayCounts]
    ) -> None:
        """Write ``ops`` and the changed states and daily totals in one durable write, then
        keep them in memory. States and totals are documents our own records made, so the
        store checks their table names but not their shape again (see JournalStorage.commit)."""
        state_ops = self._state_ops(states)
        self._live.commit(ops, made=state_ops + self._day_ops(days))
        self._remember(state_ops, states)
        self._days.update(days)

    def record_answer(self, review: Review, states: list[CardProgress]) -> None:
        """Log an answer and save the changed card states: on disk when this returns."""
        days = self._counted([(review, 1)])
        self._save(
            [{"o": "p", "t": _review_table(review), "k": review.id, "d": review.to_dict()}],
            states,
            days,
        )

    def undo_answer(self, review: Review, states: list[CardProgress]) -> None:
        days = self._counted([(review, -1)])
        ops: list[dict[str, Any]] = []
        if review.id in (self._live.table(_review_table(review)) or {}):
            ops.append({"o": "d", "t": _review_table(review), "k": review.id})
        self._save(ops, states, days)

    def replace_answer(self, old: Review, new: Review, states: list[CardProgress]) -> None:
        """Put ``new`` in the log in place of ``old`` (a changed grade): one durable write."""
        days = self._counted([(old, -1), (new, 1)])
        ops: list[dict[str, Any]] = []
        if (_review_table(old), old.id) != (_review_table(new), new.id) and old.id in (
            self._live.table(_review_table(old)) or {}
        ):
            ops.append({"o": "d", "t": _review_table(old), "k": old.id})
        ops.append({"o": "p", "t": _review_table(new), "k": new.id, "d": new.to_dict()})
        self._save(ops, states, days)

    def save_states(self, states: list[CardProgress]) -> None:
        self._save([], states, {})

    def add_flag(self, flag: Flag) -> None:
        with self._live.batch():
            self._put("flags", flag.id, flag.to_dict())

    def release(self, states: list[CardProgress], flag_ids: list[str]) -> None:
        """Cards brought back (their new states) and flags withdrawn, in one write."""
        flags = self._live.table("flags") or {}
        self._save(
            [{"o": "d", "t": "flags", "k": key} for key in flag_ids if key in flags], states, {}
        )

    def flags(self) -> list[dict[str, Any]]:
        return sorted(
            (dict(d) for d in (self._live.table("flags") or {}).values()),
            key=lambda d: d.get("created_at", ""),
        )

    def save_session(self, record: SessionRecord) -> None:
        """Save a session and the personal bests it leads to, in one write."""
        bests = updated_bests(self.bests(), record, self._days.values())
        with self._live.batch():
            self._put(f"sessions/{record.started_at[:7]}", record.id, record.to_dict())
            self._put("bests", "bests", bests)

    def merge(
        self,
        *,
        states: list[CardProgress],
        reviews: list[Review],
        flags: list[dict[str, Any]],
        sessions: list[dict[str, Any]],
        settings: Settings | None = None,
    ) -> None:
        """Add records from elsewhere (an import) in one durable write, all or nothing.

        States replace ours; reviews (none already in the log), flags and sessions are added,
        and counted in the daily totals. Written as plain changes
        rather than through TinyDB, whose insert copies the whole table each time: an import
        of tens of thousands of reviews in one ten-minute table would take minutes.
        """
        ops: list[dict[str, Any]] = [
            {"o": "p", "t": _shard(s.card_id), "k": s.card_id, "d": s.to_dict()} for s in states
        ]
        ops += [{"o": "p", "t": _review_table(r), "k": r.id, "d": r.to_dict()} for r in reviews]
        ops += [{"o": "p", "t": "flags", "k": f["id"], "d": f} for f in flags]
        ops += [
            {"o": "p", "t": f"sessions/{s['started_at'][:7]}", "k": s["id"], "d": s}
            for s in sessions
        ]
        if settings is not None:
            ops.append({"o": "p", "t": "settings", "k": "settings", "d": settings.to_dict()})
        days = self._counted([(review, 1) for review in reviews])
        ops += [
            {"o": "p", "t": _days_table(day), "k": day, "d": counts.to_dict()}
            for day, counts in days.items()
        ]
        self._live.commit(ops)
        for state in states:
            self._states[state.card_id] = state
        self._days.update(days)
        if settings is not None:
            self._settings = settings

    def has_review(self, review: Review) -> bool:
        """Whether the log holds a review with this id (in the table it belongs in)."""
        return review.id in (self._live.table(_review_table(review)) or {})

    def has_flag(self, flag_id: str) -> bool:
        return flag_id in (self._live.table("flags") or {})

    def has_session(self, session: dict[str, Any]) -> bool:
        """Whether a session with this id is kept (``started_at`` says in which month)."""
        return session["id"] in (self._live.table(f"sessions/{session['started_at'][:7]}") or {})

    def sessions(self) -> list[dict[str, Any]]:
        out = []
        for name in sorted(self._live.names()):
            if name.startswith("sessions/"):
                out += [dict(d) for d in (self._live.table(name) or {}).values()]
        return sorted(out, key=lambda d: d.get("started_at", ""))

    def bests(self) -> dict[str, Any]:
        return dict((self._live.table("bests") or {}).get("bests", {}))

    def reviews(self, day: str | None = None) -> Iterator[Review]:
        """The review log (of one study day, or all of it), oldest first."""
        prefix = f"{COLD_PREFIX}{day}/" if day else COLD_PREFIX
        names = sorted(n for n in self._live.names() if n.startswith(prefix))
        for name in names:
            docs = (self._live.table(name) or {}).values()
            for doc in sorted(docs, key=lambda d: (d.get("reviewed_at", ""), d.get("id", ""))):
                yield Review.from_dict(doc)

    def review_tally(self) -> ReviewTally:
        """What the statistics need from the review log, counted (see store/tallies.py)."""
        from purgequiz.store.tallies import review_tally

        return review_tally(self._live)

    # -- closing -------------------------------------------------------------------------------

    def close(self) -> None:
        """Save what is left to save and free the profile; StoreError if saving failed.

        Every answer acknowledged before stays in the journal even then.
        """
        try:
            if (storage := self.storage) is not None:
                self.storage = None
                try:
                    if storage.unsaved:
                        storage.compact()  # what closing does first, so that
                        self._keep_review_tally(storage)  # the statistics count it too
                finally:
                    self.db.close()
        finally:
            self._lock.release()

    @staticmethod
    def _keep_review_tally(storage: JournalStorage) -> None:
        """Bring the statistics' kept tally up to date (store/tallies.py): the months sealed
        just now are counted here, once, rather than when the statistics are next opened."""
        from purgequiz.store.tallies import review_tally

        try:
            review_tally(storage)
        except StoreError:
            pass  # the statistics count it when they are opened

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_profile(name: str, *, create: bool = True) -> Profile:
    """Open (or create) a profile; raise ProfileInUse, ProfileNotFound or ProfileNameError,
    or StoreError (naming the file) when the files cannot be used.

    A name that differs from an existing profile's only in capitals, spacing or the form of
    letters ("anna" for "Anna") opens that profile, never a second one beside it: compare
    :attr:`Profile.display_name` with the name asked for to tell the user.
    """
    clean = check_name(name)
    for _ in range(3):
        try:
            return _open(clean, create)
        except ProfileMoved:
            continue  # renamed or deleted while its lock was taken: look for it again
    raise ProfileKeptMoving(clean)


def _open(clean: str, create: bool) -> Profile:
    root = paths.profiles_dir()
    folder, shown = root / folder_name(clean), clean
    try:
        found = find_profile(clean)
        if found is not None:
            folder, shown = found.path, found.name
        elif not create:
            raise ProfileNotFound(clean, root)
        else:
            folder.mkdir(parents=True)
        check_entry(folder, folder=True)  # a link to elsewhere is refused before the lock
        lock = lock_profile(shown, folder)
    except OSError as error:
        raise _cannot_open(shown, error, folder) from error
    try:
        return Profile(shown, folder, lock)
    except OSError as error:
        lock.release()
        raise _cannot_open(shown, error, folder) from error
    except BaseException:
        lock.release()
        raise


def _cannot_open(name: str, error: OSError, folder: Path) -> ProfileAction:
    return ProfileAction(name, "opened", file_problem(error, folder))
