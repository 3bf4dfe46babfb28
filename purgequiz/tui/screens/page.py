"""What the browser's pages (a card, a fact, a person) share: a title, a body that scrolls, a
line saying what was just done, and keys that open the people or cards a page names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from purgequiz.decks.model import Citation
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.facts.model import Fact, FactBase
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.browse import Library

__all__ = ["PAGE_KEYS", "ChooseDialog", "Page", "fact_line", "heading"]

STYLES = Path(__file__).resolve().parent.parent / "styles"
# The keys every page has, after its own (each page lists them, so that its own come first in
# the key bar): p and c are offered only where there are people or cards to open.
PAGE_KEYS = [
    Binding("p", "people", "people"),
    Binding("c", "cards", "cards"),
    Binding("escape,q", "app.pop_screen", "back"),
]


def heading(text: str) -> Text:
    return styled((text, "bold"))


def fact_line(base: FactBase, fact: Fact) -> str:
    """When a fact happened, what kind it is and where it comes from, in a line."""
    parts = [fact.date.display()] if fact.date else []
    parts += [fact.kind.replace("_", " "), Citation.of(base, fact).line()]
    return " · ".join(parts)


class ChooseDialog(ModalScreen[str | None]):
    """Pick one of several (people, cards): Enter opens the highlighted one, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, Text]]) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.heading), classes="dialog-title")
            yield OptionList(
                *(Option(text, id=ident) for ident, text in self.choices),
                id="choices",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


class Page(Screen[None]):
    """A page of the browser. Subclasses give :meth:`title` and :meth:`sections`, and say
    which people (p) and cards (c) it names."""

    CSS_PATH = STYLES / "browse.tcss"

    def __init__(self, library: Library, profile: Profile) -> None:
        super().__init__(classes="page-screen")
        self.library = library
        self.profile = profile

    # -- what a page gives -------------------------------------------------------------------

    def heading_text(self) -> Text:
        raise NotImplementedError

    def sections(self) -> Iterable[Text]:
        """The body, a block of text each (shown one under the other, a blank line apart)."""
        raise NotImplementedError

    def people(self) -> tuple[str, ...]:
        """The ids of the people the page names."""
        return ()

    def cards(self) -> tuple[str, ...]:
        """The ids of the cards the page leads to."""
        return ()

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="page"):
            yield Static(self.heading_text(), id="page-title")
            with VerticalScroll(id="page-body"):
                yield Static("", id="page-text")
            yield Static("", id="page-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.redraw()
        self.query_one("#page-body", VerticalScroll).focus()

    def redraw(self) -> None:
        """Draw the body again from :meth:`sections` (where it is scrolled to is kept)."""
        text = Text("\n\n", end="").join(self.sections())
        self.query_one("#page-text", Static).update(text)

    def say(self, text: str) -> None:
        self.query_one("#page-status", Static).update(plain(text))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """p and c are offered only when the page names someone or leads to a card."""
        if action == "people":
            return bool(self.people())
        if action == "cards":
            return bool(self.cards())
        return True

    # -- going on to the people and cards named ----------------------------------------------

    def action_people(self) -> None:
        people = self.library.index.people
        ids = self.people()
        if people is None or not ids:
            return
        choices = [(pid, styled(people.name(pid), (self._about(pid), "dim"))) for pid in ids]
        self._open("person", "Open which person?", choices)

    def _about(self, person_id: str) -> str:
        people = self.library.index.people
        person = people.persons.get(person_id) if people is not None else None
        return f"  {person.description}" if person is not None and person.description else ""

    def action_cards(self) -> None:
        ids = [cid for cid in self.cards() if cid in self.library.cards]
        choices = [(cid, plain(self.library.cards[cid].prompt)) for cid in ids]
        self._open("card", "Open which card?", choices)

    def _open(self, what: str, title: str, choices: list[tuple[str, Text]]) -> None:
        from purgequiz.tui.screens.browse import open_entry

        if not choices:
            return
        if len(choices) == 1:
            open_entry(self, self.library, self.profile, what, choices[0][0])
            return

        def chosen(ident: str | None) -> None:
            if ident is not None:
                open_entry(self, self.library, self.profile, what, ident)

        self.app.push_screen(ChooseDialog(title, choices), chosen)
