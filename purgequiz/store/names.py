"""Profile names of any Unicode to safe folder names, and back.

Letters a-z, digits and "-" stay; every other character becomes ``_XXXX.`` (its code point
in hex), so the mapping is reversible, case-safe on case-insensitive file systems, and no name
can climb out of the profiles folder ("..", "/", "\\" and NUL are all encoded). Very long names
are shortened with a hash; the display name is always stored inside the profile as well.

Only a name that encodes to a device name Windows reserves ("con", "nul", "com1" …, which
would be the console or nothing at all there rather than a folder) gets its first letter
encoded as well: "con" is kept in ``_63.on``. Every other name keeps the folder it always had.

Two names that differ only in capitals, spacing, invisible characters or the form a letter is
written in ("Anna", " anna ", "ＡＮＮＡ") are one profile: :func:`name_key` gives both the same key,
and the store never makes a second profile whose key is taken.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from purgequiz.store.errors import NameProblem, ProfileNameError

__all__ = [
    "MAX_NAME",
    "check_name",
    "folder_name",
    "name_from_folder",
    "name_key",
    "order_seed",
    "plain_folder_name",
]

# Said wherever a look-alike name is taken for an existing profile.
MAX_NAME = 200
_SAFE = set("abcdefghijklmnopqrstuvwxyz0123456789-")
_CODE = re.compile(r"_([0-9a-f]+)\.")
# Device names Windows reserves in any folder, with or without an extension. Encoding turns
# every "." and upper-case letter into "_XX.", so only these bare lower-case words can result.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)
# Letters that show as nothing (not marks, separators or format characters, but fillers).
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _invisible(character: str) -> bool:
    """A character that shows nothing by itself: a space, a format character, a combining
    mark with nothing to combine with, or a blank filler letter."""
    category = unicodedata.category(character)
    return category[0] in "ZM" or category == "Cf" or character in _FILLERS


def check_name(name: str) -> str:
    """The name, NFC-normalized and stripped; raise ProfileNameError when unusable."""
    if not isinstance(name, str):
        raise ProfileNameError(NameProblem.NOT_TEXT)
    clean = unicodedata.normalize("NFC", name).strip()
    if not clean:
        raise ProfileNameError(NameProblem.EMPTY)
    if len(clean) > MAX_NAME:
        raise ProfileNameError(NameProblem.TOO_LONG, clean, longest=MAX_NAME)
    if any(unicodedata.category(c) == "Cc" for c in clean):
        raise ProfileNameError(NameProblem.CONTROL)
    if any(unicodedata.category(c) == "Cs" for c in clean):
        raise ProfileNameError(NameProblem.UNDECODABLE)
    if all(_invisible(c) for c in clean):
        raise ProfileNameError(NameProblem.INVISIBLE)
    return clean


def plain_folder_name(name: str) -> str:
    """The folder ``name`` had before reserved device names were escaped (the same as
    :func:`folder_name` for every other name): a profile may still live there."""
    clean = check_name(name)
    encoded = "".join(c if c in _SAFE else f"_{ord(c):x}." for c in clean)
    if len(encoded) > 120:
        digest = hashlib.sha256(clean.encode()).hexdigest()[:16]
        encoded = f"{encoded[:100]}~{digest}"
    return encoded


def folder_name(name: str) -> str:
    """The folder of the profile ``name``: safe on every system, and never a device name."""
    encoded = plain_folder_name(name)
    if encoded in _RESERVED:
        encoded = f"_{ord(encoded[0]):x}.{encoded[1:]}"
    return encoded


def name_from_folder(folder: str) -> str | None:
    """The name a folder stands for, or None for a shortened (hashed) folder name."""
    if "~" in folder:
        return None
    try:
        return _CODE.sub(lambda m: chr(int(m.group(1), 16)), folder)
    except (ValueError, OverflowError):
        return None


def name_key(name: str) -> str:
    """What two names of the same profile share: the name in compatibility form (NFKC), case
    folded, without invisible format characters, and with its spaces collapsed to one."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    visible = "".join(c for c in folded if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())


def order_seed(name: str) -> int:
    """The seed of the order of new cards for a profile made under ``name`` (kept in its
    ``profile.json``, so that it stays when the profile is renamed)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big")
