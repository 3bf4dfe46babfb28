"""`purgequiz report FILE… --format html|md|csv -o PATH`: a class's progress, from the progress
exports its students hand in.

A file that is not a whole progress export is named, with why, and left out; the report of the
others is still written, and the exit code is then 1, so that a script notices a student's
file is missing from it (1 too, with no report, when no file can be read).
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from purgequiz import paths
from purgequiz.commands.options import Subparsers
from purgequiz.commands.output import fail, say, usage_error
from purgequiz.files import FileProblem, check_output, write_text

if TYPE_CHECKING:
    from purgequiz.export.report import ClassReport

__all__ = ["register", "run"]

FORMATS = {"html": ".html", "md": ".md", "csv": ".csv"}


def register(commands: Subparsers) -> None:
    """Add `report` to the command parser."""
    parser = commands.add_parser(
        "report",
        help="a class's progress report from its students' progress exports",
        description="Read the progress exports a class hands in ('purgequiz progress export') "
        "and write one report: a row per student (cards seen, mastered, retention, time "
        "studied, last active, streak), the class's accuracy per topic and per card, the "
        "hardest cards, the wrong choices most often picked, and every card flagged as wrong "
        "with its note. A file that cannot be read is named and left out.",
        epilog="Formats: html (a printable page with charts), md (Markdown, to edit), csv (one "
        "table, a row per student). Exit code 1 when a file was left out (the report of the "
        "others is still written) or none could be read.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="progress exports, or a folder of them (its .json files)",
    )
    parser.add_argument(
        "--deck",
        metavar="DECK",
        help="count only this deck's cards: a deck file or an id from 'decks list'",
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted(FORMATS),
        metavar="FMT",
        help="html, md or csv (default: the one the output's name ends with)",
    )
    parser.add_argument("-o", "--output", required=True, metavar="PATH", help="the file to write")


def _format(args: argparse.Namespace, output: Path) -> str | None:
    if args.format:
        return str(args.format)
    ending = output.suffix.lower()
    if ending == ".htm":
        return "html"
    return next((name for name, suffix in FORMATS.items() if suffix == ending), None)


def _topic_titles() -> dict[str, str]:
    """The bundled fact base's topics by id (a deck of one's own may name others: those are
    shown by their id)."""
    from purgequiz.facts import load

    try:
        base = load(paths.bundled_seeds_dir()).base
    except (OSError, ValueError):
        return {}
    return {key: topic.title for key, topic in base.topics.items()} if base else {}


def _files(named: list[str]) -> list[str]:
    """The files named: a folder stands for the ``.json`` files in it, and a pattern that
    names no file (``class/*.json``, which a Windows shell leaves as it is) for the files it
    matches; each file once (a file named twice is one student's)."""
    found: list[str] = []
    for name in named:
        path = Path(name).expanduser()
        if path.is_dir():
            found += sorted(str(file) for file in path.glob("*.json") if file.is_file())
        elif not path.exists() and any(char in name for char in "*?["):
            found += sorted(glob.glob(os.path.expanduser(name))) or [name]
        else:
            found.append(name)
    seen: set[str] = set()
    out = []
    for file in found:
        key = os.path.realpath(file)
        if key not in seen:
            seen.add(key)
            out.append(file)
    return out


def _render(chosen: str, report: ClassReport) -> str:
    if chosen == "html":
        from purgequiz.export.report_html import render_html

        return render_html(report)
    if chosen == "md":
        from purgequiz.export.report_md import render_md

        return render_md(report)
    from purgequiz.export.report_csv import render_csv

    return render_csv(report)


def run(args: argparse.Namespace) -> int:
    from purgequiz.decks.catalog import cards_by_id, find_deck, load_catalog
    from purgequiz.decks.fileformat import DeckError
    from purgequiz.export.report import build_report, read_exports

    output = Path(args.output).expanduser()
    chosen = _format(args, output)
    if chosen is None:
        return usage_error(
            f"say which format to write with --format (html, md or csv); the name "
            f"{output.name} does not tell"
        )
    files = _files(args.files)
    try:
        check_output(
            output,
            files,
            keep_out=[(paths.profiles_dir(), "progress is kept")],
            reads="a progress export this command reads",
            writes="the report",
        )
    except FileProblem as refused:
        return fail(str(refused))
    deck = None
    if args.deck:
        try:
            deck = find_deck(args.deck)
        except DeckError as error:
            for problem in error.problems:
                say(f"{error.file}: {problem}", file=sys.stderr)
            return 1
    cards = {card.id: card for card in deck.cards} if deck else cards_by_id(load_catalog())
    handed, skipped = read_exports(files)
    for left in skipped:
        say(f"purgequiz: {left.file}: {left.reason}; left out of the report", file=sys.stderr)
    if not handed:
        return fail("no progress export could be read, so no report was written")
    report = build_report(
        handed,
        cards,
        _topic_titles(),
        made_at=datetime.now().astimezone(),
        keep=set(cards) if deck else None,
        deck_id=deck.id if deck else None,
        deck_title=deck.title if deck else None,
        skipped=skipped,
    )
    try:
        write_text(output, _render(chosen, report), what="report")
    except FileProblem as problem:
        return fail(str(problem))
    except OSError as error:
        return fail(f"could not write {output}: {error.strerror or error}")
    count = len(report.students)
    which = f"{deck.title} ({deck.id})" if deck else "every deck"
    say(
        f"Wrote {output}: the {chosen} report of {count} student{'s' * (count != 1)}, "
        f"{report.answers:,} answers ({which})"
    )
    if skipped:
        say(f"left out: {len(skipped)} file{'s' * (len(skipped) != 1)} (named above)")
        return 1
    return 0
