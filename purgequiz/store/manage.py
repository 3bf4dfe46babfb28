"""Renaming, deleting and restoring profiles: each under the profile's lock (refused while
another purgequiz has it open), each decided by one atomic folder rename, so that a kill at
any moment leaves the profile whole under one name or the other.

**Rename.** The new name is first written beside the old in ``profile.json.renamed``; then
the folder is renamed to the new name's folder, the moment the rename happens; then
``profile.json`` takes the new name and the extra file goes. Killed before the folder moved,
the profile keeps its old name (the extra file is dropped when it next opens); killed after,
it has its new name (its next opening writes it into ``profile.json``). All progress and
settings stay in the folder, and the last profile used is updated if it was this one.

**Delete.** The folder is moved into the deleted profiles' folder (inside the data folder) as
``FOLDER.deleted-YYYYMMDDTHHMMSS`` (UTC): killed before the move, the profile is still
there; after it, it is deleted and can be restored. Deleted profiles are kept for
:data:`KEEP_DAYS` days; :func:`remove_expired` then removes them for good.

**Restore.** The folder is moved back (under another name, as a rename is made).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from msgspec import Struct

from purgequiz import paths
from purgequiz.store.directory import (
    META,
    RENAMED,
    ProfileInfo,
    find_profile,
    pending_name,
    read_name,
)
from purgequiz.store.disk import check_entry, fsync_dir, read_file, write_atomic
from purgequiz.store.errors import (
    InTheWay,
    Listing,
    NameProblem,
    NoDeletedProfile,
    ProfileAction,
    ProfileNameError,
    ProfileNotFound,
    StoreError,
    file_problem,
)
from purgequiz.store.last import renamed as _last_renamed
from purgequiz.store.lock import lock_profile
from purgequiz.store.names import (
    check_name,
    folder_name,
    name_from_folder,
    name_key,
    order_seed,
)

__all__ = [
    "KEEP_DAYS",
    "DeletedProfile",
    "delete_profile",
    "deleted_profiles",
    "finish_rename",
    "remove_expired",
    "rename_profile",
    "restore_profile",
]

KEEP_DAYS = 30
_STAMP = "%Y%m%dT%H%M%S"
_DELETED = re.compile(r"(?P<folder>.+)\.deleted-(?P<stamp>\d{8}T\d{6})(?:-\d+)?")


class DeletedProfile(Struct, frozen=True):
    """A deleted profile's folder, kept for :data:`KEEP_DAYS` days after ``deleted_at``."""

    name: str
    path: Path
    deleted_at: datetime

    @property
    def kept_until(self) -> datetime:
        return self.deleted_at + timedelta(days=KEEP_DAYS)

    def days_left(self, now: datetime) -> int:
        """Whole days until it may be removed (0 once that time has come)."""
        left = self.kept_until - now
        return max(0, left.days + (1 if left.seconds or left.microseconds else 0))


# -- renaming ------------------------------------------------------------------------------


def finish_rename(folder: Path) -> None:
    """Finish a rename that moved ``folder`` but was stopped before ``profile.json`` had the
    new name, or drop the note of one stopped before the folder moved. Hold the lock."""
    note = folder / RENAMED
    if not os.path.lexists(note):
        return
    check_entry(note)
    name = pending_name(folder)
    if name is not None:
        _write_name(folder, name)
    try:
        os.unlink(note)
        fsync_dir(folder)
    except OSError as error:
        raise file_problem(error, note) from error


def _write_name(folder: Path, name: str) -> None:
    """Give the profile in ``folder`` the name ``name``, keeping what else its file holds:
    when it was made, and the seed of its order of new cards (taken from the old name when
    the file is older than seeds, so the order does not change with the name)."""
    try:
        raw = read_file(folder / META)
        data = json.loads(raw) if raw is not None else None
    except (StoreError, ValueError, RecursionError):
        data = None
    old = data if isinstance(data, dict) else {}
    record = {
        "v": 1,
        "name": name,
        "created": old.get("created") if isinstance(old.get("created"), str) else _now_text(),
    }
    seed = old.get("seed")
    if type(seed) is int and 0 <= seed < 2**64:
        record["seed"] = seed
    elif isinstance(old.get("name"), str):
        record["seed"] = order_seed(old["name"])
    write_atomic(folder / META, json.dumps(record, ensure_ascii=False).encode())


def _now_text() -> str:
    return datetime.now(UTC).isoformat()


def _move(folder: Path, target: Path, new_name: str | None) -> None:
    """Move ``folder`` to ``target`` (the lock held), taking ``new_name`` on the way."""
    if new_name is not None:
        write_atomic(
            folder / RENAMED, json.dumps({"v": 1, "name": new_name}, ensure_ascii=False).encode()
        )
    try:
        os.rename(folder, target)
    except OSError:
        if new_name is not None:
            try:
                os.unlink(folder / RENAMED)
            except OSError:
                pass  # dropped at the next opening
        raise
    fsync_dir(target.parent)
    if folder.parent != target.parent:
        fsync_dir(folder.parent)
    if new_name is not None:
        finish_rename(target)


def _no_profile(name: str) -> ProfileNotFound:
    return ProfileNotFound(name, paths.profiles_dir())


def _name_is_free(name: str, ours: Path | None = None) -> None:
    """Raise ProfileNameError if ``name`` is (or stands for) a profile other than ``ours``."""
    other = find_profile(name)
    if other is not None and other.path != ours:
        raise ProfileNameError(NameProblem.TAKEN, name, (other.name,))


