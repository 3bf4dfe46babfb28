"""The `purgequiz` command: parses arguments and hands each command to its module.

Each module in ``purgequiz.commands`` named in ``COMMANDS`` adds its own subparser with
``register(subparsers)`` and carries it out with ``run(args) -> exit code``.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Protocol, cast

from purgequiz import __version__
from purgequiz.commands.options import CommandParser

if TYPE_CHECKING:
    from purgequiz.commands.options import Subparsers

__all__ = ["COMMANDS", "asked_for", "main", "parser", "parser_of"]

COMMANDS = (
    "facts",
    "play",
    "progress",
    "cards",
    "profiles",
    "generate",
    "decks",
    "export",
    "report",
    "demo",
    "serve",
    "stats",
    "optimize",
)


class Command(Protocol):
    """What each module of ``purgequiz.commands`` named in ``COMMANDS`` provides."""

    def register(self, commands: Subparsers) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def _module(name: str) -> Command:
    module: ModuleType = importlib.import_module(f"purgequiz.commands.{name}")
    # imported by name so that a command's module loads only when asked for; each has both
    return cast(Command, module)


def asked_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The commands whose parsers ``argv`` needs: the one it names, else (for ``--help`` or a
    word that is no command, whose message lists them all) every one. Each command's module
    imports what it needs (export: genanki; facts: the fact loader), some 130 ms that
    ``purgequiz play`` has no use for."""
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    if named in COMMANDS:
        return (named,)
    if named is None and not {"-h", "--help"} & set(argv):
        return ("play",) if "play" in COMMANDS else ()  # no command: the study app
    return COMMANDS


def parser_of(names: Sequence[str]) -> argparse.ArgumentParser:
    """A parser of the commands ``names``."""
    parser = CommandParser(
        prog="purgequiz",
        description="Learn the history of Stalin's purges of 1937-1940: quizzes, flashcards "
        "and spaced repetition in the terminal. Run without a command to play.",
    )
    parser.add_argument("--version", action="version", version=f"purgequiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for name in names:
        _module(name).register(commands)
    return parser


@functools.cache
def parser(names: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    """The parser :func:`main` uses for the commands ``names``, built once per process: what
    it holds never changes (no command reads the environment, the clock or a file as it adds
    its options), and parsing changes nothing in it. A program that calls ``main()`` many
    times (the tests, the fuzzer) is spared the options being made again for each call; one
    that changes what a command offers (its formats) builds it again with
    ``parser.cache_clear()``."""
    return parser_of(names)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(asked_for(argv)).parse_args(argv)
    try:
        if args.command is None:
            if "play" in COMMANDS:
                return _module("play").run(args)
            print(
                "purgequiz: the study app is not available yet; try 'purgequiz --help'",
                file=sys.stderr,
            )
            return 1
        return _module(args.command).run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
