"""Where purgequiz keeps its files: the one module that knows.

User data lives under the platform's data directory (``platformdirs``); the
``PURGEQUIZ_HOME`` environment variable overrides it, and the tests always set it.
The bundled fact base and decks sit inside the installed package (``_data/``), or at the
top of the source tree when running from a checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = [
    "bundled_decks_dir",
    "bundled_seeds_dir",
    "cache_dir",
    "data_dir",
    "deck_index_file",
    "deleted_profiles_dir",
    "last_profile_file",
    "profiles_dir",
    "user_decks_dir",
]

_PACKAGE = Path(__file__).resolve().parent
_ENV = "PURGEQUIZ_HOME"


def _bundled(name: str) -> Path:
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def bundled_seeds_dir() -> Path:
    """The folder of the curated fact base that ships with purgequiz."""
    return _bundled("seeds")


def bundled_decks_dir() -> Path:
    """The folder of the decks that ship with purgequiz."""
    return _bundled("decks")


def data_dir() -> Path:
    """The user's purgequiz data folder (not created here)."""
    override = os.environ.get(_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("purgequiz", appauthor=False))


def profiles_dir() -> Path:
    """Where each profile's progress database lives."""
    return data_dir() / "profiles"


def deleted_profiles_dir() -> Path:
    """Where a deleted profile's folder is kept until it can no longer be restored."""
    return data_dir() / "deleted-profiles"


def user_decks_dir() -> Path:
    """Where a user's own decks live; `decks list` shows them beside the bundled ones."""
    return data_dir() / "decks"


def cache_dir() -> Path:
    """What can be rebuilt at any time (safe to delete): the deck index."""
    return data_dir() / "cache"


def deck_index_file() -> Path:
    """What was read from each deck file, so that listing the decks need not read them all."""
    return cache_dir() / "decks-index.json"


def last_profile_file() -> Path:
    """The name of the profile opened last, offered first next time."""
    return data_dir() / "last-profile.txt"