def rename_profile(old: str, new: str) -> ProfileInfo:
    """Give the profile ``old`` the name ``new``, keeping everything it holds; returns it as
    renamed. Raises ProfileNotFound, ProfileNameError (an unusable name, or one another
    profile has), ProfileInUse, or StoreError naming the file that could not be changed."""
    found = find_profile(old)
    if found is None:
        raise _no_profile(check_name(old))
    clean = check_name(new)
    if clean == found.name:
        raise ProfileNameError(NameProblem.SAME, clean)
    _name_is_free(clean, found.path)
    target = paths.profiles_dir() / folder_name(clean)
    try:
        check_entry(found.path, folder=True)
        lock = lock_profile(found.name, found.path)
        try:
            finish_rename(found.path)
            if target == found.path:  # its folder already fits the new name
                _move_in_place(found.path, clean)
            else:
                if os.path.lexists(target):
                    raise InTheWay(target, "renamed")
                _move(found.path, target, clean)
        finally:
            lock.release()
    except OSError as error:
        raise ProfileAction(found.name, "renamed", file_problem(error, found.path)) from error
    _last_renamed(found.name, clean)
    return ProfileInfo(clean, target)


def _move_in_place(folder: Path, name: str) -> None:
    _write_name(folder, name)


# -- deleting and restoring ----------------------------------------------------------------


def delete_profile(name: str, now: datetime) -> DeletedProfile:
    """Move the profile ``name`` into the deleted profiles' folder, from which
    :func:`restore_profile` brings it back. ``now`` (aware) is the moment of deletion.
    Raises ProfileNotFound, ProfileInUse, or StoreError naming the file."""
    found = find_profile(name)
    if found is None:
        raise _no_profile(check_name(name))
    area = paths.deleted_profiles_dir()
    stamp = now.astimezone(UTC).strftime(_STAMP)
    try:
        check_entry(found.path, folder=True)
        area.mkdir(parents=True, exist_ok=True)
        check_entry(area, folder=True)
        lock = lock_profile(found.name, found.path)
        try:
            finish_rename(found.path)  # its name is settled before it leaves its folder
            target = area / f"{found.path.name}.deleted-{stamp}"
            counter = 1
            while os.path.lexists(target):
                counter += 1
                target = area / f"{found.path.name}.deleted-{stamp}-{counter}"
            _move(found.path, target, None)
        finally:
            lock.release()
    except OSError as error:
        raise ProfileAction(found.name, "deleted", file_problem(error, found.path)) from error
    return DeletedProfile(found.name, target, _parse(stamp))


def _parse(stamp: str) -> datetime:
    return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)


def deleted_profiles() -> list[DeletedProfile]:
    """The deleted profiles still kept, newest first; StoreError when they cannot be listed."""
    area = paths.deleted_profiles_dir()
    try:
        entries = list(area.iterdir()) if area.is_dir() else []
    except OSError as error:
        raise Listing(file_problem(error, area), deleted=True) from error
    out = []
    for folder in entries:
        match = _DELETED.fullmatch(folder.name)
        if match is None or folder.is_symlink() or not folder.is_dir():
            continue
        try:
            deleted_at = _parse(match["stamp"])
        except ValueError:
            continue
        name = read_name(folder / META) or name_from_folder(match["folder"])
        if name:
            out.append(DeletedProfile(name, folder, deleted_at))
    return sorted(out, key=lambda d: (d.deleted_at, d.path.name), reverse=True)


def _deleted(name: str) -> DeletedProfile:
    """The deleted profile ``name`` stands for (the newest, if it was deleted more than once)."""
    clean = check_name(name)
    kept = deleted_profiles()
    exact = [d for d in kept if d.name == clean]
    alike = exact or [d for d in kept if name_key(d.name) == name_key(clean)]
    if not alike:
        listed = tuple(dict.fromkeys(d.name for d in kept))
        raise NoDeletedProfile(clean, paths.deleted_profiles_dir(), listed)
    if len({d.name for d in alike}) > 1:
        names = tuple(dict.fromkeys(d.name for d in alike))
        raise ProfileNameError(NameProblem.AMBIGUOUS_DELETED, clean, names)
    return alike[0]


def restore_profile(name: str, as_name: str | None = None) -> ProfileInfo:
    """Bring the deleted profile ``name`` back (as ``as_name``, if given); returns it.
    Raises ProfileNotFound, ProfileNameError (a profile of that name is there again),
    ProfileInUse, or StoreError naming the file."""
    chosen = _deleted(name)
    clean = check_name(as_name) if as_name is not None else chosen.name
    _name_is_free(clean)
    root = paths.profiles_dir()
    target = root / folder_name(clean)
    try:
        root.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(target):
            raise InTheWay(target, "restored")
        lock = lock_profile(chosen.name, chosen.path)
        try:
            _move(chosen.path, target, clean if clean != chosen.name else None)
        finally:
            lock.release()
    except OSError as error:
        raise ProfileAction(chosen.name, "restored", file_problem(error, chosen.path)) from error
    return ProfileInfo(clean, target)


def remove_expired(now: datetime) -> tuple[list[DeletedProfile], list[ProfileAction]]:
    """Remove for good the deleted profiles kept :data:`KEEP_DAYS` days; returns those
    removed, and the problem of each that could not be (it is tried again next time)."""
    removed: list[DeletedProfile] = []
    problems: list[ProfileAction] = []
    for deleted in deleted_profiles():
        if deleted.kept_until > now:
            continue
        try:
            shutil.rmtree(deleted.path)
        except OSError as error:
            problems.append(
                ProfileAction(deleted.name, "removed", file_problem(error, deleted.path))
            )
        else:
            removed.append(deleted)
    return removed, problems
