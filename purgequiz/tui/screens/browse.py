"""The browser (b on the home screen): search every card, fact and person as one types, and
open what is found on a page of its own.

The decks and the fact base are read, and the search index made, once per opening, off the
event loop; each keystroke then only filters the index (see :mod:`purgequiz.learn.search`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from purgequiz.learn.search import Entry, Results, SearchIndex
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.decks.catalog import Catalog
    from purgequiz.decks.model import Card
    from purgequiz.store.profile import Profile

__all__ = ["SHOWN", "BrowseScreen", "Library", "gather"]

SHOWN = 100  # results listed at once: typing more narrows them
STYLES = Path(__file__).resolve().parent.parent / "styles"
HINT = (
    "Type a name or words; narrow with topic:army kind:execution family:chronology "
    "source:wright person:yezhov is:card (or is:fact, is:person)."
)


@dataclass(frozen=True)
class Library:
    """What the browser searches and its pages show: the index (with the fact base and
    who is named where), every card by id, the decks holding each card and their titles,
    and what could not be read, in plain words."""

    index: SearchIndex
    cards: dict[str, Card]
    decks: dict[str, tuple[str, ...]]
    titles: dict[str, str]
    problems: tuple[str, ...] = ()

    def card_decks(self, card_id: str) -> str:
        """The titles of the decks holding the card, in a line."""
        return ", ".join(self.titles.get(deck, deck) for deck in self.decks.get(card_id, ()))


def gather(catalog: Catalog | None) -> Library:
    """Read every listed deck and the bundled fact base and index them (run it in a worker)."""
    from purgequiz import paths
    from purgequiz.decks.catalog import cards_by_id, decks_by_card, load_catalog
    from purgequiz.facts.load import load

    catalog = catalog if catalog is not None else load_catalog()
    cards = cards_by_id(catalog)
    problems: list[str] = []
    loaded = load(paths.bundled_seeds_dir())
    base = loaded.base if not loaded.problems else None
    if base is None:
        first = str(loaded.problems[0]) if loaded.problems else "it holds nothing"
        problems.append(
            f"The fact base could not be read, so only cards are listed ({first}); "
            "reinstalling purgequiz brings it back."
        )
    unread = len(catalog.problems)
    if unread:
        problems.append(
            f"{unread} deck file{'s' if unread != 1 else ''} could not be read and "
            f"{'are' if unread != 1 else 'is'} not searched (d on the home screen says why)."
        )
    return Library(
        SearchIndex(cards.values(), base),
        cards,
        decks_by_card(catalog),
        {entry.id: entry.title for entry in catalog.decks},
        tuple(problems),
    )


def row(entry: Entry) -> Text:
    """A result in one line: what it is, then its prompt, statement or name."""
    return styled((f"{entry.what:<7}", "dim"), entry.title)


class BrowseScreen(Screen[None]):
    """Letters go into the search box; ↑ ↓ choose a result, Enter opens it, Esc goes back."""

    CSS_PATH = STYLES / "browse.tcss"
    # Over the search box's own keys (which would scroll it, or submit it): they act on the
    # list of results while letters go into the box.
    BINDINGS = [
        Binding("down", "move(1)", "choose", key_display="↑↓", priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
        Binding("enter", "open", "open", priority=True),
        Binding("escape", "app.pop_screen", "back"),
    ]

    def __init__(self, profile: Profile) -> None:
        super().__init__(classes="browse-screen")
        self.profile = profile
        self.library: Library | None = None
        self.shown: list[Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="browse"):
            yield Static(styled(("Browse cards, facts and people", "bold")), classes="screen-title")
            yield Input(
                placeholder="Search: a name, a word, topic:army …",
                id="browse-query",
                max_length=200,
            )
            yield Static(plain(HINT), id="browse-hint", classes="hint")
            yield Static(plain("Reading the decks and the fact base…"), id="browse-status")
            results = OptionList(id="browse-results", markup=False)
            results.can_focus = False  # the box keeps the keys: ↑ ↓ and Enter act on the list
            yield results
            yield Static("", id="browse-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#browse-query", Input).focus()
        app = quiz_app(self)
        catalog = app.catalog
        in_background(self, lambda: gather(catalog), self._ready, self._unreadable)

    def _unreadable(self, error: BaseException) -> None:
        self._status(plain(f"The decks could not be read: {friendly(error)}"))

    def _ready(self, library: Library) -> None:
        self.library = library
        self.search(self.query_one("#browse-query", Input).value)

    @on(Input.Changed, "#browse-query")
    def _typed(self, event: Input.Changed) -> None:
        if self.library is not None:
            self.search(event.value)

    def search(self, text: str) -> None:
        """List what ``text`` finds (the first :data:`SHOWN`) and say how many there are."""
        library = self.library
        if library is None:
            return
        results = library.index.search(text)
        self.shown = list(results.entries[:SHOWN])
        listing = self.query_one("#browse-results", OptionList)
        listing.clear_options()
        listing.add_options(Option(row(entry), id=entry.key) for entry in self.shown)
        if self.shown:
            listing.highlighted = 0
        self._status(self._summary(library, results))
        self._detail()

    @staticmethod
    def _summary(library: Library, results: Results) -> Text:
        count = len(results.entries)
        if count > SHOWN:
            found = f"{count} found; the first {SHOWN} are listed, type more to narrow them"
        else:
            found = f"{count} found" if count else "Nothing found"
        parts: list[tuple[object, str] | str] = [(found, "bold")]
        for said in results.filters:
            parts += ["  ·  ", said]
        for problem in (*results.problems, *library.problems):
            parts += ["\n", (problem, "italic")]
        return styled(*parts)

    def _status(self, text: Text) -> None:
        self.query_one("#browse-status", Static).update(text)

    def _current(self) -> Entry | None:
        index = self.query_one("#browse-results", OptionList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def _detail(self) -> None:
        entry = self._current()
        self.query_one("#browse-detail", Static).update(
            styled((entry.detail, "dim")) if entry is not None else ""
        )

    @on(OptionList.OptionHighlighted, "#browse-results")
    def _moved(self) -> None:
        self._detail()

    @on(OptionList.OptionSelected, "#browse-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_move(self, step: int) -> None:
        listing = self.query_one("#browse-results", OptionList)
        if not self.shown:
            return
        current = listing.highlighted or 0
        listing.highlighted = max(0, min(len(self.shown) - 1, current + step))

    def action_open(self) -> None:
        entry = self._current()
        if entry is not None and self.library is not None:
            open_entry(self, self.library, self.profile, entry.what, entry.id)


def open_entry(
    screen: Screen[Any], library: Library, profile: Profile, what: str, ident: str
) -> None:
    """Show the page of a card, a fact or a person over ``screen``."""
    if what == "card":
        from purgequiz.tui.screens.card_page import CardScreen

        screen.app.push_screen(CardScreen(library, profile, ident))
    elif what == "fact":
        from purgequiz.tui.screens.fact_page import FactScreen

        screen.app.push_screen(FactScreen(library, profile, ident))
    else:
        from purgequiz.tui.screens.person_page import PersonScreen

        screen.app.push_screen(PersonScreen(library, profile, ident))
