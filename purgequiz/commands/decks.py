"""`purgequiz decks list | add | check | lint | show | build-shipped`: the deck files."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from purgequiz import paths
from purgequiz.commands.generate import kind_counts, load_facts
from purgequiz.commands.options import Subparsers
from purgequiz.commands.output import fail, say, table
from purgequiz.decks.catalog import find_deck, load_catalog
from purgequiz.decks.fileformat import DeckError, read_deck, write_deck
from purgequiz.decks.model import Card, Deck
from purgequiz.files import TEXT_LIMIT, FileProblem, read_text
from purgequiz.generate.checks import card_problems
from purgequiz.generate.lint import lint_deck
from purgequiz.generate.shipped import SHIPPED, build_shipped_decks, stale_decks

__all__ = ["register", "run"]

# how a typed figure is compared (learn/typed_numbers.py), for a reviewer of `decks sample`
NUMBERS_READ = (
    "a typed figure is read as a number, so other ways of writing these are right too: "
    "'1000' or '1 000', 'a thousand', 'over' for 'more than', 'under' for 'fewer than'"
)

DECK_HELP = "a deck file, or the id of a deck that 'purgequiz decks list' shows"


def _rows(folder: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for path in sorted(folder.glob("*.json")):
        try:
            deck = read_deck(path)
        except DeckError as error:
            more = f" (+{len(error.problems) - 1} more)" if len(error.problems) > 1 else ""
            rows.append((path.name, "-", "-", f"unusable: {error.problems[0]}{more}"))
            continue
        rows.append((path.name, deck.title, str(len(deck.cards)), kind_counts(deck)))
    return rows


def list_decks() -> int:
    for label, folder in (
        ("Bundled decks", paths.bundled_decks_dir()),
        ("Your decks", paths.user_decks_dir()),
    ):
        say(f"{label} ({folder}):")
        rows = _rows(folder) if folder.is_dir() else []
        if rows:
            say(table(rows, ("file", "title", "cards", "by kind")))
        else:
            say(
                "  none"
                + (
                    f" yet: write one with 'purgequiz generate -o {folder / 'my-deck.json'}'"
                    if label == "Your decks"
                    else ""
                )
            )
        say()
    return 0


def _read_or_report(spec: str) -> Deck | None:
    """The deck named by `spec` (a deck file, or a listed deck's id or file name), or None
    after printing each of its problems to stderr."""
    try:
        return find_deck(spec)
    except DeckError as error:
        for problem in error.problems:
            say(f"{error.file}: {problem}", file=sys.stderr)
        return None


def _file_name(deck_id: str) -> str:
    """A deck's file name in the user's decks folder, made from its id: 'army-quiz.json'."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", deck_id).strip(".-")[:80]
    return f"{stem or 'deck'}.json"


def add(spec: str, replace: bool) -> int:
    """Install the deck file ``spec`` into the user's decks folder, where the app lists it."""
    source = Path(spec).expanduser()
    try:
        deck = read_deck(source)
    except DeckError as error:
        for problem in error.problems:
            say(f"{error.file}: {problem}", file=sys.stderr)
        return 1
    folder = paths.user_decks_dir()
    target = folder / _file_name(deck.id)
    bundled = paths.bundled_decks_dir().resolve()
    replaced: Path | None = None
    for entry in load_catalog().decks:
        if entry.id != deck.id:
            continue
        listed = Path(entry.file)
        if listed.resolve().is_relative_to(bundled):
            return fail(
                f"{spec}: a bundled deck already has the id {deck.id!r}; give your deck another "
                "id (purgequiz generate --title sets it from the title)"
            )
        if not replace:
            return fail(
                f"{spec}: you already have a deck with the id {deck.id!r} ({listed}); "
                "add --replace to put this one in its place"
            )
        replaced = listed
    if target.exists() and replaced is None and not replace:
        return fail(f"{spec}: {target} already exists; add --replace to put this deck there")
    if source.resolve() == target.resolve():
        say(f"{target} is already in your decks.")
        return 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_deck(deck, target)
        if replaced is not None and replaced.resolve() != target.resolve():
            replaced.unlink(missing_ok=True)
    except DeckError as error:
        return fail(f"{error.file}: {error.problems[0]}")
    except OSError as error:
        return fail(f"could not write {target}: {error.strerror or error}")
    count = len(deck.cards)
    say(
        f"Added {deck.title} ({count} card{'s' * (count != 1)}) as {target}; "
        f"study it in the app or use its id: {deck.id}"
    )
    return 0


