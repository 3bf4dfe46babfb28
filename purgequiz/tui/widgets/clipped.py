"""Text in a box of fixed height: what does not fit is cut at the last line, with "…".

A box that grew and shrank with its text would move what stands above it (the timeline's
list) after the list had scrolled to its highlighted line, leaving that line out of view.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget

__all__ = ["Clipped"]

ELLIPSIS = "\u2026"


class Clipped(Widget):
    """Shows :attr:`text` wrapped to the widget's width and cut to its height."""

    DEFAULT_CSS = """
    Clipped {
        height: 4;
    }
    """

    def __init__(self, text: Text | None = None, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.text = text or Text("")

    def update(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> RenderResult:
        width, height = self.content_size.width, self.content_size.height
        if width <= 0 or height <= 0:
            return Text("")
        lines = self.text.wrap(self.app.console, width)
        if len(lines) <= height:
            return Text("\n").join(lines)
        kept = list(lines)[:height]
        last = kept[-1]
        last.truncate(width - 1)
        last.rstrip()
        last.append(ELLIPSIS)
        return Text("\n").join(kept)
