"""The `purgequiz` command: parses arguments and hands each command to its module.

Each module in ``purgequiz.commands`` named in ``COMMANDS`` adds its own subparser with
``register(subparsers)`` and carries it out with ``run(args) -> exit code``.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import sys
from collections.abc import Sequence

from purgequiz import __version__
from purgequiz.visible import visible

__all__ = ["COMMANDS", "build_parser", "main"]

COMMANDS = ("facts", "play", "progress", "cards", "profiles", "generate", "decks")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors suggest the command that was probably meant."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = ""
        if "invalid choice" in message:
            wrong = message.split("'")[1] if "'" in message else ""
            choices = [c for action in self._actions if action.choices for c in action.choices]  # type: ignore[union-attr]
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


def _module(name: str):
    return importlib.import_module(f"purgequiz.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="purgequiz",
        description="Learn the history of Stalin's purges of 1937-1940: quizzes, flashcards "
        "and spaced repetition in the terminal. Run without a command to play.",
    )
    parser.add_argument("--version", action="version", version=f"purgequiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        _module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
