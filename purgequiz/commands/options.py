"""Options shared by several commands, checked as they are parsed."""

from __future__ import annotations

import argparse

__all__ = ["profile_name"]


def profile_name(value: str) -> str:
    """An argparse ``type=`` for ``--profile NAME``: a name the store accepts, or a usage
    error saying why not (so ``--profile ""`` never falls back to some other profile)."""
    from purgequiz.store.errors import ProfileNameError  # the store's rules, where they live
    from purgequiz.store.names import check_name

    try:
        check_name(value)
    except ProfileNameError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value
