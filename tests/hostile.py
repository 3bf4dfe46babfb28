"""Text that would drive a terminal if it reached one raw, and the check that output holds none.

``\\x1b]0;…\\x07`` retitles the terminal, ``\\x1b[2J`` and ``\\x9b2J`` (the one-byte CSI of
some terminals) blank the screen, ``\\u202e`` reverses the text after it.
"""

from __future__ import annotations

from purgequiz.visible import has_controls

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