def check(path: str) -> int:
    deck = _read_or_report(path)
    if deck is None:
        return 1
    problems = [f"{path}: card {card.id}: {p}" for card in deck.cards for p in card_problems(card)]
    for problem in problems:
        say(problem, file=sys.stderr)
    if problems:
        return 1
    say(f"{path}: {len(deck.cards)} cards ({kind_counts(deck)}), no problems")
    return 0


def lint(paths_: list[str], facts: str | None) -> int:
    """Lint decks (the bundled ones when none are named); exit 1 on any finding."""
    base = load_facts(facts)
    if isinstance(base, str):
        return fail(base)
    targets = paths_ or [str(paths.bundled_decks_dir() / spec.file_name) for spec in SHIPPED]
    total = unreadable = 0
    for path in targets:
        deck = _read_or_report(path)
        if deck is None:
            unreadable += 1
            continue
        findings = lint_deck(deck, base)
        total += len(findings)
        for finding in findings:
            say(f"{path}: {finding}")
        if not findings:
            say(f"{path}: {len(deck.cards)} cards, no findings")
    if total or unreadable:
        say(
            f"\n{total} finding{'s' * (total != 1)} in {len(targets)} deck"
            f"{'s' * (len(targets) != 1)}",
            file=sys.stderr,
        )
        return 1
    return 0


def sample(path: str, count: int, seed: int, sources: str | None) -> int:
    """Print a seeded sample of a deck's cards, stratified by family, for a reviewer: each
    card with its choices, rebuttals and explanation, and the paragraphs it cites."""
    from purgequiz.facts.citations import split_paragraphs
    from purgequiz.generate.sample import review_sample

    deck = _read_or_report(path)
    if deck is None:
        return 1
    texts: dict[str, list[str]] = {}
    if sources:
        for file in Path(sources).glob("*.txt"):
            try:
                texts[file.stem] = split_paragraphs(
                    read_text(file, what="source text", limit=TEXT_LIMIT)
                )
            except FileProblem as error:
                return fail(str(error))
    cards = review_sample(deck, count, seed)
    say(f"# Review sample: {len(cards)} of {len(deck.cards)} cards of {deck.id}, seed {seed}")
    for number, card in enumerate(cards, 1):
        say(f"\n## {number}. {card.id} ({card.family or card.template}, {card.kind})\n")
        say(f"Q: {card.prompt}")
        if card.kind == "matching":
            for left, right in zip(card.items, card.matches, strict=True):
                say(f"   {left} -> {right}")
        elif card.kind == "ordering":
            for position, item in enumerate(card.items, 1):
                say(f"   {position}. {item}")
        else:
            for choice in card.choices or ():
                mark = "*" if choice == card.answer else " "
                say(f" {mark} {choice}")
            say(f"A: {card.answer}")
            others = [text for text in card.accept if text != card.answer]
            if others and not card.choices:
                say(f"   (also accepted: {'; '.join(others)})")
            if card.answer_type == "number" and not card.choices:
                say(f"   ({NUMBERS_READ})")
        for rebuttal in card.rebuttals:
            say(
                f"   why not {rebuttal.choice}: {rebuttal.text} "
                f"[{'; '.join(c.line() for c in rebuttal.sources)}]"
            )
        say(f"Explanation: {card.explanation}")
        for citation in card.sources:
            say(f"Source: {citation.line()}")
            paragraphs = texts.get(citation.id, [])  # the bundled sources' files bear their ids
            for n in citation.paragraphs:
                if 1 <= n <= len(paragraphs):
                    say(f"   [{n}] {' '.join(paragraphs[n - 1].split())}")
    return 0


def _show_card(number: int, card: Card) -> None:
    say(f"{number}. [{card.kind}] {card.prompt}")
    if card.kind == "ordering":
        for position, item in enumerate(card.items, 1):
            say(f"     {position}. {item}")
    else:
        if card.choices and card.kind != "truefalse":
            say("   choices: " + " | ".join(card.choices))
        say(f"   answer: {card.answer}")
    say(f"   card id: {card.id}")
    say()


