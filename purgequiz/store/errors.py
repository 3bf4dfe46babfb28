"""What can go wrong with a profile, as facts: which profile, which file, what failed.

The store makes no sentences for users: each error and each :class:`Recovery` carries the
facts, and :mod:`purgequiz.explain` says them in plain words. ``str()`` of an error lists its
fields, for logs and debugging only.

The errors are plain classes, each with its own ``__init__``: as dataclasses, Python made 19
``__init__`` and ``__repr__`` methods from source as the app started, some 5 ms of it
(benchmarks/startup.py). :class:`Recovery` and :class:`Disagreement` are msgspec structs,
for the same reason (see docs/app.md, "Start-up").
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from msgspec import Struct

__all__ = [
    "AsideFailed",
    "BadEntry",
    "Disagreement",
    "Entry",
    "FileError",
    "FileRole",
    "InTheWay",
    "Listing",
    "NameProblem",
    "NewerFormat",
    "NoDeletedProfile",
    "NotAMonth",
    "NotATable",
    "NotWritable",
    "ProfileAction",
    "ProfileClosed",
    "ProfileInUse",
    "ProfileKeptMoving",
    "ProfileMoved",
    "ProfileNameError",
    "ProfileNotFound",
    "Recovery",
    "RecoveryKind",
    "RefusedDocument",
    "StoreError",
    "TooLarge",
    "file_problem",
]


class _Facts:
    """``str()`` of a typed error: its class and fields, for logs (never shown to users)."""

    def __str__(self) -> str:
        facts = (f"{name}={value!r}" for name, value in vars(self).items() if name[0] != "_")
        return f"{type(self).__name__}({', '.join(facts)})"

    __repr__ = __str__


class StoreError(_Facts, Exception):
    """A progress file or profile could not be used; each subclass carries the facts."""

    def __init__(self, *args: object) -> None:
        # only the kinds below are raised (their own __init__ replaces this one): a
        # StoreError made with a sentence would have no words in purgequiz.explain
        raise TypeError("raise one of the kinds of StoreError, with its facts")


class FileError(StoreError):
    """An operating-system error on a file: ``path`` (None when not known), its ``errno``
    and the system's own ``reason`` ("Permission denied")."""

    def __init__(self, path: Path | str | None, errno: int | None, reason: str) -> None:
        self.path, self.errno, self.reason = path, errno, reason


def file_problem(error: OSError, path: Path | str | None = None) -> FileError:
    """The facts of ``error``; ``path`` is named when the error itself names no file."""
    where = error.filename if error.filename is not None else path
    reason = error.strerror or str(error) or type(error).__name__
    return FileError(where, error.errno, reason)


class ProfileInUse(StoreError):
    """Another purgequiz has the profile open.

    ``name`` is the profile's name as it is written ("Anna Ünal"), never its folder's encoded
    name; ``pid`` and ``host`` are the holder's, as far as known.
    """

    def __init__(
        self, name: str, lock_path: Path, pid: int | None, host: str | None = None
    ) -> None:
        self.name, self.lock_path, self.pid, self.host = name, lock_path, pid, host


class ProfileNotFound(StoreError):
    """No profile ``name`` in the profiles folder ``root``."""

    def __init__(self, name: str, root: Path) -> None:
        self.name, self.root = name, root


class NoDeletedProfile(ProfileNotFound):
    """No deleted profile ``name`` to restore; ``deleted`` names those there are."""

    def __init__(self, name: str, root: Path, deleted: tuple[str, ...] = ()) -> None:
        super().__init__(name, root)
        self.deleted = deleted


class NameProblem(StrEnum):
    """Why a profile name cannot be used."""

    NOT_TEXT = "not text"
    EMPTY = "empty"
    TOO_LONG = "too long"
    CONTROL = "control characters"
    UNDECODABLE = "undecodable"
    INVISIBLE = "invisible"
    TAKEN = "taken"  # another profile has it (``names``: that one)
    SAME = "same"  # the profile is already called so
    AMBIGUOUS = "ambiguous"  # it could be any of ``names``
    AMBIGUOUS_DELETED = "ambiguous deleted"  # any of the deleted profiles ``names``


class ProfileNameError(_Facts, ValueError):
    """A profile name that cannot be used: ``problem`` says why. ``names`` are the profiles it
    clashes with; ``longest`` is the most characters a name can have."""

    def __init__(
        self,
        problem: NameProblem,
        name: str | None = None,
        names: tuple[str, ...] = (),
        longest: int = 0,
    ) -> None:
        self.problem, self.name, self.names, self.longest = problem, name, names, longest


class Entry(StrEnum):
    """What is wrong with an entry of a profile's folder."""

    UNREADABLE = "unreadable"  # its kind cannot be read (``reason``)
    LINK = "link"
    NOT_FILE = "not a file"
    NOT_FOLDER = "not a folder"
    NOT_FILE_NOW = "not a file when read"  # a file when checked, something else when opened


class BadEntry(StoreError):
    """``path`` is not what a profile keeps there (``kind``)."""

    def __init__(self, path: Path, kind: Entry, reason: str = "") -> None:
        self.path, self.kind, self.reason = path, kind, reason


