"""`purgequiz play [--profile NAME] [--deck ID|PATH]` (and bare `purgequiz`): the study app."""

from __future__ import annotations

import argparse
import sys

from purgequiz.visible import visible

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "play", help="study in the terminal app (the default)",
        description="Open the study app. With --profile it skips choosing a profile; with "
        "--deck it goes straight into studying that deck.")
    parser.add_argument("--profile", metavar="NAME", help="the profile to study as")
    parser.add_argument("--deck", metavar="ID|PATH", help="a deck's id or a deck file to study")


def run(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("purgequiz: the study app needs an interactive terminal (its input or output is "
              "redirected here); run 'purgequiz --help' for the commands that work without one",
              file=sys.stderr)
        return 1
    from purgequiz.tui.app import PurgeQuizApp

    app = PurgeQuizApp(profile=getattr(args, "profile", None), deck=getattr(args, "deck", None))
    try:
        app.run()
    finally:
        app.close_profile()
    for problem in app.close_problems:
        print(f"purgequiz: {visible(problem)}\nEvery answer you saw saved is kept; purgequiz "
              f"finishes saving the next time the profile opens.", file=sys.stderr)
    if app.close_problems:
        return 1
    return 0 if app.return_code in (None, 0) else app.return_code
