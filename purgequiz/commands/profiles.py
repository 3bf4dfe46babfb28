"""`purgequiz profiles list | rename | delete | restore`: the profiles there are, and changing
them. A deleted profile is kept in the data folder for 30 days and can be restored."""

from __future__ import annotations

import argparse
import shlex
import sys
from datetime import UTC, datetime

from purgequiz import explain as words
from purgequiz.commands.options import SAME, Subparsers, no_such_profile, profile_name
from purgequiz.commands.output import fail, is_terminal, json_text, say, table, usage_error
from purgequiz.store.errors import ProfileNameError, ProfileNotFound, StoreError

__all__ = ["register", "run"]


def _restore_command(name: str) -> str:
    return f"purgequiz profiles restore {shlex.quote(name)}"


def _now() -> datetime:
    return datetime.now(UTC)


def list_all(as_json: bool) -> int:
    from purgequiz.store.directory import list_profiles
    from purgequiz.store.manage import deleted_profiles

    profiles, deleted, now = list_profiles(), deleted_profiles(), _now()
    if as_json:
        sys.stdout.write(
            json_text(
                {
                    "profiles": [{"name": p.name, "folder": str(p.path)} for p in profiles],
                    "deleted": [
                        {
                            "name": d.name,
                            "folder": str(d.path),
                            "deleted_at": d.deleted_at.isoformat(),
                            "kept_until": d.kept_until.isoformat(),
                        }
                        for d in deleted
                    ],
                },
                indent=2,
            )
            + "\n"
        )
        return 0
    if profiles:
        for info in profiles:
            say(info.name)
    else:
        say("there are no profiles yet")
    if deleted:
        say("deleted (bring one back with 'purgequiz profiles restore NAME'):")
        say(table([(f"  {d.name}", _kept(d.days_left(now))) for d in deleted]))
    return 0


def _kept(days: int) -> str:
    if days == 0:
        return "kept until the next profile is deleted"
    return f"kept {days} more day{'s' if days != 1 else ''}"


def rename(old: str, new: str) -> int:
    from purgequiz.store.manage import rename_profile

    try:
        before = _same(old)
        renamed = rename_profile(before, new)
    except ProfileNotFound as error:
        return no_such_profile(error)
    except (StoreError, ProfileNameError) as error:
        return fail(f"{words.describe(error)}; nothing was changed")
    say(f"renamed the profile {before!r} to {renamed.name!r}; its progress and settings are kept")
    return 0


def _same(name: str) -> str:
    from purgequiz.commands.options import same_profile

    return same_profile(name)


def _confirmed(name: str) -> bool:
    """Ask on the terminal whether to delete ``name``; anything but yes is no."""
    say(
        f"Delete the profile {name!r}? It is kept for 30 days and can be brought back with "
        f"'{_restore_command(name)}'. [y/N] ",
        end="",
    )
    sys.stdout.flush()
    try:
        answer = sys.stdin.readline()
    except (OSError, ValueError):
        answer = ""
    if not answer.endswith("\n"):
        say()
    return answer.strip().casefold() in ("y", "yes")


def delete(name: str, yes: bool) -> int:
    from purgequiz.store.manage import KEEP_DAYS, delete_profile, remove_expired

    try:
        shown = _same(name)
    except (StoreError, ProfileNameError) as error:
        return fail(f"{words.describe(error)}; nothing was deleted")
    if not yes:
        if not is_terminal(sys.stdin):
            return usage_error(
                f"deleting the profile {shown!r} needs confirming: add --yes "
                f"(it is kept for {KEEP_DAYS} days and can be restored)"
            )
        if not _confirmed(shown):
            return fail("nothing was deleted")
    now = _now()
    try:
        deleted = delete_profile(shown, now)
    except ProfileNotFound as error:
        return no_such_profile(error)
    except (StoreError, ProfileNameError) as error:
        return fail(f"{words.describe(error)}; nothing was deleted")
    say(f"deleted the profile {deleted.name!r}; it is kept for {KEEP_DAYS} days in {deleted.path}")
    say(f"to bring it back: {_restore_command(deleted.name)}")
    removed, problems = remove_expired(now)
    for gone in removed:
        say(f"removed for good the profile {gone.name!r}, deleted more than {KEEP_DAYS} days ago")
    for problem in problems:
        say(f"purgequiz: {words.explain(problem)}", file=sys.stderr)
    return 0


def restore(name: str, as_name: str | None) -> int:
    from purgequiz.store.manage import restore_profile

    try:
        restored = restore_profile(name, as_name)
    except ProfileNameError as error:
        hint = (
            ""
            if as_name
            else (
                "; restore it under another name with --as NEW_NAME, or rename that profile "
                "first with 'purgequiz profiles rename'"
            )
        )
        return fail(f"{words.describe(error)}{hint}; nothing was restored")
    except StoreError as error:
        return fail(f"{words.describe(error)}; nothing was restored")
    say(f"restored the profile {restored.name!r} with its progress and settings")
    return 0


def register(commands: Subparsers) -> None:
    """Add `profiles list | rename | delete | restore` to the command parser."""
    parser = commands.add_parser(
        "profiles",
        help="list, rename, delete or restore profiles",
        description="List, rename, delete or restore profiles. A profile open in the app is "
        f"not changed. A name that differs only in capitals or spacing names the same profile "
        f"({SAME}).",
    )
    actions = parser.add_subparsers(
        dest="profiles_command", metavar="ACTION", required=True, parser_class=type(parser)
    )
    listing = actions.add_parser(
        "list", help="the profiles, and those deleted that can be restored"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    renaming = actions.add_parser(
        "rename", help="give a profile another name, keeping its progress and settings"
    )
    renaming.add_argument("old", metavar="OLD", type=profile_name, help="the profile's name")
    renaming.add_argument("new", metavar="NEW", type=profile_name, help="its new name")
    deleting = actions.add_parser(
        "delete",
        help="delete a profile (it is kept 30 days and can be restored)",
        description="Delete a profile: its folder moves into deleted-profiles in the data "
        "folder, is kept there for 30 days, and can be brought back with 'purgequiz profiles "
        "restore NAME'. Asks first, unless --yes is given.",
    )
    deleting.add_argument("name", metavar="NAME", type=profile_name)
    deleting.add_argument("--yes", action="store_true", help="do not ask first")
    restoring = actions.add_parser("restore", help="bring back a deleted profile")
    restoring.add_argument(
        "name", metavar="NAME", type=profile_name, help="the deleted profile's name"
    )
    restoring.add_argument(
        "--as",
        dest="as_name",
        metavar="NEW_NAME",
        type=profile_name,
        help="restore it under another name (when its name is taken)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.profiles_command == "list":
            return list_all(args.json)
        if args.profiles_command == "rename":
            return rename(args.old, args.new)
        if args.profiles_command == "delete":
            return delete(args.name, args.yes)
        return restore(args.name, args.as_name)
    except StoreError as error:  # e.g. the profiles folder cannot be listed
        return fail(words.describe(error))
    except OSError as error:
        return fail(words.describe(error))
