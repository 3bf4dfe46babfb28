"""A deck in the home screen's list: its title, its counts and a mastery bar."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import ListItem, Static

from purgequiz.generate.model import Deck
from purgequiz.learn import DeckStats
from purgequiz.tui.text import percent, plain, styled

__all__ = ["DeckRow", "MasteryBar"]


class MasteryBar(Widget):
    """How much of a deck is mastered, as a bar and a percentage (readable without colour)."""

    DEFAULT_CLASSES = "mastery-bar"

    def __init__(self, mastery: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.mastery = max(0.0, min(1.0, mastery))

    def render(self) -> Text:
        label = f" {percent(self.mastery)} mastered"
        width = max(4, self.size.width - len(label))
        filled = round(self.mastery * width)
        bar = Text(end="")
        bar.append("█" * filled, style="bold")
        bar.append("░" * (width - filled), style="dim")
        bar.append(label)
        return bar


def counts_line(stats: DeckStats | None) -> Text:
    if stats is None:
        return plain("counting…")
    return styled(f"{stats.cards} cards · ", (f"{stats.new} new", "bold"), " · ",
                  (f"{stats.learning} learning", "bold"), " · ",
                  (f"{stats.due_today} due", "bold"),
                  f" · {stats.suspended} suspended" if stats.suspended else "")


class DeckRow(ListItem):
    """One deck (title as data, never markup) with its figures."""

    def __init__(self, deck: Deck, stats: DeckStats | None) -> None:
        super().__init__(classes="deck-row")
        self.deck = deck
        self.stats = stats

    def compose(self) -> ComposeResult:
        yield Static(plain(self.deck.title), classes="deck-title")
        with Horizontal(classes="deck-figures"):
            yield Static(counts_line(self.stats), classes="deck-counts")
            yield MasteryBar(self.stats.mastery if self.stats else 0.0)
