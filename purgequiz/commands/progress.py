"""`purgequiz progress export | import`: a profile's progress as one JSON file."""

from __future__ import annotations

import json
from pathlib import Path

from purgequiz.commands.options import profile_name
from purgequiz.commands.output import fail
from purgequiz.store import StoreError, export_profile, import_into, list_profiles, open_profile
from purgequiz.store.errors import file_problem
from purgequiz.store.transfer import check_export

__all__ = ["register", "run"]


def export(profile_name: str, output: str) -> int:
    try:
        with open_profile(profile_name, create=False) as profile:
            for recovery in profile.recovered:
                print(f"purgequiz: {recovery.message}")
            data = export_profile(profile)
    except (StoreError, ValueError) as error:
        return fail(str(error))
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if output == "-":
        print(text, end="")
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        return fail(f"cannot write {output}: {error.strerror}")
    print(f"exported {len(data['cards'])} card states and {len(data['reviews'])} reviews of "
          f"{profile_name!r} to {output}")
    return 0


def import_(file: str, profile_name: str | None) -> int:
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except OSError as error:
        return fail(f"cannot read {file}: {error.strerror}")
    except (ValueError, UnicodeDecodeError) as error:
        return fail(f"{file} is not a JSON progress export ({error})")
    problems = check_export(data, file)
    if problems:
        return fail("; ".join(problems))
    name = profile_name or data.get("profile")
    if not isinstance(name, str) or not name.strip():
        return fail(f"{file} names no profile; give one with --profile NAME")
    existed = any(info.name == name for info in list_profiles())
    try:
        with open_profile(name) as profile:
            report = import_into(profile, data, take_settings=not existed)
    except (StoreError, ValueError) as error:
        return fail(str(error))
    print(f"imported into {name!r}: {report.cards} card states, {report.reviews} reviews, "
          f"{report.flags} flags, {report.sessions} sessions")
    return 0


def register(commands) -> None:
    """Add `progress export | import` to the command parser."""
    progress = commands.add_parser("progress", help="export or import a profile's progress")
    actions = progress.add_subparsers(dest="progress_command", metavar="ACTION", required=True,
                                      parser_class=type(progress))
    out = actions.add_parser("export", help="write a profile's progress to a JSON file")
    out.add_argument("--profile", required=True, metavar="NAME", type=profile_name)
    out.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for stdout")
    into = actions.add_parser("import", help="merge a JSON progress file into a profile")
    into.add_argument("file")
    into.add_argument("--profile", metavar="NAME", type=profile_name,
                      help="default: the name in the file")


def run(args) -> int:
    try:
        if args.progress_command == "export":
            return export(args.profile, args.output)
        return import_(args.file, args.profile)
    except StoreError as error:  # e.g. the profiles folder cannot be listed
        return fail(str(error))
    except OSError as error:  # a progress file that cannot be read or written
        return fail(str(file_problem(error)))
