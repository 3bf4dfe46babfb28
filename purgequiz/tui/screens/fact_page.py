"""A fact's page in the browser: its statement, date, source and what it records, the people it
names (p) and the cards that ask about it (c)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text

from purgequiz.decks.model import Citation
from purgequiz.facts.model import Link, Ref
from purgequiz.tui.screens.page import PAGE_KEYS, Page, heading
from purgequiz.tui.text import plain, styled

if TYPE_CHECKING:
    from purgequiz.facts.model import Fact, FactBase
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.browse import Library

__all__ = ["FactScreen"]


class FactScreen(Page):
    """The page of one fact of the fact base."""

    BINDINGS = [*PAGE_KEYS]

    def __init__(self, library: Library, profile: Profile, fact_id: str) -> None:
        super().__init__(library, profile)
        base = library.index.base
        assert base is not None  # facts are listed only when the fact base was read
        self.base: FactBase = base
        self.fact: Fact = base.facts[fact_id]

    def heading_text(self) -> Text:
        fact = self.fact
        when = f" · {fact.date.display()}" if fact.date else ""
        return styled(("Fact", "bold"), (f"  {fact.kind.replace('_', ' ')}{when}", "dim"))

    def people(self) -> tuple[str, ...]:
        people = self.library.index.people
        return people.of_fact(self.fact.id) if people is not None else ()

    def cards(self) -> tuple[str, ...]:
        return tuple(
            card.id for card in self.library.cards.values() if self.fact.id in card.fact_ids
        )

    def sections(self) -> Iterable[Text]:
        fact, base = self.fact, self.base
        yield styled((fact.statement, "bold"))
        lines: list[tuple[object, str] | str] = []
        if fact.date:
            note = f" ({fact.date_note})" if fact.date_note else ""
            lines += [("When: ", "bold"), fact.date.display() + note, "\n"]
        if fact.reported:
            lines += [("Reported: ", "bold"), fact.reported.display(), "\n"]
        if not fact.attribution.is_record:
            lines += [("Whose account: ", "bold"), self._whose(), "\n"]
        lines += [("Source: ", "bold"), Citation.of(base, fact).line()]
        topics = [base.topics[t].title if t in base.topics else t for t in fact.topics]
        if topics:
            lines += ["\n", ("Topics: ", "bold"), ", ".join(topics)]
        yield styled(*lines)
        if fact.note:
            yield styled(("Note: ", "bold"), fact.note)
        recorded = self._recorded()
        if recorded:
            yield heading("What it records\n") + recorded
        yield self._links()

    def _whose(self) -> str:
        attribution = self.fact.attribution
        by = f" by {self._entity_name(attribution.by)}" if attribution.by else ""
        via = (
            f", as relayed by {', '.join(self._entity_name(v) for v in attribution.via)}"
            if attribution.via
            else ""
        )
        return f"{attribution.type}{by}{via}"

    def _entity_name(self, entity_id: str) -> str:
        entity = self.base.entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    def _recorded(self) -> Text:
        markers = self.fact.markers()
        lines = []
        for name, value in self.fact.kind_fields().items():
            shown = self._value(value, markers.get(name))
            lines.append(
                f"{name.replace('_', ' ')}:{'' if shown.startswith(chr(10)) else ' '}{shown}"
            )
        return plain("\n".join(lines))

    def _value(self, value: Any, marker: Ref | Link | None) -> str:
        values = value if isinstance(value, tuple) else (value,)
        if isinstance(marker, Link):  # other facts: their statements, one a line
            facts = self.base.facts
            shown = [facts[str(v)].statement if str(v) in facts else str(v) for v in values]
            return "".join(f"\n  • {statement}" for statement in shown)
        if isinstance(marker, Ref):
            return "; ".join(self._entity_name(str(v)) for v in values)
        return "; ".join(_number(v) if isinstance(v, float) else str(v) for v in values)

    def _links(self) -> Text:
        people = self.library.index.people
        named = ", ".join(people.name(pid) for pid in self.people()) if people else ""
        count = len(self.cards())
        if count == 1:
            asked = "1 card asks about it (c opens it)"
        elif count:
            asked = f"{count} cards ask about it (c opens one)"
        else:
            asked = "no card of your decks asks about it"
        out = styled(("Cards: ", "bold"), asked)
        if named:
            out.append_text(styled("\n", ("People named: ", "bold"), named, ("  (p opens)", "dim")))
        return out


def _number(value: float) -> str:
    """A figure as written in a text: 2,300,000,000 or 0.75."""
    return f"{value:,.0f}" if value.is_integer() else f"{value:,g}"
