"""The computer's time zone as an IANA name (for a new profile's study day)."""

from __future__ import annotations

import warnings
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal

__all__ = ["system_zone"]


def system_zone() -> str:
    """The IANA name of the local zone on every platform (``TZ`` first; on Windows the
    system's zone is translated by tzlocal), or "UTC" when it cannot be told."""
    try:
        with warnings.catch_warnings():  # a TZ it cannot read: UTC, said in the settings
            warnings.simplefilter("ignore")
            name = tzlocal.get_localzone_name()
        ZoneInfo(name or "")
    except (ZoneInfoNotFoundError, ValueError, OSError, LookupError):
        return "UTC"
    return name
