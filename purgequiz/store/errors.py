"""What can go wrong with a profile, in plain words."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ProfileInUse",
    "ProfileNameError",
    "ProfileNotFound",
    "Recovery",
    "StoreError",
    "file_problem",
]


class StoreError(Exception):
    """A progress file could not be read or written; the message names the file."""


class ProfileInUse(StoreError):
    """Another purgequiz has the profile open.

    The message names the profile as it is written ("Anna Ünal"), never by its folder's
    encoded name; the lock file is kept in :attr:`lock_path` for whoever needs it.
    """

    def __init__(
        self, name: str, lock_path: Path, pid: int | None, host: str | None = None
    ) -> None:
        self.name = name
        self.lock_path = lock_path
        self.pid = pid
        self.host = host
        where = f" (process {pid}{f' on {host}' if host else ''})" if pid else ""
        super().__init__(
            f"the profile {name!r} is open in another purgequiz{where}; close it there first"
        )


class ProfileNameError(ValueError):
    """A profile name that cannot be used."""


class ProfileNotFound(StoreError):
    """No profile of that name."""


@dataclass(frozen=True)
class Recovery:
    """A damaged file that was kept aside, and what was recovered."""

    file: Path
    kept_as: Path
    message: str


_ADVICE = {
    errno.EACCES: "check the permissions and owner of it and of its folder, or set "
    "PURGEQUIZ_HOME to a folder of your own",
    errno.EPERM: "check the permissions and owner of it and of its folder, or set "
    "PURGEQUIZ_HOME to a folder of your own",
    errno.EROFS: "the disk is read-only; set PURGEQUIZ_HOME to a folder you can write to",
    errno.ENOSPC: "free some disk space and try again",
    errno.EDQUOT: "free some disk space and try again",
}


def file_problem(error: OSError, path: Path | str | None = None) -> StoreError:
    """``error`` in plain words, naming the file and what to do about it:
    "cannot use /data/profiles/anna/profile.lock (permission denied); check …".

    ``path`` is named when the error itself names no file.
    """
    where = error.filename if error.filename is not None else path
    reason = error.strerror or str(error) or type(error).__name__
    reason = reason[:1].lower() + reason[1:]
    advice = _ADVICE.get(error.errno) if error.errno is not None else None
    return StoreError(
        f"cannot use {where or 'a file'} ({reason})" + (f"; {advice}" if advice else "")
    )
