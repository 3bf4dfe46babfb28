"""The timeline: every dated fact on an axis of years and months, with its date told as
exactly as the fact base knows it; who held each post in turn; and where accounts differ.

Enter shows a fact whole; s studies the cards made from it: the screen is dismissed with a
deck of those cards, and the home screen starts the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Label, OptionList, Select, Static, TabbedContent, TabPane

from purgequiz.decks.model import Deck
from purgequiz.facts.accounts import ClaimGroup, Dispute, claim_groups, disputes
from purgequiz.facts.successions import Succession, successions
from purgequiz.facts.timeline import Filter, axis, entries, kind_name
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.screens.timeline_views import (
    account_lines,
    axis_lines,
    preview,
    succession_lines,
)
from purgequiz.tui.text import plain
from purgequiz.tui.widgets.clipped import Clipped
from purgequiz.tui.widgets.factlist import FactList
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.decks.catalog import Catalog
    from purgequiz.decks.model import Card
    from purgequiz.facts.model import Fact, FactBase

__all__ = ["TimelineData", "TimelineScreen", "gather"]

STYLES = Path(__file__).resolve().parent.parent / "styles"
VIEWS = ("axis", "successions", "accounts")
FILTERS = ("topic", "kind", "source")
# The keys the key bar has no room for, above each view's list.
HINTS = {
    "axis": "[ ] year by year · x clears the filters · 1 2 3 change the view",
    "successions": "Who held each post, in the order the replacements give · [ ] post by post",
    "accounts": "[ ] from one dispute or one claimant to the next · Enter shows the fact",
}


@dataclass(frozen=True)
class TimelineData:
    """The bundled fact base, what the views show of it, and the cards made from each fact."""

    base: FactBase
    cards: dict[str, tuple[Card, ...]]
    chains: tuple[Succession, ...]
    disputes: tuple[Dispute, ...]
    claims: tuple[ClaimGroup, ...]


def gather(catalog: Catalog | None) -> TimelineData:
    """Read the bundled fact base and the listed decks' cards (run it in a worker)."""
    from purgequiz import paths
    from purgequiz.decks.catalog import cards_by_id, load_catalog
    from purgequiz.decks.factcards import cards_by_fact
    from purgequiz.facts.load import load_or_raise

    base = load_or_raise(paths.bundled_seeds_dir())
    catalog = catalog if catalog is not None else load_catalog()
    cards = cards_by_fact(cards_by_id(catalog).values())
    return TimelineData(base, cards, successions(base), disputes(base), claim_groups(base))


def _options(pairs: list[tuple[str, str]]) -> list[tuple[Text, str]]:
    return [(plain(text[:1].upper() + text[1:]), value) for text, value in pairs]


