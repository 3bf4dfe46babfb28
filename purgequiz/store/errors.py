"""What can go wrong with a profile, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["ProfileInUse", "ProfileNameError", "ProfileNotFound", "Recovery", "StoreError"]


class StoreError(Exception):
    """A progress file could not be read or written; the message names the file."""


class ProfileInUse(StoreError):
    """Another purgequiz has the profile open."""

    def __init__(self, name: str, lock_path: Path, pid: int | None) -> None:
        self.name = name
        self.lock_path = lock_path
        self.pid = pid
        where = f" (process {pid})" if pid else ""
        super().__init__(f"the profile {name!r} is open in another purgequiz{where}; "
                         f"close it there first (lock file: {lock_path})")


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
