"""The app's side of profiles: opening them through the store and remembering the last one."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from purgequiz.store.last import last_profile, remember

if TYPE_CHECKING:
    from purgequiz.store.profile import Profile

__all__ = ["default_name", "known_profiles", "last_profile", "open_profile", "remember"]


def default_name() -> str:
    """A sensible first profile name: the computer's user name, else "Student"."""
    for variable in ("USER", "USERNAME", "LOGNAME"):
        value = os.environ.get(variable, "").strip()
        if value and value != "root":
            return value
    return "Student"


def known_profiles() -> list[str]:
    from purgequiz.store.directory import list_profiles

    return [info.name for info in list_profiles()]


def open_profile(name: str) -> Profile:
    from purgequiz.store.profile import open_profile as _open

    return _open(name)
