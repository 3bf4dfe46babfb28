"""The store's errors and recoveries in plain words, for the commands and the app alike.

The store (:mod:`purgequiz.store.errors`) raises and returns facts; every sentence a user
reads about a profile or its files is made here. Names and paths are data: callers show the
text without markup (and the app through ``visible()``).
"""

from __future__ import annotations

import errno as _errno

from purgequiz.store.errors import (
    AsideFailed,
    BadEntry,
    Disagreement,
    Entry,
    FileError,
    FileRole,
    InTheWay,
    Listing,
    NameProblem,
    NewerFormat,
    NoDeletedProfile,
    NotAMonth,
    NotATable,
    NotWritable,
    ProfileAction,
    ProfileClosed,
    ProfileInUse,
    ProfileKeptMoving,
    ProfileMoved,
    ProfileNameError,
    ProfileNotFound,
    Recovery,
    RecoveryKind,
    RefusedDocument,
    StoreError,
    TooLarge,
    file_problem,
)

__all__ = ["SAME", "describe", "explain", "finding", "recovery"]

_PERMISSIONS = (
    "check the permissions and owner of it and of its folder, or set "
    "PURGEQUIZ_HOME to a folder of your own"
)
_ADVICE = {
    _errno.EACCES: _PERMISSIONS,
    _errno.EPERM: _PERMISSIONS,
    _errno.EROFS: "the disk is read-only; set PURGEQUIZ_HOME to a folder you can write to",
    _errno.ENOSPC: "free some disk space and try again",
    _errno.EDQUOT: "free some disk space and try again",
}


def _file(problem: FileError) -> str:
    """ "cannot use /data/profiles/anna/profile.lock (permission denied); check …"."""
    reason = problem.reason[:1].lower() + problem.reason[1:]
    advice = _ADVICE.get(problem.errno) if problem.errno is not None else None
    return f"cannot use {problem.path or 'a file'} ({reason})" + (f"; {advice}" if advice else "")


def _in_use(error: ProfileInUse) -> str:
    host = f" on {error.host}" if error.host else ""
    where = f" (process {error.pid}{host})" if error.pid else ""
    return f"the profile {error.name!r} is open in another purgequiz{where}; close it there first"


def _not_found(error: ProfileNotFound) -> str:
    if isinstance(error, NoDeletedProfile):
        listed = ", ".join(repr(name) for name in error.deleted)
        there = f"the deleted profiles are: {listed}" if error.deleted else "no profile is deleted"
        return f"there is no deleted profile {error.name!r} to restore ({there})"
    return f"there is no profile {error.name!r} (in {error.root})"


_NAME_RULES = {
    NameProblem.NOT_TEXT: "a profile name must be text",
    NameProblem.EMPTY: "a profile name cannot be empty",
    NameProblem.CONTROL: "a profile name cannot contain control characters",
    NameProblem.UNDECODABLE: "a profile name must be valid text (it holds an undecodable "
    "byte; check the terminal's or file's encoding)",
    NameProblem.INVISIBLE: "a profile name must have at least one visible character (this "
    "one is only spaces, marks or invisible characters)",
}
SAME = "names that differ only in capitals, spacing or the form of letters are one profile"


def _name(error: ProfileNameError) -> str:
    names = ", ".join(repr(name) for name in error.names)
    match error.problem:
        case NameProblem.TOO_LONG:
            return f"a profile name can have at most {error.longest} characters"
        case NameProblem.TAKEN:
            other = error.names[0] if error.names else ""
            same = "" if other == error.name else f" ({SAME})"
            return f"there is already a profile {other!r}{same}"
        case NameProblem.SAME:
            return f"the profile is already called {error.name!r}"
        case NameProblem.AMBIGUOUS:
            return (
                f"{error.name!r} could be any of the profiles {names}, whose names "
                f"differ only in capitals, spacing or the form of letters; "
                f"give one of them exactly as it is written"
            )
        case NameProblem.AMBIGUOUS_DELETED:
            return (
                f"{error.name!r} could be any of the deleted profiles {names}; "
                f"give one of them exactly as it is written"
            )
        case _:
            return _NAME_RULES[error.problem]


