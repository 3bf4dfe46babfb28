"""`purgequiz play [--profile NAME] [--deck ID|PATH]` (and bare `purgequiz`): the study app."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Mapping

from purgequiz.commands.options import Subparsers, profile_name
from purgequiz.commands.output import is_terminal
from purgequiz.visible import visible

__all__ = ["WEB_DRIVER", "in_browser", "register", "run", "terminal_problem"]

# every command but play (tests/commands/test_play.py checks the list against the parser's)
NEEDS_NO_TERMINAL = (
    "cards",
    "decks",
    "demo",
    "export",
    "facts",
    "generate",
    "optimize",
    "profiles",
    "progress",
    "report",
    "serve",
    "stats",
)
WITHOUT_A_TERMINAL = (
    "the commands that work without one are listed by 'purgequiz --help' "
    f"({', '.join(NEEDS_NO_TERMINAL)})"
)


# How textual-serve (`purgequiz serve`) runs each browser tab's app: with Textual's web driver,
# which draws on the standard output and reads keys from the standard input, both pipes to the
# server; the tab is the terminal.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def in_browser() -> bool:
    """Whether this app is drawn in a browser tab (``purgequiz serve``), not in a terminal."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "play",
        help="study in the terminal app (the default)",
        description="Open the study app. With --profile it skips choosing a profile; with "
        "--deck it goes straight into studying that deck.",
    )
    parser.add_argument(
        "--profile", metavar="NAME", type=profile_name, help="the profile to study as"
    )
    parser.add_argument("--deck", metavar="ID|PATH", help="a deck's id or a deck file to study")


def terminal_problem(
    streams: Mapping[str, object], term: str | None, windows: bool = os.name == "nt"
) -> str | None:
    """Why the study app cannot run here, in plain words, or None when it can.

    ``streams`` names the standard streams ("input", "output", "error output"); the app reads
    keys from the first and draws its screen on the last, so each must be a terminal. Then the
    terminal must be able to draw a full screen: not ``TERM=dumb``, and (except on Windows,
    which sets no TERM) not without a TERM at all.
    """
    for what, stream in streams.items():
        if stream is None:
            return (
                f"the study app needs an interactive terminal, but its {what} is closed; "
                f"{WITHOUT_A_TERMINAL}"
            )
    for what, stream in streams.items():
        if not is_terminal(stream):
            why = " (the app draws its screen there)" if what == "error output" else ""
            return (
                f"the study app needs an interactive terminal, but its {what} is "
                f"redirected{why}; {WITHOUT_A_TERMINAL}"
            )
    kind = (term or "").strip()
    if kind.lower() == "dumb" or (not kind and not windows):
        which = "TERM=dumb" if kind else "TERM is not set"
        return (
            f"the study app needs a full-screen terminal, and this one cannot draw one "
            f"({which}); run it in a terminal window, or set TERM to the terminal's type "
            f"(for example TERM=xterm-256color); {WITHOUT_A_TERMINAL}"
        )
    return None


def _say(message: str) -> None:
    """Print ``message`` where it can be seen: a terminal if there is one, else any stream."""
    streams = [s for s in (sys.stderr, sys.stdout) if s is not None]
    shown = [s for s in streams if is_terminal(s)] or streams
    for stream in shown[:1]:
        try:
            print(f"purgequiz: {visible(message, newlines=True)}", file=stream)
        except (OSError, ValueError):
            pass


def run(args: argparse.Namespace) -> int:
    problem = (
        None
        if in_browser()
        else terminal_problem(
            {"input": sys.stdin, "output": sys.stdout, "error output": sys.stderr},
            os.environ.get("TERM"),
        )
    )
    if problem is not None:
        _say(problem)
        return 1
    name = getattr(args, "profile", None)  # "anna" opens "Anna": the app says so
    from purgequiz.tui.app import PurgeQuizApp

    app = PurgeQuizApp(profile=name, deck=getattr(args, "deck", None))
    # What is imported lives as long as the process: each full collection need not walk it
    # again (about 15 ms of start-up, benchmarks/startup.py).
    gc.freeze()
    try:
        app.run()
    finally:
        gc.unfreeze()
        app.close_profile()
    for problem in app.close_problems:
        _say(
            f"what was saved while studying is kept, but the profile did not close "
            f"cleanly: {problem}"
        )
    if app.close_problems:
        return 1
    return 0 if app.return_code in (None, 0) else app.return_code
