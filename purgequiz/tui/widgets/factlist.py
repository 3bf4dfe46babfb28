"""A list of facts under headings, one line each: the timeline's axis and its other views.

Headings cannot be highlighted; ``[`` and ``]`` (through :meth:`FactList.jump`) move to the
first fact after the previous or next *major* heading (a year, a post, a dispute).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

__all__ = ["FactList", "Line"]


@dataclass(frozen=True)
class Line:
    """One line: a fact's (``fact_id`` set) or a heading's (``major`` for a jump target)."""

    text: Text
    fact_id: str | None = None
    major: bool = False


class FactList(OptionList):
    """Lines of facts under headings; :attr:`fact_id` is the highlighted line's fact."""

    BINDINGS = [Binding("enter", "select", "the fact")]  # shown in the key bar

    def __init__(self, *, id: str) -> None:  # noqa: A002 - Textual's name for it
        super().__init__(id=id, markup=False)
        self.lines: list[Line] = []

    def show(self, lines: Sequence[Line], keep: str | None = None) -> None:
        """Show ``lines``, with the line of fact ``keep`` highlighted if it is there, else
        the first fact."""
        self.lines = list(lines)
        self.clear_options()
        self.add_options([Option(line.text, disabled=line.fact_id is None) for line in lines])
        facts = [i for i, line in enumerate(self.lines) if line.fact_id is not None]
        kept = [i for i in facts if self.lines[i].fact_id == keep]
        self.highlighted = (kept or facts)[0] if facts else None

    @property
    def fact_id(self) -> str | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.lines):
            return None
        return self.lines[index].fact_id

    @property
    def fact_ids(self) -> list[str]:
        """The facts listed, in order (a fact listed twice, twice)."""
        return [line.fact_id for line in self.lines if line.fact_id is not None]

    def jump(self, step: int) -> bool:
        """Highlight the next (``step`` 1) or previous (-1) major heading's fact, or the first
        fact under it; False when there is none that way."""
        here = self.highlighted if self.highlighted is not None else -1
        heads = [i for i, line in enumerate(self.lines) if line.major]
        current = max((i for i in heads if i <= here), default=-1)
        if step > 0:
            targets = [i for i in heads if i > here]
        else:
            targets = [i for i in reversed(heads) if i < current]
        for head in targets:
            first = self._first_fact_after(head)
            if first is not None:
                self.highlighted = first
                return True
        return False

    def _first_fact_after(self, head: int) -> int | None:
        """The heading's own line if it is a fact's, else the first fact under it."""
        for index in range(head, len(self.lines)):
            line = self.lines[index]
            if line.major and index != head:
                return None
            if line.fact_id is not None:
                return index
        return None