def show(path: str, limit: int | None) -> int:
    deck = _read_or_report(path)
    if deck is None:
        return 1
    say(f"{deck.title} ({deck.id}): {len(deck.cards)} cards\n")
    cards = deck.cards if limit is None else deck.cards[:limit]
    for number, card in enumerate(cards, 1):
        _show_card(number, card)
    if len(cards) < len(deck.cards):
        say(f"… and {len(deck.cards) - len(cards)} more (use --limit to see more)")
    return 0


def build_shipped(only_check: bool) -> int:
    base = load_facts(None)
    if isinstance(base, str):
        return fail(base)
    folder = paths.bundled_decks_dir()
    stale = stale_decks(base, folder)
    if only_check:
        for name in stale:
            say(f"{folder / name}: out of date with the bundled facts", file=sys.stderr)
        return 1 if stale else 0
    known = {spec.file_name for spec in SHIPPED}
    for extra in folder.glob("*.json"):
        if extra.name not in known:
            extra.unlink()
    built = list(zip(SHIPPED, build_shipped_decks(base), strict=True))
    for spec, deck in built:  # every file written before a line is printed: output piped
        write_deck(deck, folder / spec.file_name)  # to a reader that stops cannot cut it short
    for spec, deck in built:
        say(f"{spec.file_name}: {len(deck.cards)} cards ({kind_counts(deck)})")
    return 0


def register(commands: Subparsers) -> None:
    """Add `decks list | add | check | lint | sample | show | build-shipped` to the parser."""
    decks = commands.add_parser("decks", help="list, add, check and show deck files")
    actions = decks.add_subparsers(
        dest="decks_command", metavar="ACTION", required=True, parser_class=type(decks)
    )
    actions.add_parser("list", help="bundled and your own decks, with card counts")
    add_ = actions.add_parser(
        "add", help="install a deck file into your decks, where the app lists it"
    )
    add_.add_argument("path", metavar="FILE", help="the deck file (from 'purgequiz generate')")
    add_.add_argument(
        "--replace",
        action="store_true",
        help="replace your deck with the same id (bundled decks are never replaced)",
    )
    check_ = actions.add_parser("check", help="validate a deck")
    check_.add_argument("path", metavar="DECK", help=DECK_HELP)
    lint_ = actions.add_parser(
        "lint", help="check cards against the question rubric (docs/quality.md)"
    )
    lint_.add_argument(
        "paths", nargs="*", metavar="DECK", help="deck files or ids (default: the bundled decks)"
    )
    lint_.add_argument(
        "--facts",
        metavar="PATH",
        help="the fact file or folder the decks were made from (default: the bundled one)",
    )
    sample_ = actions.add_parser(
        "sample",
        help="print a seeded sample of cards, stratified by family, for review against the sources",
    )
    sample_.add_argument("path", metavar="DECK", help=DECK_HELP)
    sample_.add_argument(
        "--count", type=int, default=100, metavar="N", help="how many cards (default 100)"
    )
    sample_.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="the random seed (the same seed gives the same sample)",
    )
    sample_.add_argument(
        "--sources",
        metavar="DIR",
        help="folder of the source texts: print the paragraphs each card cites",
    )
    show_ = actions.add_parser("show", help="print a deck's questions and answers")
    show_.add_argument("path", metavar="DECK", help=DECK_HELP)
    show_.add_argument("--limit", type=int, metavar="N", help="only the first N cards")
    build = actions.add_parser(
        "build-shipped", help="rebuild the bundled decks from the bundled fact base"
    )
    build.add_argument(
        "--check",
        action="store_true",
        help="only report decks that are out of date (exit 1 if any)",
    )


def run(args: argparse.Namespace) -> int:
    if args.decks_command == "list":
        return list_decks()
    if args.decks_command == "add":
        return add(args.path, args.replace)
    if args.decks_command == "check":
        return check(args.path)
    if args.decks_command == "show":
        return show(args.path, args.limit)
    if args.decks_command == "lint":
        return lint(args.paths, args.facts)
    if args.decks_command == "sample":
        return sample(args.path, args.count, args.seed, args.sources)
    return build_shipped(args.check)
