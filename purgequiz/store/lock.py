"""One purgequiz per profile: an exclusive lock on the profile's ``profile.lock``.

Whoever opens, checks, renames, deletes or restores a profile holds its lock meanwhile; a
second one is refused with :class:`~purgequiz.store.errors.ProfileInUse`, which names the
profile as it is written (never its folder's encoded name) and the process that has it.
A crashed or killed purgequiz leaves no lock behind: the system frees it with the process.
The lock is filelock's, the one lock implementation of the project.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Protocol

import filelock

from purgequiz.store.directory import stored_name
from purgequiz.store.disk import check_entry
from purgequiz.store.errors import ProfileInUse, ProfileMoved

__all__ = ["LOCK", "OWNER", "Lock", "ProfileMoved", "lock_profile"]

LOCK = "profile.lock"
OWNER = "profile.owner"


class Lock(Protocol):
    def release(self) -> None: ...


class _ProfileLock:
    """filelock's lock of the profile's lock file (``flock`` on POSIX, ``LockFileEx`` on
    Windows), taken at once or not at all, and releasable from any thread.

    Never a "soft" lock (a file whose presence is the lock): a killed process could not free
    it. The lock file stays in place when released, as the next opener may already have it
    open; and a lock file that left its place while it was being locked (the profile renamed
    or deleted meanwhile) raises :class:`ProfileMoved`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._locked: tuple[int, int] | None = None  # (device, inode) of the file locked
        self._lock = filelock.FileLock(
            str(path),
            timeout=0,
            mode=0o644,
            thread_local=False,  # the app may open a profile on one thread, close it on another
            fallback_to_soft=False,
            preserve_lock_file=True,
            on_acquired=self._note,
        )

    def _note(self, descriptor: int) -> None:
        info = os.fstat(descriptor)
        self._locked = (info.st_dev, info.st_ino)

    def acquire(self) -> bool:
        """Take the lock at once, or return False when someone else holds it."""
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            return False
        except FileNotFoundError as error:  # the folder went away before or while locking
            raise ProfileMoved(self.path.parent) from error
        if not self._still_here():
            self.release()
            raise ProfileMoved(self.path.parent)
        return True

    def _still_here(self) -> bool:
        try:
            here = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        return self._locked == (here.st_dev, here.st_ino)

    def release(self) -> None:
        self._lock.release(force=True)


def _holder(owner: Path) -> tuple[int | None, str | None]:
    """The process (and its computer) that wrote ``profile.owner`` last, as far as known."""
    try:
        data = json.loads(owner.read_text(encoding="utf-8"))
        pid = int(data.get("pid"))
    except (OSError, ValueError, TypeError, AttributeError):
        return None, None
    host = data.get("host")
    return pid, host if isinstance(host, str) and host else None


def lock_profile(name: str, folder: Path) -> Lock:
    """Take the lock of the profile in ``folder`` (``name``: what it was asked for by).

    Raises ProfileInUse when another purgequiz holds it, naming the profile by the name it
    keeps in its folder; ProfileMoved when the folder moved meanwhile; OSError when the lock
    file cannot be used.
    """
    owner = folder / OWNER
    check_entry(folder / LOCK)  # a regular file, never a link to elsewhere
    check_entry(owner)
    lock = _ProfileLock(folder / LOCK)
    if not lock.acquire():
        pid, host = _holder(owner)
        if host == socket.gethostname():
            host = None
        raise ProfileInUse(stored_name(folder) or name, folder / LOCK, pid, host) from None
    try:
        fd = os.open(owner, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w") as file:
            file.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname()}))
    except OSError:
        pass
    return lock
