"""The app's side of profiles: opening them through the store and remembering the last one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from purgequiz import paths

__all__ = ["default_name", "known_profiles", "last_profile", "open_profile", "remember"]

LAST_FILE = "last-profile.txt"


def _last_path() -> Path:
    return paths.data_dir() / LAST_FILE


def last_profile() -> str | None:
    """The name of the profile opened last, if it was remembered."""
    try:
        name = _last_path().read_text(encoding="utf-8").rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return name or None


def remember(name: str) -> None:
    """Remember ``name`` as the last profile (written atomically; failure is harmless)."""
    target = _last_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".last-profile-", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(name + "\n")
        os.replace(temporary, target)
    except OSError:
        pass


def default_name() -> str:
    """A sensible first profile name: the computer's user name, else "Student"."""
    for variable in ("USER", "USERNAME", "LOGNAME"):
        value = os.environ.get(variable, "").strip()
        if value and value != "root":
            return value
    return "Student"


def known_profiles() -> list[str]:
    from purgequiz.store import list_profiles

    return [info.name for info in list_profiles()]


def open_profile(name: str):
    from purgequiz.store import open_profile as _open

    return _open(name)
