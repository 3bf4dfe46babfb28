"""The command line's parser (its errors suggest what was meant), options shared by several
commands, checked as they are parsed, and the profile a given name stands for."""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import NoReturn, TypeAlias

from purgequiz import explain as words
from purgequiz.commands.output import fail, say
from purgequiz.explain import SAME
from purgequiz.visible import visible

__all__ = [
    "SAME",
    "CommandParser",
    "Subparsers",
    "chosen_profile",
    "no_such_profile",
    "profile_name",
    "same_profile",
]


class CommandParser(argparse.ArgumentParser):
    """An argument parser whose errors suggest the command that was probably meant."""

    def error(self, message: str) -> NoReturn:
        hint = ""
        if "invalid choice" in message:
            wrong = message.split("'")[1] if "'" in message else ""
            choices = [c for action in self._actions if action.choices for c in action.choices]
            close = difflib.get_close_matches(wrong, choices, n=1)
            if close:
                hint = f"\nDid you mean '{close[0]}'?"
        self.print_usage(sys.stderr)
        # the message may quote what was typed (unrecognized arguments: …) as it was typed
        self.exit(
            2,
            f"{self.prog}: error: {visible(message)}{hint}\n"
            f"Run '{self.prog} --help' to see what it can do.\n",
        )


# what cli.py hands each command's register(commands): argparse's sub-command parsers
Subparsers: TypeAlias = "argparse._SubParsersAction[CommandParser]"


def profile_name(value: str) -> str:
    """An argparse ``type=`` for ``--profile NAME``: a name the store accepts, or a usage
    error saying why not (so ``--profile ""`` never falls back to some other profile)."""
    from purgequiz.store.errors import ProfileNameError  # the store's rules, where they live
    from purgequiz.store.names import check_name

    try:
        check_name(value)
    except ProfileNameError as error:
        raise argparse.ArgumentTypeError(words.describe(error)) from None
    return value


def same_profile(name: str) -> str:
    """The name of the profile ``name`` stands for: ``name`` itself (checked), or the name of
    an existing profile it differs from only in capitals, spacing or the form of letters
    ("anna" for "Anna"), which is then said on stderr. Raises ProfileNameError when it could
    be several, StoreError when the profiles cannot be listed."""
    from purgequiz.store.directory import find_profile
    from purgequiz.store.names import check_name

    clean = check_name(name)
    found = find_profile(clean)
    if found is None or found.name == clean:
        return clean
    say(f"purgequiz: {clean!r} is the profile {found.name!r} ({SAME})", file=sys.stderr)
    return found.name


def chosen_profile(name: str | None) -> str | int:
    """The profile a command given ``--profile name`` (or none) works on: that one (see
    :func:`same_profile`), else the profile opened last, else the only one; or the exit code
    after saying why there is none. Raises as :func:`same_profile` does."""
    from purgequiz.store.directory import list_profiles
    from purgequiz.store.last import last_profile

    if name is not None:
        return same_profile(name)
    names = [info.name for info in list_profiles()]
    if not names:
        return fail("there are no profiles yet: study first with 'purgequiz play'")
    last = last_profile()
    if last is not None and last in names:
        return last
    if len(names) == 1:
        return names[0]
    listed = ", ".join(repr(known) for known in names)
    return fail(f"name the profile with --profile NAME; the profiles are: {listed}")


def no_such_profile(error: Exception) -> int:
    """Say there is no such profile (``error``, a ProfileNotFound), and which profiles there
    are (exit 1)."""
    from purgequiz.store.directory import list_profiles
    from purgequiz.store.errors import StoreError

    try:
        names = [info.name for info in list_profiles()]
    except StoreError:
        names = []
    known = (
        f"the profiles are: {', '.join(repr(name) for name in names)}"
        if names
        else "there are no profiles yet"
    )
    return fail(f"{words.describe(error)}; {known}")
