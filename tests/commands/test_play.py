"""`purgequiz play`: it starts only in a real, full-screen terminal, and says why otherwise."""

from __future__ import annotations

import gc
import os
import pty
import select
import subprocess
import sys
import time

import pytest

from purgequiz import cli
from purgequiz.commands.play import NEEDS_NO_TERMINAL, WITHOUT_A_TERMINAL, terminal_problem


@pytest.fixture(autouse=True)
def _collector_as_it_was():
    """play thaws, as it ends, what it froze; what the test run froze (tests/conftest.py)
    is frozen again after each test here."""
    frozen = gc.get_freeze_count() > 0
    yield
    if frozen:
        gc.freeze()


class Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def streams(input=True, output=True, error=True) -> dict[str, object]:  # noqa: A002
    return {
        "input": input if not isinstance(input, bool) else Stream(input),
        "output": output if not isinstance(output, bool) else Stream(output),
        "error output": error if not isinstance(error, bool) else Stream(error),
    }


def test_a_real_terminal_has_no_problem() -> None:
    """Three terminals and a TERM that can draw a screen: the app may start."""
    assert terminal_problem(streams(), "xterm-256color", windows=False) is None
    assert terminal_problem(streams(), None, windows=True) is None


@pytest.mark.parametrize(
    ("which", "kwargs"),
    [("input", {"input": None}), ("output", {"output": None}), ("error output", {"error": None})],
)
def test_a_closed_stream_is_named(which: str, kwargs: dict) -> None:
    """A closed stream (None) is reported by name, not touched."""
    problem = terminal_problem(streams(**kwargs), "xterm", windows=False)
    assert problem is not None and f"its {which} is closed" in problem


def test_redirected_error_output_is_reported() -> None:
    """The app draws on the error output, so redirecting it is reported like the others."""
    problem = terminal_problem(streams(error=False), "xterm", windows=False)
    assert problem is not None and "error output is redirected" in problem


@pytest.mark.parametrize(
    ("term", "shown"),
    [
        ("dumb", "TERM=dumb"),
        ("DUMB ", "TERM=dumb"),
        ("", "TERM is not set"),
        (None, "TERM is not set"),
    ],
)
def test_a_dumb_terminal_is_reported(term: str | None, shown: str) -> None:
    """A dumb or unnamed terminal gets the reason and the commands that work without one."""
    problem = terminal_problem(streams(), term, windows=False)
    assert problem is not None and "full-screen terminal" in problem and shown in problem
    assert "purgequiz --help" in problem


def run_in_pty(
    *, stderr_to_null: bool = False, term: str | None = "xterm-256color", extra=()
) -> tuple[int, str]:
    """Run `purgequiz play` with a pseudo-terminal as its input and output (and error output,
    unless ``stderr_to_null``); return the exit code and what it showed there."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "TERM"}
    if term is not None:
        env["TERM"] = term
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "purgequiz", "play", *extra],
            stdin=follower,
            stdout=follower,
            stderr=subprocess.DEVNULL if stderr_to_null else follower,
            env=env,
        )
        os.close(follower)
        follower = -1
        shown = b""
        deadline = time.monotonic() + 30
        while True:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([leader], [], [], max(left, 0))
            if not ready:  # still running (the app started after all): stop it
                process.kill()
                break
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child has closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        code = process.wait(timeout=30)
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    return code, shown.decode("utf-8", "replace").replace("\r\n", "\n")


def test_closed_input_gets_a_message_not_a_traceback() -> None:
    """`purgequiz play <&-` says the input is closed and exits 1."""
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m purgequiz play <&-', sys.executable],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 1
    assert "its input is closed" in result.stderr and "Traceback" not in result.stderr


def test_redirected_input_gets_a_message() -> None:
    """`purgequiz play </dev/null` says the input is redirected and exits 1."""
    result = subprocess.run(
        [sys.executable, "-m", "purgequiz", "play"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 1
    assert "its input is redirected" in result.stderr and "Traceback" not in result.stderr


def test_error_output_to_dev_null_is_said_on_the_terminal() -> None:
    """In a terminal, `purgequiz play 2>/dev/null` does not run invisibly: the reason is
    shown on the terminal (the output), and the exit code is 1."""
    code, shown = run_in_pty(stderr_to_null=True)
    assert code == 1
    assert "error output is redirected" in shown and "Traceback" not in shown


@pytest.mark.parametrize(("term", "shown"), [("dumb", "TERM=dumb"), (None, "TERM is not set")])
def test_a_dumb_terminal_gets_a_message(term: str | None, shown: str) -> None:
    """In a real terminal that cannot draw a full screen, the app is not drawn: a message
    says why and what works without it, and the exit code is 1."""
    code, text = run_in_pty(term=term)
    assert code == 1
    assert "needs a full-screen terminal" in " ".join(text.split()) and shown in text
    assert "\x1b[?1049h" not in text and "Traceback" not in text  # no alternate screen


def test_a_profile_that_did_not_close_is_reported(monkeypatch, capsys) -> None:
    """When closing the profile fails after the app, the reason is printed and play exits 1."""
    from purgequiz.tui.app import PurgeQuizApp

    def run(self) -> None:
        self.close_problems.append("cannot use /data/progress.json (permission denied)")

    monkeypatch.setattr(PurgeQuizApp, "run", run)
    monkeypatch.setattr("purgequiz.commands.play.terminal_problem", lambda *_: None)
    assert cli.main(["play", "--profile", "Anna"]) == 1
    assert "cannot use /data/progress.json (permission denied)" in capsys.readouterr().err


def test_what_is_imported_is_left_out_of_collections_while_the_app_runs(monkeypatch) -> None:
    """play freezes the objects made before the app runs (the collector skips them, a
    quicker start) and thaws them when it ends, so nothing stays frozen for the process."""
    from purgequiz.tui.app import PurgeQuizApp

    frozen: list[int] = []
    monkeypatch.setattr(PurgeQuizApp, "run", lambda self: frozen.append(gc.get_freeze_count()))
    monkeypatch.setattr("purgequiz.commands.play.terminal_problem", lambda *_: None)
    assert cli.main(["play", "--profile", "Anna"]) == 0
    assert frozen and frozen[0] > 0
    assert gc.get_freeze_count() == 0


def test_the_commands_said_to_work_without_a_terminal_are_every_command_but_play() -> None:
    """The message for a missing terminal names every other command the parser has, so a
    new command is not left out of it."""
    assert set(NEEDS_NO_TERMINAL) == set(cli.COMMANDS) - {"play"}
    assert ", ".join(NEEDS_NO_TERMINAL) in WITHOUT_A_TERMINAL
