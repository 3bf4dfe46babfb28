"""Text from files and users made safe to show: control characters become visible escapes.

A deck title holding ``\\x1b]0;…\\x07`` would retitle the user's terminal and ``\\x1b[2J``
would blank it; shown through :func:`visible` they read as the harmless text ``\\x1b]0;…\\x07``.
Used wherever file, deck, fact or profile text is printed or drawn.
"""

from __future__ import annotations

import unicodedata

__all__ = ["has_controls", "visible"]

# Bidirectional overrides and isolates reorder the text around them on screen.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _hidden(char: str) -> bool:
    return unicodedata.category(char) == "Cc" or char in _BIDI


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\u202e``).

    With ``newlines`` a line break stays a line break (for text shown on several lines).
    """
    if text.isprintable():
        return text
    return "".join(
        char if not _hidden(char) or (newlines and char == "\n") else _escape(char)
        for char in text)


def has_controls(text: str, *, newlines: bool = False) -> bool:
    """Whether :func:`visible` would change ``text``."""
    return visible(text, newlines=newlines) != text
