"""The home screen's decks as one widget: each deck its title, then its figures and a mastery bar.

One option list instead of a list of rows made of several widgets each: the home screen has a
dozen widgets to style and lay out rather than forty, which is most of the time it takes to
appear. Titles are data, never markup: every line is a :class:`rich.text.Text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from purgequiz.tui.text import percent, plain, styled

if TYPE_CHECKING:
    from purgequiz.decks.catalog import DeckEntry
    from purgequiz.learn.stats import DeckStats

__all__ = ["DeckLine", "DeckList", "counts_line", "mastery_bar"]

MIN_BAR = 4  # the fewest cells of bar worth drawing
GAP = "  "  # between the counts and the bar, when they share a line


def counts_line(stats: DeckStats | None) -> Text:
    if stats is None:
        return plain("counting…")
    return styled(
        (f"{stats.cards} cards · ", "dim"),
        (f"{stats.new} new", "bold"),
        (" · ", "dim"),
        (f"{stats.learning} learning", "bold"),
        (" · ", "dim"),
        (f"{stats.due_today} due today", "bold"),
        (f" · {stats.suspended} suspended" if stats.suspended else "", "dim"),
    )


def mastery_bar(mastery: float, width: int) -> Text:
    """``width`` cells: a bar of █ (mastered) and ░ (not yet), then the percentage in words,
    so that it reads without colour."""
    mastery = max(0.0, min(1.0, mastery))
    label = f" {percent(mastery)} mastered"
    cells = max(MIN_BAR, width - len(label))
    filled = round(mastery * cells)
    bar = Text(end="")
    bar.append("█" * filled, style="bold")
    bar.append("░" * (cells - filled), style="dim")
    bar.append(label)
    return bar


class DeckLine:
    """One deck as the list shows it, drawn to the width it is given (a Rich renderable).

    The bar fills what the counts (padded to ``column``) leave of the second line; when too
    little is left (a narrow terminal) it takes a third line of its own.
    """

    def __init__(
        self, entry: DeckEntry, stats: DeckStats | None, column: int = 0, best: int | None = None
    ) -> None:
        self.entry = entry
        self.stats = stats
        self.best = best  # the deck's best challenge score, said beside its title
        self.column = column  # the counts are padded to this width, so that the bars line up
        self._drawn: tuple[int, list[Segment]] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # The list measures each option, draws it, and draws it again whenever its size is
        # settled: the same lines each time, so they are kept for the width last asked for.
        width = options.max_width
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, list(console.render(self._text(width), options)))
        yield from self._drawn[1]

    def _text(self, width: int) -> Text:
        title = plain(self.entry.title)
        title.stylize("bold")
        if self.best is not None:
            title.append(f"  challenge best {self.best}", style="dim")
        counts = counts_line(self.stats)
        if counts.cell_len < self.column:
            counts.pad_right(self.column - counts.cell_len)
        mastery = self.stats.mastery if self.stats else 0.0
        room = width - counts.cell_len - len(GAP)
        if room >= MIN_BAR + len(f" {percent(mastery)} mastered"):
            return Text.assemble(title, "\n", counts, GAP, mastery_bar(mastery, room))
        return Text.assemble(title, "\n", counts, "\n", mastery_bar(mastery, width))


class DeckList(OptionList):
    """The decks: ↑/↓ (or the mouse) highlight one, Enter (or a click) selects it.

    Posts :class:`OptionList.OptionSelected`; :meth:`entry` gives the deck of an index.
    """

    def __init__(
        self,
        entries: Sequence[DeckEntry] = (),
        stats: Sequence[DeckStats | None] = (),
        bests: Sequence[int | None] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(*self._deck_options(entries, stats, bests), markup=False, id=id)
        self.entries: tuple[DeckEntry, ...] = tuple(entries)
        self._drawn_width: int | None = None
        if self.entries:
            self.highlighted = 0

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        self._drawn_width = self.scrollable_content_region.width
        return lines

    def on_resize(self, event: events.Resize) -> None:
        """Keep the drawn options while the width they were drawn for is the same.

        Textual's option list forgets its drawn options on every resize, and a resize comes
        just after the list is first drawn (its size settled): that drew the home screen
        twice. The options are drawn for a width only."""
        if self.scrollable_content_region.width == self._drawn_width:
            event.prevent_default()  # Textual's own resize handler would forget them

    @staticmethod
    def _deck_options(
        entries: Sequence[DeckEntry],
        stats: Sequence[DeckStats | None],
        bests: Sequence[int | None] = (),
    ) -> list[Option]:
        """``bests``: each deck's best challenge score (none when not given)."""
        column = max((counts_line(figures).cell_len for figures in stats), default=0)
        kept = list(bests) or [None] * len(entries)
        return [
            Option(DeckLine(entry, figures, column, best))
            for entry, figures, best in zip(entries, stats, kept, strict=True)
        ]

    def show(
        self,
        entries: Sequence[DeckEntry],
        stats: Sequence[DeckStats | None],
        bests: Sequence[int | None] = (),
    ) -> None:
        """List these decks instead, keeping the highlight where it was (as far as it can)."""
        index = self.highlighted or 0
        self.entries = tuple(entries)
        self.set_options(self._deck_options(entries, stats, bests))
        self.highlighted = min(index, len(self.entries) - 1) if self.entries else None

    def entry(self, index: int | None) -> DeckEntry | None:
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    @property
    def highlighted_entry(self) -> DeckEntry | None:
        return self.entry(self.highlighted)
