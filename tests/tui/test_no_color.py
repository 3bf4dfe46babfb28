"""NO_COLOR (https://no-color.org): set to a non-empty value, the real app, in a real terminal,
sends no colour codes at all, and still shows which deck is highlighted; set but empty, it
changes nothing."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

import pytest

from purgequiz.tui.colour import colour_wanted

SGR = re.compile(rb"\x1b\[([0-9;:]*)m")
LIMIT = 60.0  # seconds: the most any step may take before the test gives up


class Terminal:
    """`purgequiz play --profile Test` in an 80×24 pseudo-terminal, with ``environ`` added."""

    def __init__(self, environ: dict[str, str]) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL")}
        env.update(TERM="xterm-256color", COLORTERM="truecolor", **environ)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "purgequiz", "play", "--profile", "Test"],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
        )
        os.close(follower)
        self.shown = b""

    def wait_for(self, pattern: re.Pattern[bytes]) -> re.Match[bytes]:
        """Read what the app draws until ``pattern`` is in it."""
        deadline = time.monotonic() + LIMIT
        while (found := pattern.search(self.shown)) is None:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.leader], [], [], max(left, 0))
            assert ready, f"not drawn within {LIMIT}s: {pattern.pattern!r}"
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:  # the app closed the terminal
                chunk = b""
            assert chunk, f"the app ended before drawing {pattern.pattern!r}"
            self.shown += chunk
        return found

    def quit(self) -> None:
        """Ctrl+Q, then read the rest of what the app sends until it ends."""
        os.write(self.leader, b"\x11")
        while True:
            ready, _, _ = select.select([self.leader], [], [], LIMIT)
            if not ready:
                break
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.shown += chunk
        assert self.process.wait(timeout=LIMIT) == 0

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.leader)


def emphasised(text: bytes, after: bytes = b"") -> re.Pattern[bytes]:
    """``text`` (then what the pattern ``after`` matches) drawn bold and underlined: SGR
    parameters 1 and 4 among others. A test waits for the frame where it is so, not for the
    first frame that shows ``text``, which under load can be one drawn before the list or tab
    had the focus."""
    has = rb"(?=(?:[0-9;]*;)?%b[;m])"
    return re.compile(rb"\x1b\[(%b%b[0-9;]*)m" % (has % b"1", has % b"4") + re.escape(text) + after)


def run_home_screen(
    environ: dict[str, str], title: re.Pattern[bytes] = re.compile(rb"The army purge")
) -> bytes:
    """What the app sends until its home screen shows ``title`` after its footer, and it
    quits."""
    terminal = Terminal(environ)
    try:
        terminal.wait_for(re.compile(rb"held cards"))  # the footer, drawn last
        terminal.wait_for(title)
        terminal.quit()
        return terminal.shown
    finally:
        terminal.close()


def colour_codes(shown: bytes) -> list[str]:
    """Every colour in the SGR sequences of ``shown`` (foreground or background, 8, 16, 256
    or true colour), as its parameters."""
    found = []
    for match in SGR.finditer(shown):
        params = [int(p) if p.isdigit() else -1 for p in re.split(rb"[;:]", match.group(1)) if p]
        index = 0
        while index < len(params):
            code = params[index]
            if code in (38, 48, 58):
                kind = params[index + 1] if index + 1 < len(params) else -1
                width = 5 if kind == 2 else 3
                found.append(";".join(map(str, params[index : index + width])))
                index += width
                continue
            if 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 97 or 100 <= code <= 107:
                found.append(str(code))
            index += 1
    return found


@pytest.mark.parametrize("value", ["1", "true", "0"])
def test_no_color_sends_no_colour_and_marks_the_highlight(value: str) -> None:
    """With NO_COLOR set to any non-empty value (even "0"), not one colour code reaches the
    terminal, and the highlighted deck still stands out: bold and underlined."""
    shown = run_home_screen({"NO_COLOR": value}, emphasised(b"The army purge"))
    assert colour_codes(shown) == []


def test_colour_is_drawn_without_no_color_and_with_an_empty_one() -> None:
    """Without NO_COLOR, and with NO_COLOR set but empty (which the convention ignores), the
    app draws in its theme's colours, not in greys."""
    for environ in ({}, {"NO_COLOR": ""}):
        shown = run_home_screen(environ)
        true_colours = [
            code.split(";")[2:] for code in colour_codes(shown) if code.startswith(("38;2", "48;2"))
        ]
        assert any(len(set(rgb)) > 1 for rgb in true_colours), environ  # not grey


def test_colour_wanted_follows_the_convention() -> None:
    """Only a non-empty NO_COLOR turns colour off."""
    assert colour_wanted({}) and colour_wanted({"NO_COLOR": ""})
    assert not colour_wanted({"NO_COLOR": "1"}) and not colour_wanted({"NO_COLOR": "0"})