def _entry(error: BadEntry) -> str:
    path = error.path
    match error.kind:
        case Entry.UNREADABLE:
            return f"cannot read {path}: {error.reason}"
        case Entry.LINK:
            return (
                f"{path} is a link; a profile keeps only its own files and folders. "
                f"Move the link away and open the profile again"
            )
        case Entry.NOT_FILE_NOW:
            return f"{path} is not a file as it should be"
        case _:
            kind = "folder" if error.kind is Entry.NOT_FOLDER else "file"
            return (
                f"{path} is not a {kind} as it should be; move it away and open the profile again"
            )


def explain(error: BaseException) -> str:
    """The store error ``error`` in plain words, naming the profile or file and what to do.

    Raises TypeError for anything that is not one of the store's errors: every kind the store
    raises has its sentence here (tests/test_explain.py checks each).
    """
    match error:
        case FileError():
            return _file(error)
        case ProfileInUse():
            return _in_use(error)
        case ProfileNotFound():
            return _not_found(error)
        case ProfileNameError():
            return _name(error)
        case BadEntry():
            return _entry(error)
        case TooLarge():
            return f"{error.path} is larger than a progress file can be ({error.size} bytes)"
        case AsideFailed(copy=True):
            return f"{error.path} is damaged and could not be copied aside: {error.reason}"
        case AsideFailed():
            return (
                f"{error.path} is damaged and could not be set aside: {error.reason}; "
                f"check that its folder can be written"
            )
        case NewerFormat():
            return (
                f"{error.path} was written by a newer purgequiz "
                f"(format version {error.version}); update purgequiz"
            )
        case NotWritable(closed=True):
            return f"{error.path} is closed"
        case NotWritable():
            return f"{error.path} was opened only to be checked"
        case NotATable():
            return f"{error.table!r} is not a table of a progress database"
        case NotAMonth():
            return f"{error.month!r} is not a month of the review log"
        case RefusedDocument():
            return f"refused to save {error.table} {error.key!r}: {error.why}"
        case ProfileClosed():
            return f"the profile {error.name!r} is closed"
        case ProfileKeptMoving():
            return (
                f"the profile {error.name!r} was renamed or deleted while it was being opened; "
                f"try again"
            )
        case ProfileMoved():
            return f"{error.folder} was renamed or deleted meanwhile; try again"
        case ProfileAction(action="removed"):
            return (
                f"the deleted profile {error.name!r} could not be removed: {_file(error.problem)}"
            )
        case ProfileAction():
            return f"the profile {error.name!r} cannot be {error.action}: {_file(error.problem)}"
        case Listing():
            what = "deleted profiles" if error.deleted else "profiles"
            return f"the {what} cannot be listed: {_file(error.problem)}"
        case InTheWay():
            return (
                f"{error.path} is in the way of the {error.action} profile; "
                f"move it away and try again"
            )
        case StoreError():
            raise TypeError(f"no words for {type(error).__name__}")
    raise TypeError(f"{type(error).__name__} is not an error of the store")


def describe(error: BaseException) -> str:
    """Any error met while using the store, in words: the store's own through
    :func:`explain`, an operating-system error as the file problem it is, and any other
    (a schema's diagnostic, a bad value) by its own text."""
    if isinstance(error, StoreError | ProfileNameError):
        return explain(error)
    if isinstance(error, OSError):
        return explain(file_problem(error))
    return str(error)


_ROLES = {
    FileRole.JOURNAL: "the progress journal",
    FileRole.SNAPSHOT: "the progress file",
    FileRole.REVIEW_LOG: "the review log file",
    FileRole.PROFILE: "the profile file",
}
_GONE = "are gone from the history (card states and daily totals are kept)"


def _lines(bad: tuple[tuple[int, str], ...], damaged: int) -> str:
    first = ", ".join(f"line {n} ({why})" for n, why in bad[:3])
    more = f" and {damaged - 3} more" if damaged > 3 else ""
    return first + more


