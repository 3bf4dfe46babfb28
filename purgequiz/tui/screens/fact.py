"""One fact as the fact base words it: its dates, the people, whose claim it is, the
citation, and the cards made from it (s studies them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from purgequiz.facts.accounts import who_says
from purgequiz.facts.datelabels import fact_dates
from purgequiz.facts.timeline import kind_name
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.facts.model import Fact, FactBase

__all__ = ["FactScreen", "fact_rows", "people"]


def people(fact: Fact, base: FactBase) -> list[str]:
    """The people the fact names (not those who claim it), each once, by full name."""
    names: dict[str, None] = {}
    for _, ref in fact.entity_refs():
        entity = base.entities.get(ref)
        if entity is not None and entity.type == "person":
            names[entity.full_name or entity.name] = None
    return list(names)


def _cards(count: int) -> str:
    if count == 0:
        return "No card is made from this fact, so there is nothing to study from it."
    cards = "card is" if count == 1 else "cards are"
    return (
        f"{count} {cards} made from this fact: press s to study {'it' if count == 1 else 'them'}."
    )


def fact_rows(fact: Fact, base: FactBase, cards: int) -> list[tuple[str, str]]:
    """(what, text) for each line of the fact's page, in order."""
    dates = fact_dates(fact)
    when = "not given: only the date it was reported is known" if dates.reported else "undated"
    rows = [("When", dates.event or when)]
    if dates.reported is not None:
        rows.append(("Reported", dates.reported))
    if dates.note:
        rows.append(("Date from", dates.note))
    rows.append(("People", ", ".join(people(fact, base)) or "none named"))
    rows.append(("Who says so", who_says(fact, base)))
    source = base.sources.get(fact.source)
    if source is not None:
        rows.append(("Source", f"{source.citation(fact.paragraphs)} ({source.kind})"))
    if fact.note:
        rows.append(("Our note", fact.note))
    rows.append(("Kind", kind_name(fact.kind)))
    topics = [base.topics[t].title if t in base.topics else t for t in fact.topics]
    rows.append(("Topics", "; ".join(topics)))
    rows.append(("Cards", _cards(cards)))
    return rows


class FactScreen(Screen[bool]):
    """Dismissed with True when the student asks to study the fact's cards (s)."""

    BINDINGS = [
        Binding("s", "study", "study this"),
        Binding("escape,q", "back", "back"),
    ]

    def __init__(self, fact: Fact, base: FactBase, cards: int) -> None:
        super().__init__(classes="fact-screen")
        self.fact = fact
        self.base = base
        self.cards = cards

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="fact"):
            dates = fact_dates(self.fact)
            title = dates.short() if dates.dated else "Undated"
            yield Static(styled((title, "bold")), classes="screen-title")
            yield Static(plain(self.fact.statement), id="fact-statement")
            for what, text in fact_rows(self.fact, self.base, self.cards):
                with Horizontal(classes="fact-row"):
                    yield Static(styled((what, "bold")), classes="fact-row-name")
                    yield Static(plain(text), classes="fact-row-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#fact").focus()

    def action_study(self) -> None:
        if self.cards == 0:
            self.app.notify(
                "No card is made from this fact, so there is nothing to study from it.",
                markup=False,
            )
            return
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
