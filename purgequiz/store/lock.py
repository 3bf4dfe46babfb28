"""One purgequiz per profile: an exclusive lock on the profile's ``profile.lock``.

Whoever opens, checks, renames, deletes or restores a profile holds its lock meanwhile; a
second one is refused with :class:`~purgequiz.store.errors.ProfileInUse`, which names the
profile as it is written (never its folder's encoded name) and the process that has it.
A crashed or killed purgequiz leaves no lock behind: the system frees it with the process.
"""

from __future__ import annotations

import errno
import json
import os
import socket
from pathlib import Path
from typing import Protocol

from purgequiz.store.directory import stored_name
from purgequiz.store.disk import check_entry
from purgequiz.store.errors import ProfileInUse, StoreError

__all__ = ["LOCK", "OWNER", "Lock", "ProfileMoved", "lock_profile"]

LOCK = "profile.lock"
OWNER = "profile.owner"


class Lock(Protocol):
    def release(self) -> None: ...


class ProfileMoved(StoreError):
    """The profile's folder was renamed or deleted while its lock was being taken."""


class _FlockLock:
    """An exclusive ``flock`` on the lock file, held until :meth:`release` (from any thread).

    The very call ``filelock.UnixFileLock`` makes, so it excludes (and is excluded by) a
    purgequiz that locks with filelock; without importing filelock, which is a tenth of the
    time it takes to open a profile.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock at once, or return False when someone else holds it.

        Raises ProfileMoved when the lock file left its place between being opened and being
        locked (the profile was renamed or deleted meanwhile): the lock taken would guard a
        folder that is no longer this profile's.
        """
        import fcntl

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        self._fd = fd
        if not _still_at(fd, self.path):
            self.release()
            raise ProfileMoved(f"{self.path.parent} was renamed or deleted meanwhile; try again")
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _still_at(fd: int, path: Path) -> bool:
    """Whether the open file ``fd`` is still the file at ``path``."""
    try:
        here = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)


def _acquire(path: Path) -> Lock | None:
    """The profile's lock, taken; None when another process holds it."""
    if os.name == "posix":
        lock = _FlockLock(path)
        return lock if lock.acquire() else None
    import filelock  # elsewhere (Windows), filelock knows the platform's locking

    # Not thread-local: the app may open a profile on one thread and close it on another.
    # (There a folder holding an open file cannot be renamed, so it cannot move meanwhile.)
    other = filelock.FileLock(str(path), timeout=0, thread_local=False)
    try:
        other.acquire(timeout=0)
    except filelock.Timeout:
        return None
    return other


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
    lock = _acquire(folder / LOCK)
    if lock is None:
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