def _records(item: Recovery) -> str:
    listing = "; ".join(
        f"an unknown table {table[:60]!r}" if key is None else f"{table} {key[:60]!r}: {why}"
        for table, key, why in item.records[:3]
    )
    return listing + (f" and {item.damaged - 3} more" if item.damaged > 3 else "")


def recovery(item: Recovery) -> str:
    """What was found wrong with a file and what was done, in plain words."""
    file, kept = item.file, item.kept_as
    what = f"{_ROLES[item.role]} {file}"
    match item.kind:
        case RecoveryKind.DAMAGED_LINES if item.checked_only:
            return f"{what} has {item.damaged} damaged line(s): {_lines(item.bad, item.damaged)}"
        case RecoveryKind.DAMAGED_LINES:
            return (
                f"{what} had {item.damaged} damaged line(s) ({_lines(item.bad, item.damaged)}); "
                f"it was kept untouched as {kept} and {item.recovered} good line(s) were recovered"
            )
        case RecoveryKind.UNFINISHED_LINE if item.checked_only:
            return f"{what} ends in an unfinished line"
        case RecoveryKind.UNFINISHED_LINE:
            return (
                f"{what} ended in an unfinished line of {item.torn} bytes; the file was "
                f"kept as {kept} and the unfinished line removed"
            )
        case RecoveryKind.DAMAGED_FILE if item.checked_only:
            return f"{what} is damaged ({item.why})"
        case RecoveryKind.DAMAGED_FILE if item.role is FileRole.PROFILE:
            return f"{what} was damaged; it was kept untouched as {kept}"
        case RecoveryKind.DAMAGED_FILE:
            return f"{what} was damaged ({item.why}); it was kept untouched as {kept}"
        case RecoveryKind.DAMAGED_RECORDS if item.checked_only:
            return f"{what} has {item.damaged} damaged record(s): {_records(item)}"
        case RecoveryKind.DAMAGED_RECORDS:
            return (
                f"{what} had {item.damaged} damaged record(s) ({_records(item)}); it was kept "
                f"untouched as {kept} and the rest recovered"
            )
        case RecoveryKind.DAMAGED_TABLE_LIST:
            return (
                f"the list of review tables in {file} was damaged; it is made again from the "
                f"month files"
            )
        case RecoveryKind.MISSING_MONTH:
            return f"{what} is missing: the reviews of {item.month} {_GONE}"
        case RecoveryKind.UNREADABLE_MONTH:
            return f"{what} is damaged ({item.why}); the reviews of {item.month} in it {_GONE}" + (
                "" if item.checked_only else f"; it was kept untouched as {kept}"
            )
        case RecoveryKind.DAMAGED_MONTH:
            lines = f"{item.damaged} damaged line(s): {_lines(item.bad, 3)}" if item.bad else ""
            found = ("it ends early" if item.cut else "") + (
                f"{'; ' if item.cut and lines else ''}{lines}"
            )
            done = (
                f"{item.recovered} review(s) in it can be read"
                if item.checked_only
                else f"it was kept untouched as {kept} and {item.recovered} good review(s) "
                f"were recovered"
            )
            return f"{what} is damaged ({found}); {done}"
        case RecoveryKind.REBUILT:
            lost = recovery(item.cause) if item.cause else None
            if item.partial:
                return (
                    f"{lost or f'the progress file {file} was damaged'}; "
                    f"{item.cards} card states were restored from the review log"
                )
            return (
                f"{lost or f'the progress file {file} was missing'}; {item.cards} card states "
                f"and {item.reviews} reviews were recovered from the review log "
                f"(settings may have returned to their defaults)"
            )
    raise TypeError(f"no words for the recovery {item.kind}")


def finding(item: Recovery | Disagreement, *, repaired: bool = False) -> str:
    """One thing a check of a profile found (``repaired``: and a repair put right)."""
    if isinstance(item, Recovery):
        return recovery(item)
    if item.day:
        said = f"the daily totals of {item.day} disagree with the review log"
    else:
        said = f"{item.missing} answered card(s) have no saved state (first: {item.first})"
    return f"{said}; repaired from the review log" if repaired else said
