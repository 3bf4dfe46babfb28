"""`purgequiz progress export | import`: a profile's progress as one JSON file."""

from __future__ import annotations

import json

from purgequiz import paths
from purgequiz.commands.output import fail
from purgequiz.files import EXPORT_LIMIT, FileProblem, check_output, read_json, write_text
from purgequiz.store import StoreError, export_profile, import_into, list_profiles, open_profile
from purgequiz.store.transfer import check_export

__all__ = ["register", "run"]


def export(profile_name: str, output: str) -> int:
    if output != "-":
        try:
            check_output(output, keep_out=[(paths.profiles_dir(), "progress is kept")],
                         writes="the export")
        except FileProblem as error:
            return fail(str(error))
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
        write_text(output, text, what="export")
    except FileProblem as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"cannot write {output}: {error.strerror}")
    print(f"exported {len(data['cards'])} card states and {len(data['reviews'])} reviews of "
          f"{profile_name!r} to {output}")
    return 0


def import_(file: str, profile_name: str | None) -> int:
    try:
        data = read_json(file, what="progress export", limit=EXPORT_LIMIT)
    except FileProblem as error:
        return fail(str(error))
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
    out.add_argument("--profile", required=True, metavar="NAME")
    out.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for stdout")
    into = actions.add_parser("import", help="merge a JSON progress file into a profile")
    into.add_argument("file")
    into.add_argument("--profile", metavar="NAME", help="default: the name in the file")


def run(args) -> int:
    if args.progress_command == "export":
        return export(args.profile, args.output)
    return import_(args.file, args.profile)
