"""The profiles folder: which profiles there are, and finding one by its name.

Each profile lives in a folder named by :func:`~purgequiz.store.names.folder_name`, and keeps
its name as typed in ``profile.json``. A name that differs from a profile's only in capitals,
spacing or the form of its letters (:func:`~purgequiz.store.names.name_key`) finds that
profile: "anna" finds "Anna", never a second, empty profile beside it.

A profile being renamed keeps its new name in ``profile.json.renamed`` until its folder has
moved (see :mod:`purgequiz.store.manage`): the new name counts once the folder has the new
name's folder name, and not before. Reading a folder here changes nothing; the profile's next
opening (or rename) finishes or drops a rename that was stopped midway.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from msgspec import Struct

from purgequiz import paths
from purgequiz.store.disk import read_file
from purgequiz.store.errors import (
    Listing,
    NameProblem,
    ProfileNameError,
    StoreError,
    file_problem,
)
from purgequiz.store.names import (
    check_name,
    folder_name,
    name_from_folder,
    name_key,
    plain_folder_name,
)

__all__ = [
    "META",
    "RENAMED",
    "ProfileInfo",
    "belongs_in",
    "find_profile",
    "list_profiles",
    "own_folder",
    "pending_name",
    "read_name",
    "stored_name",
]

META = "profile.json"
RENAMED = "profile.json.renamed"  # the new name of a rename in progress


class ProfileInfo(Struct, frozen=True):
    name: str
    path: Path


def read_name(path: Path) -> str | None:
    """The usable name recorded in a ``profile.json`` (or ``profile.json.renamed``) file, or
    None when the file is missing, damaged or names nothing usable."""
    try:
        raw = read_file(path)  # a regular file only: never a link, a pipe or a device
        data = json.loads(raw) if raw is not None else None
    except (StoreError, ValueError, RecursionError):
        return None
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or any("\ud800" <= c <= "\udfff" for c in name):
        return None
    try:
        return name if check_name(name) == name else None
    except ProfileNameError:
        return None


def belongs_in(name: str, folder: Path) -> bool:
    """Whether ``folder`` is the folder of a profile called ``name``."""
    return folder.name in (folder_name(name), plain_folder_name(name))


def pending_name(folder: Path) -> str | None:
    """The new name of a rename that has moved ``folder`` but not yet rewritten its
    ``profile.json``; None when there is none (or when the folder never moved)."""
    name = read_name(folder / RENAMED)
    return name if name is not None and belongs_in(name, folder) else None


def stored_name(folder: Path) -> str | None:
    """The name of the profile in ``folder``: a finished rename's, else ``profile.json``'s,
    else the one its folder name encodes (None for a shortened folder name)."""
    return pending_name(folder) or read_name(folder / META) or name_from_folder(folder.name)


def list_profiles() -> list[ProfileInfo]:
    """The profiles in the profiles folder, by name; StoreError when it cannot be read."""
    root = paths.profiles_dir()
    try:
        return _list_profiles(root)
    except OSError as error:
        raise Listing(file_problem(error, root)) from error


def _list_profiles(root: Path) -> list[ProfileInfo]:
    if not root.is_dir():
        return []
    out = []
    for folder in root.iterdir():
        if not folder.is_dir():
            continue
        name = stored_name(folder)
        if name:
            out.append(ProfileInfo(name, folder))
    return sorted(out, key=lambda info: info.name.casefold())


def own_folder(name: str) -> Path | None:
    """The folder of the profile called exactly ``name`` (checked), if there is one: where it
    is kept now, or where a profile of a reserved device name was kept before."""
    root = paths.profiles_dir()
    for candidate in dict.fromkeys((folder_name(name), plain_folder_name(name))):
        if os.path.lexists(root / candidate):
            return root / candidate
    return None


def find_profile(name: str) -> ProfileInfo | None:
    """The profile ``name`` stands for, or None when there is none.

    Its own folder first; otherwise the one profile whose name differs only in capitals,
    spacing or the form of letters. Raises ProfileNameError for an unusable name, or when
    several profiles differ from ``name`` that way (made before they were counted as one).
    """
    clean = check_name(name)
    folder = own_folder(clean)
    if folder is not None:
        return ProfileInfo(stored_name(folder) or clean, folder)
    key = name_key(clean)
    alike = [info for info in list_profiles() if name_key(info.name) == key]
    if len(alike) > 1:
        raise ProfileNameError(NameProblem.AMBIGUOUS, clean, tuple(info.name for info in alike))
    return alike[0] if alike else None
