"""`purgequiz export DECK --format FMT -o PATH`: a deck in a format another tool reads."""

from __future__ import annotations

import argparse
import secrets
import shutil
import sys
from pathlib import Path

from purgequiz import paths
from purgequiz.commands.options import Subparsers
from purgequiz.commands.output import fail, say, usage_error
from purgequiz.decks.catalog import find_deck
from purgequiz.decks.fileformat import DeckError
from purgequiz.export import registry
from purgequiz.export.formats import ExportFailed
from purgequiz.files import FileProblem, check_output, write_bytes

__all__ = ["register", "run"]


def register(commands: Subparsers) -> None:
    """Add `export` to the command parser."""
    listing = "; ".join(f"{f.name}: {f.summary}" for f in registry.FORMATS)
    parser = commands.add_parser(
        "export",
        help="write a deck in a format another tool reads (Anki, Moodle, Canvas, paper…)",
        description="Write a deck for the tools a class already uses, or as a printable "
        "worksheet. Every format carries each card's explanation and source.",
        epilog=f"Formats: {listing}.",
    )
    parser.add_argument("deck", metavar="DECK", help="a deck file, or a deck id from 'decks list'")
    parser.add_argument(
        "--format",
        "-f",
        dest="format",
        metavar="FMT",
        choices=[f.name for f in registry.FORMATS],
        help="the format (default: the one the output's name ends with): "
        + ", ".join(f.name for f in registry.FORMATS),
    )
    parser.add_argument("-o", "--output", required=True, metavar="PATH", help="the file to write")


def run(args: argparse.Namespace) -> int:
    output = Path(args.output).expanduser()
    chosen = registry.by_name(args.format) if args.format else registry.by_suffix(output)
    if chosen is None:
        endings = ", ".join(f"{f.suffix} ({f.name})" for f in registry.FORMATS)
        return usage_error(
            f"say which format to write with --format; the name {output.name} does not tell "
            f"(the formats' endings: {endings})"
        )
    try:
        deck = find_deck(args.deck)
    except DeckError as error:
        for problem in error.problems:
            say(f"{error.file}: {problem}", file=sys.stderr)
        return 1
    deck_file = Path(args.deck).expanduser()
    try:
        check_output(
            output,
            [deck_file] if deck_file.exists() else [],
            keep_out=[(paths.bundled_decks_dir(), "the bundled decks are kept")],
            reads="the deck this command reads",
            writes=f"the {chosen.name} file",
        )
    except FileProblem as problem:
        return fail(str(problem))
    scratch = paths.cache_dir() / f"export-{secrets.token_hex(4)}"
    try:
        scratch.mkdir(parents=True)
        data = chosen.render(deck, scratch)
    except ExportFailed as problem:
        return fail(f"could not make the {chosen.name} file: {problem}")
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        return fail(f"could not make the {chosen.name} file: {error.strerror or error}{where}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    try:
        write_bytes(output, data, what=f"{chosen.name} file")
    except FileProblem as problem:
        return fail(str(problem))
    except OSError as error:
        return fail(f"could not write {output}: {error.strerror or error}")
    count = len(deck.cards)
    say(f"Wrote {output}: {deck.title}, {count} card{'s' * (count != 1)} as {chosen.summary}.")
    return 0
