"""Text from files and users made safe to show: control characters become visible escapes.

A deck title holding ``\\x1b]0;…\\x07`` would retitle the user's terminal and ``\\x1b[2J``
would blank it; shown through :func:`visible` they read as the harmless text ``\\x1b]0;…\\x07``.
Used wherever file, deck, fact or profile text is printed or drawn; :func:`control_problem`
words the same finding for the checks that refuse such text in deck and fact files.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["control_problem", "controls", "json_safe", "visible"]

# Bidirectional overrides and isolates reorder the text around them on screen.
_BIDI = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200e\u200f\u061c"  # direction marks
    "\u2028\u2029"
)  # line and paragraph separators (a line break on some terminals)
# What json.dumps(..., ensure_ascii=False) leaves as it is: DEL, the C1 controls (\x9b opens
# an escape sequence on some terminals), the bidirectional overrides and marks, the line and
# paragraph separators, and lone surrogates (which UTF-8 cannot even write).
_JSON_LEFT = re.compile(
    "[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029\ud800-\udfff]"
)


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") or char in _BIDI  # Cs: lone surrogates


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
        char if not _hidden(char) or (newlines and char == "\n") else _escape(char) for char in text
    )


def _printable(value: object) -> bool:
    """Whether every text in ``value`` (nested as :func:`controls` reads it) is printable."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isprintable():
                return False
        elif isinstance(item, dict):
            stack += item
            stack += item.values()
        elif isinstance(item, list | tuple):
            stack += item
    return True


def controls(value: object, *, newlines: bool = False) -> list[str]:
    """The escapes of the distinct control characters in ``value``, in the order first met:
    ``["\\x1b", "\\x07"]``. ``value`` is a text, or lists and dicts of them (keys included),
    as a JSON or TOML file holds them; other values hold none."""
    if _printable(value):  # the usual case, found at once
        return []
    found: dict[str, None] = {}
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isprintable():
                for char in item:
                    if _hidden(char) and not (newlines and char == "\n"):
                        found.setdefault(_escape(char))
        elif isinstance(item, dict):
            for key, inner in reversed(item.items()):
                stack += [inner, key]
        elif isinstance(item, list | tuple):
            stack += reversed(item)
    return list(found)


def control_problem(value: object, *, newlines: bool = False) -> str | None:
    """ "holds a control character (\\x1b)" when ``value`` holds any (see :func:`controls`),
    else None: the words the deck and fact checks report it with."""
    found = controls(value, newlines=newlines)
    if not found:
        return None
    if len(found) == 1:
        return f"holds a control character ({found[0]})"
    return f"holds control characters ({', '.join(found)})"


def json_safe(text: str) -> str:
    """JSON text (as ``json.dumps`` writes it) with the control characters it leaves
    as they are written as ``\\u`` escapes: the same JSON, safe to print to a terminal."""
    return _JSON_LEFT.sub(lambda match: f"\\u{ord(match[0]):04x}", text)
