"""Hostile input for the tests of every command and screen: text that would drive a terminal
if it reached one raw, and files that are not what they claim.

``\\x1b]0;…\\x07`` retitles the terminal, ``\\x1b[2J`` and ``\\x9b2J`` (the one-byte CSI of
some terminals) blank the screen, ``\\u202e`` reverses the text after it.

A reader that blocks on a named pipe would hang the test run, so :func:`finishes` runs the
reading in a thread and, when it has not returned in time, opens the pipe's other end to let
it go before failing the test.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from purgequiz.visible import visible

__all__ = [
    "BOM",
    "C1_CLEAR",
    "CLEAR",
    "HOSTILE",
    "LEVELS",
    "REVERSE",
    "SHOWN",
    "TITLE",
    "assert_shown_as_text",
    "deep_json",
    "deep_toml_arrays",
    "deep_toml_tables",
    "finishes",
    "has_controls",
    "long_number_json",
    "long_number_toml",
    "pipe",
    "refuse",
    "refuse_opening",
    "release",
    "run_command",
]


def has_controls(text: str, *, newlines: bool = False) -> bool:
    """Whether ``text`` holds what :func:`purgequiz.visible.visible` would make visible."""
    return visible(text, newlines=newlines) != text


TITLE = "\x1b]0;HIJACKED\x07"
CLEAR = "\x1b[2J"
C1_CLEAR = "\x9b2J"
REVERSE = "\u202e"
HOSTILE = (TITLE, CLEAR, C1_CLEAR, REVERSE)
SHOWN = ("\\x1b]0;HIJACKED\\x07", "\\x1b[2J", "\\x9b2J", "\\u202e")  # each as it must appear


def assert_shown_as_text(output: str, *expected: str) -> None:
    """``output`` holds no raw control character (line breaks aside), and each ``expected``."""
    raw = sorted({char for char in output if has_controls(char, newlines=True)})
    assert not raw, f"raw control characters {raw!r} in {output!r}"
    for text in expected:
        assert text in output, (text, output)


BOM = b"\xef\xbb\xbf"
LEVELS = 100_000
DIGITS = 5000


def deep_json(path: Path, levels: int = LEVELS) -> Path:
    """A JSON file of ``levels`` nested arrays inside a deck-like object."""
    path.write_text(
        '{"format": "purgequiz.deck", "cards": ' + "[" * levels + "]" * levels + "}",
        encoding="utf-8",
    )
    return path


def deep_toml_arrays(path: Path, levels: int = LEVELS) -> Path:
    """A fact file whose first fact's topics are ``levels`` nested arrays."""
    path.write_text(
        '[[fact]]\nid = "deep"\ntopics = ' + "[" * levels + "]" * levels + "\n", encoding="utf-8"
    )
    return path


def deep_toml_tables(path: Path, levels: int = LEVELS) -> Path:
    """A fact file whose first fact's note is ``levels`` nested inline tables."""
    path.write_text(
        '[[fact]]\nid = "deep"\nnote = ' + "{a = " * levels + "1" + "}" * levels + "\n",
        encoding="utf-8",
    )
    return path


def long_number_json(path: Path) -> Path:
    """A deck-like JSON file holding a whole number of 5000 digits."""
    path.write_text(
        '{"format": "purgequiz.deck",\n "version": ' + "9" * DIGITS + "}", encoding="utf-8"
    )
    return path


def long_number_toml(path: Path) -> Path:
    """A fact file holding a whole number of 5000 digits."""
    path.write_text('[[fact]]\nid = "long"\nimportance = ' + "9" * DIGITS + "\n", encoding="utf-8")
    return path


def pipe(path: Path) -> Path:
    """A named pipe (FIFO) at ``path``: opening it for reading waits for a writer."""
    os.mkfifo(path)
    return path


def release(fifo: Path) -> None:
    """Open the other end of ``fifo`` and close it, so a reader waiting on it sees its end."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:  # nobody is reading it
        pass


def finishes(job: Callable[[], Any], fifo: Path | None = None, seconds: float = 20) -> Any:
    """``job()``'s result, or a failed test if it has not returned within ``seconds``."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = job()
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:
            release(fifo)
            thread.join(5)
        raise AssertionError(f"still reading after {seconds} s: it blocked")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def run_command(args: list[str], seconds: float = 20) -> subprocess.CompletedProcess[str]:
    """``purgequiz ARGS`` in a child process (with this test's PURGEQUIZ_HOME), which is
    killed, failing the test, if it has not finished within ``seconds``."""
    return subprocess.run(
        [sys.executable, "-m", "purgequiz", *args],
        capture_output=True,
        text=True,
        timeout=seconds,
        env=dict(os.environ),
        check=False,
    )


def refuse(path: str | os.PathLike) -> PermissionError:
    """The error the system gives for a file the user may not use (root is never refused,
    so tests raise it where the refusal would happen)."""
    return PermissionError(errno.EACCES, "Permission denied", str(path))


def refuse_opening(monkeypatch: Any, suffix: str) -> list[bool]:
    """From now on ``os.open`` of a path ending in ``suffix`` is refused; set the returned
    switch's one item to False to allow it again."""
    real_open = os.open
    refusing = [True]

    def guarded(path, flags, *args, **kwargs):
        if refusing[0] and str(path).endswith(suffix):
            raise refuse(path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    return refusing
