"""A person's page in the browser: who they were, their posts and their fate, and every fact
naming them, each with its date and source; c opens a card about them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text

from purgequiz.decks.model import Citation
from purgequiz.learn.people import Line, People, PersonPage
from purgequiz.tui.screens.page import PAGE_KEYS, Page, fact_line, heading
from purgequiz.tui.text import plain, styled

if TYPE_CHECKING:
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.browse import Library

__all__ = ["PersonScreen"]


class PersonScreen(Page):
    """The page of one person of the fact base."""

    BINDINGS = [*PAGE_KEYS]

    def __init__(self, library: Library, profile: Profile, person_id: str) -> None:
        super().__init__(library, profile)
        people = library.index.people
        assert people is not None  # people are listed only when the fact base was read
        self.known: People = people
        self.page: PersonPage = people.page(person_id)

    def heading_text(self) -> Text:
        person = self.page.person
        sphere = f"  {person.sphere}" if person.sphere else ""
        return styled(("Person", "bold"), "  ", (person.name, "bold"), (sphere, "dim"))

    def cards(self) -> tuple[str, ...]:
        pid = self.page.person.id
        return tuple(
            entry.id
            for entry in self.library.index.entries
            if entry.what == "card" and pid in entry.people
        )

    def sections(self) -> Iterable[Text]:
        page = self.page
        person = page.person
        about: list[tuple[object, str] | str] = []
        if person.full_name:
            about += [(person.full_name, "bold"), "\n"]
        if person.description:
            about += [person.description[:1].upper() + person.description[1:], "\n"]
        others = [s for s in person.spellings if s not in (person.name, person.full_name)]
        if others:
            about += [("Also written: ", "dim"), (", ".join(others), "dim"), "\n"]
        count = len(self.cards())
        if count == 1:
            cards = "1 card names them (c opens it)"
        elif count:
            cards = f"{count} cards name them (c opens one)"
        else:
            cards = "no card of your decks names them"
        about += [("Cards: ", "bold"), cards]
        yield styled(*about)
        yield self._lines("Posts", page.posts, "The fact base records no post of theirs.")
        yield self._lines("Fate", page.fate, "The sources here record no arrest, trial or death.")
        yield self._facts()

    def _lines(self, title: str, lines: tuple[Line, ...], none: str) -> Text:
        out = heading(title)
        if not lines:
            return out + plain("\n" + none)
        base = self.known.base
        for line in lines:
            where = [line.date.display()] if line.date else []
            where.append(Citation.of(base, line.fact).line())
            out.append_text(styled("\n", line.text, "\n", ("  " + " · ".join(where), "dim")))
        return out

    def _facts(self) -> Text:
        facts = self.page.facts
        out = heading(f"Every fact naming them ({len(facts)})")
        for fact in facts:
            line = fact_line(self.known.base, fact)
            out.append_text(styled("\n", fact.statement, "\n", ("  " + line, "dim")))
        return out
