"""`purgequiz progress export | import | check`: a profile's progress as one JSON file, and
its health."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import TYPE_CHECKING

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.commands.options import Subparsers, no_such_profile, profile_name, same_profile
from purgequiz.commands.output import fail, json_text, say
from purgequiz.files import EXPORT_LIMIT, FileProblem, check_output, read_json, write_text
from purgequiz.store.directory import find_profile, list_profiles
from purgequiz.store.errors import (
    ProfileInUse,
    ProfileNameError,
    ProfileNotFound,
    StoreError,
)
from purgequiz.store.names import check_name
from purgequiz.store.schema import Invalid

if TYPE_CHECKING:
    from purgequiz.store.health import Health

__all__ = ["register", "run"]


def export(profile_name: str, output: str) -> int:
    from purgequiz.store.profile import open_profile  # TinyDB: not for --help
    from purgequiz.store.transfer import export_profile

    if output != "-":
        try:
            check_output(
                output, keep_out=[(paths.profiles_dir(), "progress is kept")], writes="the export"
            )
        except FileProblem as error:
            return fail(words.describe(error))
    try:
        profile_name = same_profile(profile_name)
        with open_profile(profile_name, create=False) as profile:
            data = export_profile(profile)  # reads the whole log: may find damage in it
            for recovery in profile.recovered:
                say(f"purgequiz: {words.recovery(recovery)}", file=sys.stderr)
    except ProfileNotFound as error:
        return no_such_profile(error)
    except (StoreError, ValueError) as error:
        return fail(words.describe(error))
    text = json_text(data, indent=1) + "\n"
    if output == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_text(output, text, what="export")
    except FileProblem as error:
        return fail(words.describe(error))
    except OSError as error:
        return fail(f"cannot write {output}: {error.strerror}")
    say(
        f"exported {len(data['cards'])} card states and {len(data['reviews'])} reviews of "
        f"{profile_name!r} to {output}"
    )
    return 0


def import_(file: str, profile_name: str | None) -> int:
    from purgequiz.store.profile import open_profile  # TinyDB: not for --help
    from purgequiz.store.transfer import check_export, import_into

    try:
        data = read_json(file, what="progress export", limit=EXPORT_LIMIT)
    except FileProblem as error:
        return fail(words.describe(error))
    try:
        check_export(data)
    except Invalid as error:
        return fail(f"{file}: {words.describe(error)}; nothing was imported")
    name = profile_name or data.get("profile")
    if not isinstance(name, str) or not name.strip():
        return fail(f"{file} names no profile; give one with --profile NAME")
    if profile_name is None:
        try:
            check_name(name)
        except ProfileNameError as error:
            return fail(
                f"{file} names the profile {name!r}, which cannot be used "
                f"({words.describe(error)}); "
                f"give another with --profile NAME"
            )
    try:
        clean = same_profile(name)
        existed = find_profile(clean) is not None
        profile = open_profile(clean)
    except (StoreError, ProfileNameError) as error:
        return fail(f"{words.describe(error)}; nothing was imported from {file}")
    try:
        report = import_into(profile, data, take_settings=not existed)
    except (StoreError, Invalid) as error:
        try:
            profile.close()
        except StoreError:
            pass  # the import failed: that is what is said
        where = f"{file}: " if isinstance(error, Invalid) else ""
        return fail(
            f"{where}{words.describe(error)}; nothing was imported"
            + ("" if where else f" from {file}")
        )
    say(
        f"imported into {clean!r}: {report.cards} card states, {report.reviews} reviews, "
        f"{report.flags} flags, {report.sessions} sessions"
    )
    try:
        profile.close()
    except StoreError as error:
        return fail(
            f"the import is saved, but the profile could not be tidied up: "
            f"{words.describe(error)}; "
            f"this is finished the next time the profile opens"
        )
    return 0


def _health_lines(health: Health) -> list[str]:
    lines = [f"  {words.finding(problem)}" for problem in health.problems]
    lines += [f"  repaired: {words.finding(done, repaired=True)}" for done in health.repaired]
    if health.kept_aside:
        lines.append(
            f"  {len(health.kept_aside)} damaged file(s) kept aside for you to look "
            f"at (safe to delete once you have): "
            f"{', '.join(str(p) for p in health.kept_aside[:3])}"
            + (" …" if len(health.kept_aside) > 3 else "")
        )
    return lines


def check(profile_name: str | None, repair: bool) -> int:
    """Report the health of one profile or of all; repair them with ``repair``."""
    from purgequiz.store.health import check_profile, repair_profile

    try:
        names = (
            [same_profile(profile_name)]
            if profile_name
            else [info.name for info in list_profiles()]
        )
    except ProfileNameError as error:
        return fail(words.describe(error))
    if not names:
        say("there are no profiles yet")
        return 0
    unhealthy = damaged = 0  # damaged: those a repair could help
    for name in names:
        try:
            health = repair_profile(name) if repair else check_profile(name)
        except ProfileNotFound as error:
            if profile_name:
                return no_such_profile(error)
            say(f"{name}: cannot be checked: {words.describe(error)}")  # gone since it was listed
            unhealthy += 1
            continue
        except ProfileInUse as error:  # nothing known to be wrong: a repair would not help
            say(f"{name}: cannot be checked: {words.describe(error)}")
            unhealthy += 1
            continue
        except (StoreError, ValueError) as error:
            say(f"{name}: cannot be checked: {words.describe(error)}")
            unhealthy += 1
            damaged += 1
            continue
        figures = f"{health.cards} card states, {health.reviews} reviews on {health.days} day(s)"
        if repair:
            state = "repaired" if health.repaired else "healthy, nothing to repair"
            say(f"{name}: {state} ({figures})")
        elif health.healthy:
            say(f"{name}: healthy ({figures})")
        else:
            unhealthy += 1
            damaged += 1
            say(f"{name}: {len(health.problems)} problem(s) ({figures})")
        for line in _health_lines(health):
            say(line)
    if damaged and not repair:
        which = f" --profile {shlex.quote(profile_name)}" if profile_name else ""
        say(
            f"run 'purgequiz progress check{which} --repair' to repair: each damaged file "
            f"is kept aside and rebuilt from what is good"
        )
    return 1 if unhealthy else 0


def register(commands: Subparsers) -> None:
    """Add `progress export | import | check` to the command parser."""
    progress = commands.add_parser("progress", help="export, import or check a profile's progress")
    actions = progress.add_subparsers(
        dest="progress_command", metavar="ACTION", required=True, parser_class=type(progress)
    )
    out = actions.add_parser("export", help="write a profile's progress to a JSON file")
    out.add_argument("--profile", required=True, metavar="NAME", type=profile_name)
    out.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for stdout")
    into = actions.add_parser("import", help="merge a JSON progress file into a profile")
    into.add_argument("file")
    into.add_argument(
        "--profile", metavar="NAME", type=profile_name, help="default: the name in the file"
    )
    health = actions.add_parser(
        "check",
        help="read every progress file of a profile and report its health",
        description="Read every progress file of a profile (all profiles without --profile) "
        "and report damage, missing parts and totals that disagree with the review log. "
        "Nothing is changed unless --repair is given.",
    )
    health.add_argument(
        "--profile", metavar="NAME", type=profile_name, help="default: every profile"
    )
    health.add_argument(
        "--repair",
        action="store_true",
        help="repair what is damaged (damaged files are kept aside)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.progress_command == "export":
            return export(args.profile, args.output)
        if args.progress_command == "check":
            return check(args.profile, args.repair)
        return import_(args.file, args.profile)
    except StoreError as error:  # e.g. the profiles folder cannot be listed
        return fail(words.describe(error))
    except OSError as error:  # a progress file that cannot be read or written
        return fail(words.describe(error))
