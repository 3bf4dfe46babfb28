"""The app's side of profiles: opening them through the store and remembering the last one."""

from __future__ import annotations

import os

from purgequiz.store.directory import list_profiles
from purgequiz.store.last import last_profile, remember
from purgequiz.store.profile import Profile
from purgequiz.store.profile import open_profile as _open

__all__ = ["default_name", "known_profiles", "last_profile", "open_profile", "remember"]


def default_name() -> str:
    """A sensible first profile name: the computer's user name, else "Student"."""
    for variable in ("USER", "USERNAME", "LOGNAME"):
        value = os.environ.get(variable, "").strip()
        if value and value != "root":
            return value
    return "Student"


def known_profiles() -> list[str]:
    return [info.name for info in list_profiles()]


def open_profile(name: str) -> Profile:
    return _open(name)
