"""The `purgequiz` command: parses arguments and hands each command to its module."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence

from purgequiz import __version__

__all__ = ["build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors suggest the command that was probably meant."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = ""
        if "invalid choice" in message:
            wrong = message.split("'")[1] if "'" in message else ""
            choices = [c for action in self._actions if action.choices
                       for c in action.choices]  # type: ignore[union-attr]
            close = difflib.get_close_matches(wrong, choices, n=1)
            if close:
                hint = f"\nDid you mean '{close[0]}'?"
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}{hint}\n"
                     f"Run '{self.prog} --help' to see what it can do.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="purgequiz",
        description="Learn the history of Stalin's purges of 1937-1940: quizzes, flashcards "
        "and spaced repetition in the terminal. Run without a command to play.",
    )
    parser.add_argument("--version", action="version", version=f"purgequiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    facts = commands.add_parser("facts", help="check and browse a fact base")
    facts_commands = facts.add_subparsers(dest="facts_command", metavar="ACTION",
                                          parser_class=_Parser, required=True)
    check = facts_commands.add_parser("check", help="validate a fact file or folder")
    check.add_argument("path", nargs="?", help="fact file or folder (default: the bundled one)")
    check.add_argument("--sources", metavar="DIR",
                       help="folder of the source texts: also check citations and checksums")
    listing = facts_commands.add_parser("list", help="list facts")
    listing.add_argument("--facts", metavar="PATH", help="fact file or folder")
    listing.add_argument("--topic", action="append", default=[], help="only this topic")
    listing.add_argument("--kind", action="append", default=[], help="only this kind of fact")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = facts_commands.add_parser("show", help="show one fact and its citation")
    show.add_argument("id")
    show.add_argument("--facts", metavar="PATH", help="fact file or folder")
    return parser


def _run(args: argparse.Namespace) -> int:
    if args.command == "facts":
        from purgequiz.commands import facts

        if args.facts_command == "check":
            return facts.check(args.path, args.sources)
        if args.facts_command == "list":
            return facts.list_facts(args.facts, args.topic, args.kind, args.json)
        return facts.show(args.facts, args.id)
    from purgequiz.commands.output import fail

    return fail("the study app is not available yet; try 'purgequiz --help'")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
