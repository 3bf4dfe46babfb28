"""Profile names of any Unicode to safe folder names, and back.

Letters a-z, digits and "-" stay; every other character becomes ``_XXXX.`` (its code point
in hex), so the mapping is reversible, case-safe on case-insensitive file systems, and no name
can climb out of the profiles folder ("..", "/", "\\" and NUL are all encoded). Very long names
are shortened with a hash; the display name is always stored inside the profile as well.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from purgequiz.store.errors import ProfileNameError

__all__ = ["MAX_NAME", "check_name", "folder_name", "name_from_folder"]

MAX_NAME = 200
_SAFE = set("abcdefghijklmnopqrstuvwxyz0123456789-")
_CODE = re.compile(r"_([0-9a-f]+)\.")


def check_name(name: str) -> str:
    """The name, NFC-normalized and stripped; raise ProfileNameError when unusable."""
    if not isinstance(name, str):
        raise ProfileNameError("a profile name must be text")
    clean = unicodedata.normalize("NFC", name).strip()
    if not clean:
        raise ProfileNameError("a profile name cannot be empty")
    if len(clean) > MAX_NAME:
        raise ProfileNameError(f"a profile name can have at most {MAX_NAME} characters")
    if any(unicodedata.category(c) == "Cc" for c in clean):
        raise ProfileNameError("a profile name cannot contain control characters")
    return clean


def folder_name(name: str) -> str:
    clean = check_name(name)
    encoded = "".join(c if c in _SAFE else f"_{ord(c):x}." for c in clean)
    if len(encoded) > 120:
        digest = hashlib.sha256(clean.encode()).hexdigest()[:16]
        encoded = f"{encoded[:100]}~{digest}"
    return encoded


def name_from_folder(folder: str) -> str | None:
    """The name a folder stands for, or None for a shortened (hashed) folder name."""
    if "~" in folder:
        return None
    try:
        return _CODE.sub(lambda m: chr(int(m.group(1), 16)), folder)
    except (ValueError, OverflowError):
        return None
