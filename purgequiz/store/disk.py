"""The profile's files on disk: only regular files, read whole, written atomically, and set
aside (never deleted) when damaged. Every error names the file (purgequiz.explain words it).
"""

from __future__ import annotations

import os
import shutil
import stat
from datetime import datetime
from pathlib import Path

from purgequiz.atomic import fsync_folder
from purgequiz.atomic import write_atomic as _write_atomic
from purgequiz.store.errors import AsideFailed, BadEntry, Entry, TooLarge, file_problem

__all__ = [
    "MAX_FILE",
    "check_entry",
    "copy_aside",
    "fsync_dir",
    "read_file",
    "set_aside",
    "write_atomic",
]

MAX_FILE = 1 << 30  # no progress file of a real profile comes near a gigabyte


def _why(error: OSError) -> str:
    return error.strerror or str(error)


def fsync_dir(folder: Path) -> None:
    fsync_folder(folder)


def check_entry(path: Path, *, folder: bool = False) -> bool:
    """Whether ``path`` exists; raise BadEntry if it is a link or not a file (folder)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise BadEntry(path, Entry.UNREADABLE, _why(error)) from error
    if stat.S_ISLNK(info.st_mode):
        raise BadEntry(path, Entry.LINK)
    wanted, kind = (stat.S_ISDIR, Entry.NOT_FOLDER) if folder else (stat.S_ISREG, Entry.NOT_FILE)
    if not wanted(info.st_mode):
        raise BadEntry(path, kind)
    return True


def read_file(path: Path) -> bytes | None:
    """A profile file's bytes (None if it does not exist): regular files only, never a link."""
    if not check_entry(path):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        raise file_problem(error, path) from error
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise BadEntry(path, Entry.NOT_FILE_NOW)
            if info.st_size > MAX_FILE:
                raise TooLarge(path, info.st_size)
            return file.read()
        except OSError as error:
            raise file_problem(error, path) from error


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a kill leaves either the old or the new file.

    On failure (a full disk) the old file is untouched, the temporary file removed, and
    StoreError names the file.
    """
    try:
        _write_atomic(path, data, mode=0o644)
    except OSError as error:
        raise file_problem(error, path) from error


def _stamped(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    return target


def set_aside(path: Path) -> Path:
    """Rename a damaged file to ``NAME.damaged-TIMESTAMP`` next to it; return the new path."""
    target = _stamped(path, "damaged")
    try:
        os.rename(path, target)
        fsync_dir(path.parent)
    except OSError as error:
        raise AsideFailed(path, _why(error)) from error
    return target


def copy_aside(path: Path) -> Path:
    """Copy a file about to be repaired in place to ``NAME.damaged-TIMESTAMP``."""
    target = _stamped(path, "damaged")
    try:
        shutil.copyfile(path, target, follow_symlinks=False)
        fsync_dir(path.parent)
    except OSError as error:
        raise AsideFailed(path, _why(error), copy=True) from error
    return target
