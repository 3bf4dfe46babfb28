"""The profile opened last (``last-profile.txt`` in the data folder), offered first next time."""

from __future__ import annotations

from purgequiz import paths
from purgequiz.atomic import write_atomic
from purgequiz.store.names import name_key

__all__ = ["last_profile", "remember", "renamed"]


def last_profile() -> str | None:
    """The name of the profile opened last, if it was remembered."""
    try:
        name = paths.last_profile_file().read_text(encoding="utf-8").rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return name or None


def remember(name: str) -> None:
    """Remember ``name`` as the last profile (written atomically; failure is harmless).

    Nothing is written when ``name`` is remembered already: the usual start, on the same
    profile as last time, costs no write and no wait for the disk."""
    if last_profile() == name:
        return
    target = paths.last_profile_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, (name + "\n").encode("utf-8"))
    except OSError:
        pass


def renamed(old: str, new: str) -> None:
    """After the profile ``old`` became ``new``: remember ``new`` if ``old`` (or a name that
    stands for it) was the last profile."""
    last = last_profile()
    if last is not None and name_key(last) == name_key(old):
        remember(new)