class TimelineScreen(Screen[Deck | None]):
    """Dismissed with a deck of one fact's cards (s), or None (Esc)."""

    CSS_PATH = STYLES / "timeline.tcss"
    BINDINGS = [
        Binding("enter", "open", "the fact"),
        Binding("s", "study", "study this"),
        Binding("f", "filter", "filter"),
        Binding("x", "clear", "clear filters", show=False),
        Binding("left_square_bracket", "jump(-1)", "previous year", show=False),
        Binding("right_square_bracket", "jump(1)", "next year", show=False),
        Binding("1", "view('axis')", "timeline", show=False),
        Binding("2", "view('successions')", "successions", show=False),
        Binding("3", "view('accounts')", "accounts", show=False),
        Binding("escape,q", "back", "back"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="timeline-screen")
        self.data: TimelineData | None = None
        self.keep = Filter()

    def compose(self) -> ComposeResult:
        with TabbedContent(id="views", initial="axis"):
            with TabPane("1 Timeline", id="axis"):
                with Horizontal(id="filters"):
                    for name, prompt in zip(
                        FILTERS, ("all topics", "all kinds", "all sources"), strict=True
                    ):
                        yield Label(plain(name.capitalize()), classes="filter-name")
                        yield Select[str](
                            [], prompt=prompt, id=name, compact=True, classes="filter"
                        )
                yield Static(plain(HINTS["axis"]), classes="hint view-hint")
                yield FactList(id="axis-list")
            with TabPane("2 Successions", id="successions"):
                yield Static(plain(HINTS["successions"]), classes="hint view-hint")
                yield FactList(id="successions-list")
            with TabPane("3 Conflicting accounts", id="accounts"):
                yield Static(plain(HINTS["accounts"]), classes="hint view-hint")
                yield FactList(id="accounts-list")
        yield Clipped(plain("Reading the fact base…"), id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        catalog = quiz_app(self).catalog
        in_background(self, lambda: gather(catalog), self._show, self._unreadable)

    def _unreadable(self, error: BaseException) -> None:
        problems = getattr(error, "problems", None)
        said = "\n".join(str(p) for p in problems[:8]) if problems else friendly(error)
        self.query_one("#preview", Clipped).update(
            plain(
                "The fact base that comes with purgequiz could not be read, so the timeline "
                f"cannot be shown:\n{said}\nReinstalling purgequiz puts it back."
            )
        )

    def _show(self, data: TimelineData) -> None:
        self.data = data
        base = data.base
        dated = [f for f in base.facts.values() if f.date is not None or f.reported is not None]
        choices = {
            "topic": [(t.title, t.id) for t in base.topics.values()],
            "kind": sorted({(kind_name(f.kind), f.kind) for f in dated}),
            "source": [(s.cite_as or s.author, s.id) for s in base.sources.values()],
        }
        for name in FILTERS:
            self.query_one(f"#{name}", Select).set_options(_options(choices[name]))
        self._fill_axis()
        self.query_one("#successions-list", FactList).show(succession_lines(data.chains))
        self.query_one("#accounts-list", FactList).show(account_lines(data.disputes, data.claims))
        self._list().focus()
        self._preview()

    def _fill_axis(self) -> None:
        if self.data is None:
            return
        listed = self.query_one("#axis-list", FactList)
        years = axis(entries(self.data.base, self.keep))
        listed.show(axis_lines(years, self.keep.active), keep=listed.fact_id)

    # -- what is highlighted ---------------------------------------------------------------

    def _list(self) -> FactList:
        view = self.query_one("#views", TabbedContent).active or "axis"
        return self.query_one(f"#{view}-list", FactList)

    def _fact(self) -> Fact | None:
        fact_id = self._list().fact_id
        return self.data.base.facts.get(fact_id) if self.data and fact_id else None

    def _preview(self) -> None:
        self.query_one("#preview", Clipped).update(
            preview(self._fact(), self.data.base if self.data else None)
        )

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self._list():
            self._preview()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, FactList):
            event.stop()
            self.action_open()

    @on(TabbedContent.TabActivated)
    def _switched(self) -> None:
        if self.data is not None:
            self._list().focus()
        self._preview()

    @on(Select.Changed)
    def _filtered(self) -> None:
        chosen = {}
        for name in FILTERS:
            value = self.query_one(f"#{name}", Select).value
            chosen[name] = value if isinstance(value, str) else None
        keep = Filter(**chosen)
        if keep != self.keep:
            self.keep = keep
            self._fill_axis()
            self._preview()
            self.query_one("#axis-list", FactList).focus()  # f comes back to the filters

    # -- actions ---------------------------------------------------------------------------

    def action_open(self) -> None:
        from purgequiz.tui.screens.fact import FactScreen

        fact, data = self._fact(), self.data
        if fact is None or data is None:
            return
        fact_id = fact.id

        def closed(study: bool | None) -> None:
            if study:
                self._study(fact_id)

        self.app.push_screen(FactScreen(fact, data.base, len(data.cards.get(fact_id, ()))), closed)

    def action_study(self) -> None:
        fact = self._fact()
        if fact is not None:
            self._study(fact.id)

    def _study(self, fact_id: str) -> None:
        from purgequiz.decks.factcards import fact_deck
        from purgequiz.facts.datelabels import fact_dates

        data = self.data
        if data is None:
            return
        fact = data.base.facts[fact_id]
        if not data.cards.get(fact_id):
            self.app.notify(
                "No card is made from this fact, so there is nothing to study from it.",
                markup=False,
            )
            return
        dates = fact_dates(fact)
        title = "From the timeline: one fact" + (f" ({dates.short()})" if dates.dated else "")
        self.dismiss(fact_deck(fact_id, data.cards, title))

    def action_filter(self) -> None:
        self.query_one("#views", TabbedContent).active = "axis"
        self.query_one("#topic", Select).focus()

    def action_clear(self) -> None:
        for name in FILTERS:
            self.query_one(f"#{name}", Select).clear()

    def action_jump(self, step: int) -> None:
        self._list().jump(step)

    def action_view(self, view: str) -> None:
        if view in VIEWS:
            self.query_one("#views", TabbedContent).active = view

    def action_back(self) -> None:
        self.dismiss(None)
