"""A footer of keys drawn by one widget: the keys a screen offers, each clickable.

It looks like Textual's own footer, which builds a widget per key and restyles each of them
when the screen appears, several times over: for the home screen, the first thing a student
sees, that was a fifth of the time it took to appear. The keys here are the screen's own,
given once; the command palette's key sits at the right, as in Textual's footer.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widget import Widget

__all__ = ["Key", "KeyBar"]

Key = tuple[str, str, str]  # the key as shown, what it does, the action a click runs


class KeyBar(Widget):
    """One line of keys; a click on a key runs its action (``screen.…`` or ``app.…``)."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}  # noqa: RUF012 - Textual's

    def __init__(self, keys: Sequence[Key], palette: Key | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.keys = tuple(keys)
        self.palette = palette
        self._spans: list[tuple[int, int, str]] = []  # cells [start, end) of each key, action

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        line = Text(end="", no_wrap=True, overflow="crop")
        spans = []

        def add(key: Key) -> None:
            shown, description, action = key
            start = line.cell_len
            line.append(f" {shown} ", key_style)
            line.append(f"{description} ", description_style)
            spans.append((start, line.cell_len, action))

        for key in self.keys:
            add(key)
        if self.palette is not None:
            width = len(self.palette[0]) + len(self.palette[1]) + 3
            gap = self.size.width - line.cell_len - width - 1
            if gap >= 1:
                line.append(" " * gap)
                line.append("▏", description_style)
                add(self.palette)
        self._spans = spans
        return line

    async def _on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.run_action(action)
                return
