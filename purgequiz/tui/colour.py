"""No colour when the user asks for none: the ``NO_COLOR`` convention (https://no-color.org).

``NO_COLOR`` set to any non-empty value means no colour at all. Textual on its own only turns
the screen grey (it still sends 256-colour or true-colour codes), and it also does so when
``NO_COLOR`` is set but empty, which the convention says to ignore. The app therefore decides
with :func:`colour_wanted` and, without colour, passes every drawn line through
:class:`Colourless`, which keeps text attributes (bold, reverse, underline, dim) and drops
every foreground and background colour; the ``:nocolor`` rules in ``styles/app.tcss`` show
focus and the highlighted choice with those attributes instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter

__all__ = ["COLOURLESS", "Colourless", "colour_wanted"]


def colour_wanted(environ: Mapping[str, str] | None = None) -> bool:
    """False when ``NO_COLOR`` is set to a non-empty value (``os.environ`` by default)."""
    environ = os.environ if environ is None else environ
    return not environ.get("NO_COLOR", "")


@lru_cache(1024)
def _without_colour(style: Style) -> Style:
    """``style`` with its attributes and link, and Textual's data for clicks (its meta)."""
    meta = style.meta
    return style.without_color + Style.from_meta(meta) if meta else style.without_color


class Colourless(LineFilter):
    """Drops the colours of every segment of a drawn line."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else _without_colour(style), control)
            for text, style, control in segments
        ]


COLOURLESS = Colourless()