class TooLarge(StoreError):
    """``path`` is larger than a progress file can be (``size`` bytes)."""

    def __init__(self, path: Path, size: int) -> None:
        self.path, self.size = path, size


class AsideFailed(StoreError):
    """A damaged ``path`` could not be renamed (or, with ``copy``, copied) aside."""

    def __init__(self, path: Path, reason: str, copy: bool = False) -> None:
        self.path, self.reason, self.copy = path, reason, copy


class NewerFormat(StoreError):
    """``path`` was written by a newer purgequiz, in format ``version``."""

    def __init__(self, path: Path, version: int) -> None:
        self.path, self.version = path, version


class NotWritable(StoreError):
    """The profile's folder ``path`` was opened only to be checked; with ``closed``, ``path``
    is its journal, closed already."""

    def __init__(self, path: Path, closed: bool = False) -> None:
        self.path, self.closed = path, closed


class NotATable(StoreError):
    """``table`` is not a table of a progress database."""

    def __init__(self, table: str) -> None:
        self.table = table


class NotAMonth(StoreError):
    """``month`` is not a month of the review log."""

    def __init__(self, month: str) -> None:
        self.month = month


class RefusedDocument(StoreError):
    """A document that fails its schema was not saved: ``table``, ``key`` and the schema's
    diagnostic ``why``."""

    def __init__(self, table: str, key: str, why: str) -> None:
        self.table, self.key, self.why = table, key, why


class ProfileClosed(StoreError):
    """The profile ``name`` is closed."""

    def __init__(self, name: str) -> None:
        self.name = name


class ProfileMoved(StoreError):
    """The profile's ``folder`` was renamed or deleted while its lock was being taken."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder


class ProfileKeptMoving(StoreError):
    """The profile ``name`` was renamed or deleted while it was being opened."""

    def __init__(self, name: str) -> None:
        self.name = name


class ProfileAction(StoreError):
    """The profile ``name`` could not be ``action`` ("opened", "renamed", "deleted",
    "restored", "removed": the last for a deleted profile kept too long) because of
    ``problem``."""

    def __init__(self, name: str, action: str, problem: FileError) -> None:
        self.name, self.action, self.problem = name, action, problem


class Listing(StoreError):
    """The profiles (or, with ``deleted``, the deleted profiles) cannot be listed."""

    def __init__(self, problem: FileError, deleted: bool = False) -> None:
        self.problem, self.deleted = problem, deleted


class InTheWay(StoreError):
    """``path`` is in the way of a profile being ``action`` ("renamed" or "restored")."""

    def __init__(self, path: Path, action: str) -> None:
        self.path, self.action = path, action


class FileRole(StrEnum):
    """Which of a profile's files a recovery is about."""

    JOURNAL = "journal"  # progress.journal
    SNAPSHOT = "snapshot"  # progress.json
    REVIEW_LOG = "review log"  # reviews/YYYY-MM.*
    PROFILE = "profile"  # profile.json


class RecoveryKind(StrEnum):
    """What was found wrong with a file, and what was done."""

    DAMAGED_LINES = "damaged lines"  # ``bad``/``damaged``; ``recovered`` good lines kept
    UNFINISHED_LINE = "unfinished line"  # ``torn`` bytes cut off the end
    DAMAGED_FILE = "damaged file"  # unreadable whole (``why``); nothing in it recovered
    DAMAGED_RECORDS = "damaged records"  # ``damaged`` records left out (first: ``records``)
    DAMAGED_TABLE_LIST = "damaged table list"  # the snapshot's list of review tables
    MISSING_MONTH = "missing month"  # the review log file of ``month`` is missing
    UNREADABLE_MONTH = "unreadable month"  # a sealed month file unreadable (``why``)
    DAMAGED_MONTH = "damaged month"  # a sealed month file ``cut`` or with ``bad`` lines
    REBUILT = "rebuilt"  # card states rebuilt from the review log (``cause``: what was lost)


class Disagreement(Struct, frozen=True):
    """What a check of a profile found at odds with its review log: the daily totals of
    ``day``, or (``day`` empty) ``missing`` answered cards without a saved state, the first
    being ``first``."""

    day: str = ""
    missing: int = 0
    first: str = ""


class Recovery(Struct, frozen=True):
    """A damaged file that was kept aside (``kept_as``; the file itself when ``checked_only``:
    found while checking, nothing changed), and what was recovered, as figures.

    ``bad`` holds the first damaged lines (number, the schema's diagnostic), ``damaged`` how
    many there were; ``recovered`` the good lines (or reviews) kept.
    """

    file: Path
    kept_as: Path
    kind: RecoveryKind
    role: FileRole = FileRole.SNAPSHOT
    checked_only: bool = False
    bad: tuple[tuple[int, str], ...] = ()
    damaged: int = 0
    recovered: int = 0
    torn: int = 0
    cut: bool = False
    why: str = ""
    month: str = ""
    records: tuple[tuple[str, str | None, str], ...] = ()  # table, key (None: an unknown
    # table), the schema's diagnostic
    cards: int = 0
    reviews: int = 0
    partial: bool = False  # REBUILT: only the left-out card states were restored
    cause: Recovery | None = None
