"""Small helpers shared by the subcommands: printing problems and plain tables."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

__all__ = ["fail", "print_problems", "table"]


def print_problems(problems: Iterable[object], stream=None) -> int:
    """Print one problem a line to stderr; return how many there were."""
    stream = stream or sys.stderr
    count = 0
    for problem in problems:
        print(f"  {problem}", file=stream)
        count += 1
    return count


def fail(message: str) -> int:
    """Print an error message to stderr and return exit code 1."""
    print(f"purgequiz: {message}", file=sys.stderr)
    return 1


def table(rows: Sequence[Sequence[object]], headers: Sequence[str] | None = None) -> str:
    """Left-aligned columns separated by two spaces."""
    all_rows = [list(map(str, headers))] if headers else []
    all_rows += [[str(cell) for cell in row] for row in rows]
    if not all_rows:
        return ""
    widths = [max(len(row[i]) for row in all_rows) for i in range(len(all_rows[0]))]
    lines = []
    for row in all_rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        lines.append("  ".join(cells + [row[-1]]).rstrip())
    return "\n".join(lines)
