"""Small helpers that turn data into safe, plain display text (never markup).

Every piece of text shown goes through :func:`plain` or :func:`styled`: brackets stay
brackets, and control characters (``\x1b]0;…\x07`` would retitle the terminal, ``\x1b[2J``
blank it) are shown as escapes, line breaks as line breaks.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text

from purgequiz.visible import visible

__all__ = ["duration", "percent", "plain", "relative", "styled"]


def plain(text: object) -> Text:
    """``text`` as written: brackets, backslashes and all; control characters as escapes."""
    return Text(visible(str(text), newlines=True), end="")


def styled(*parts: tuple[object, str] | str) -> Text:
    """A line made of plain pieces, each optionally with a style: ("Anna", "bold")."""
    line = Text(end="")
    for part in parts:
        if isinstance(part, tuple):
            line.append(visible(str(part[0]), newlines=True), style=part[1])
        else:
            line.append(visible(str(part), newlines=True))
    return line


def duration(ms: int) -> str:
    seconds = max(0, round(ms / 1000))
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {seconds:02d}s"
    return f"{seconds}s"


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def relative(when: datetime | None, now: datetime) -> str:
    """ "now", "in 10m", "in 3d": when something next happens, in the engine's labels."""
    from purgequiz.learn.scheduler import interval_label

    if when is None:
        return "nothing scheduled"
    delta = when - now
    if delta <= timedelta(seconds=30):
        return "now"
    return f"in {interval_label(delta)}"
