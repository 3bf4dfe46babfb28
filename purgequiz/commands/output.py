"""Small helpers shared by the subcommands: printing messages, problems and plain tables.

Everything they print goes through :func:`purgequiz.visible.visible`: a deck title, a fact,
a file name or an error message holding ``\\x1b]0;…\\x07`` is printed as that text, never
sent to the terminal as an escape sequence. Commands print through them only.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from purgequiz.visible import json_safe, visible

__all__ = ["fail", "is_terminal", "json_text", "print_problems", "say", "table", "usage_error"]


def say(text: object = "", *, file: TextIO | None = None, end: str = "\n") -> None:
    """Print ``text`` (to stdout, or ``file``) with its control characters shown as escapes;
    line breaks stay line breaks."""
    print(visible(str(text), newlines=True), file=file or sys.stdout, end=end)


def print_problems(problems: Iterable[object], stream: TextIO | None = None) -> int:
    """Print one problem a line to stderr; return how many there were."""
    stream = stream or sys.stderr
    count = 0
    for problem in problems:
        print(f"  {visible(str(problem))}", file=stream)
        count += 1
    return count


def fail(message: str) -> int:
    """Print an error message to stderr and return exit code 1."""
    say(f"purgequiz: {message}", file=sys.stderr)
    return 1


def usage_error(message: str) -> int:
    """Print an error message about what was typed (an unknown topic or kind, a bad range)
    to stderr and return exit code 2, as argparse does for the options it checks itself."""
    say(f"purgequiz: {message}", file=sys.stderr)
    return 2


def json_text(data: object, **options: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, **options)`` safe to print: no control
    character is left unescaped, as ``json.dumps`` leaves C1 controls and bidi overrides."""
    return json_safe(json.dumps(data, ensure_ascii=False, **options))


def table(rows: Sequence[Sequence[object]], headers: Sequence[str] | None = None) -> str:
    """Left-aligned columns separated by two spaces (each cell on one line, its control
    characters and line breaks shown as escapes)."""
    all_rows = [[visible(str(cell)) for cell in headers]] if headers else []
    all_rows += [[visible(str(cell)) for cell in row] for row in rows]
    if not all_rows:
        return ""
    widths = [max(len(row[i]) for row in all_rows) for i in range(len(all_rows[0]))]
    lines = []
    for row in all_rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        lines.append("  ".join(cells + [row[-1]]).rstrip())
    return "\n".join(lines)


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` is a terminal: False for None, a closed stream or not a real file."""
    isatty = getattr(stream, "isatty", None)
    try:
        return callable(isatty) and bool(isatty())
    except (ValueError, OSError):  # closed, or not a real file
        return False
