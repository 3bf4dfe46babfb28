"""The people of a fact base: which facts name whom, and a person's page (posts, fate, facts).

Pure: reads a :class:`~purgequiz.facts.model.FactBase`. A fact names a person when one of its
typed fields does (``person``, ``replaced``, ``people``, ``accused``, ``who`` …), when the
person stands behind it (its attribution's ``by`` or ``via``), or when its statement gives
one of the person's spellings as a whole word. Where two people share a spelling ("Zhukov"
in "Zhukov Yu. N."), the longer spelling found is the one that counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from purgequiz.facts.dates import DateSpan
from purgequiz.facts.kinds import (
    Appointment,
    Arrest,
    Death,
    Execution,
    Fate,
    Removal,
    Replacement,
    Role,
    Suicide,
    Survival,
    Trial,
)
from purgequiz.facts.model import Entity, Fact, FactBase

__all__ = ["Line", "People", "PersonPage"]


@dataclass(frozen=True)
class Line:
    """One line of a person's posts or fate: what it says, when, and the fact it comes from."""

    text: str
    date: DateSpan | None
    fact: Fact


@dataclass(frozen=True)
class PersonPage:
    """Everything the fact base says of one person: their posts (appointed, replaced, held,
    removed), their fate (arrested, tried, executed, died, survived) and every fact naming
    them, each by date (undated ones last, in the fact base's order)."""

    person: Entity
    posts: tuple[Line, ...]
    fate: tuple[Line, ...]
    facts: tuple[Fact, ...]


def _when(date: DateSpan | None) -> tuple[bool, tuple[int, int, int]]:
    return (date is None, date.sort_key if date is not None else (0, 0, 0))


class People:
    """Who is named where, worked out once for a fact base."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.persons: dict[str, Entity] = {
            e.id: e for e in base.entities.values() if e.type == "person"
        }
        spellings = sorted(
            ((spelling, pid) for pid, e in self.persons.items() for spelling in e.spellings),
            key=lambda pair: (-len(pair[0]), pair[0]),
        )
        self._owner = {spelling: pid for spelling, pid in reversed(spellings)}
        self._pattern = (
            re.compile(r"\b(?:" + "|".join(re.escape(s) for s, _ in spellings) + r")(?!\w)")
            if spellings
            else None
        )
        self._of_fact: dict[str, tuple[str, ...]] = {}
        self._facts_of: dict[str, list[str]] = {pid: [] for pid in self.persons}
        for fact in base.facts.values():
            named = self._named(fact)
            self._of_fact[fact.id] = named
            for pid in named:
                self._facts_of[pid].append(fact.id)

    def _named(self, fact: Fact) -> tuple[str, ...]:
        found: dict[str, None] = {}
        for _, ref in fact.entity_refs():
            if ref in self.persons:
                found[ref] = None
        for ref in fact.claimants():
            if ref in self.persons:
                found[ref] = None
        for pid in self.mentioned(fact.statement):
            found[pid] = None
        return tuple(found)

    def mentioned(self, text: str) -> tuple[str, ...]:
        """The people whose spellings ``text`` gives as whole words, in the order given (the
        regular expression tries the longest spellings first, so "Zhukov Yu. N." is the
        historian, not the general)."""
        if self._pattern is None:
            return ()
        return tuple(dict.fromkeys(self._owner[m.group(0)] for m in self._pattern.finditer(text)))

    def of_fact(self, fact_id: str) -> tuple[str, ...]:
        """The ids of the people a fact names (none for a fact the base does not hold)."""
        return self._of_fact.get(fact_id, ())

    def of_facts(self, fact_ids: Iterable[str]) -> tuple[str, ...]:
        """The people any of these facts name, without repeats, in order."""
        return tuple(dict.fromkeys(pid for fid in fact_ids for pid in self.of_fact(fid)))

    def facts_of(self, person_id: str) -> tuple[Fact, ...]:
        """Every fact naming the person, by date (undated last, in the base's order)."""
        facts = [self.base.facts[fid] for fid in self._facts_of.get(person_id, ())]
        return tuple(sorted(facts, key=lambda f: _when(f.date)))

    def name(self, entity_id: str) -> str:
        entity = self.base.entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    def page(self, person_id: str) -> PersonPage:
        """The person's page (KeyError for an id that is no person of the base)."""
        person = self.persons[person_id]
        facts = self.facts_of(person_id)
        posts = [line for f in facts if (line := self._post(f, person_id)) is not None]
        fate = [line for f in facts if (line := self._fate(f, person_id)) is not None]
        return PersonPage(
            person,
            tuple(sorted(posts, key=lambda line: _when(line.date))),
            tuple(sorted(fate, key=lambda line: _when(line.date))),
            facts,
        )

    def _post(self, fact: Fact, pid: str) -> Line | None:
        text: str | None = None
        if isinstance(fact, Appointment) and fact.person == pid:
            text = f"Appointed {fact.post}"
        elif isinstance(fact, Replacement) and fact.person == pid:
            text = f"Replaced {self.name(fact.replaced)} as {fact.post}"
        elif isinstance(fact, Replacement) and fact.replaced == pid:
            text = f"Replaced by {self.name(fact.person)} as {fact.post}"
        elif isinstance(fact, Role) and fact.person == pid:
            text = f"Was {fact.post}"
        elif isinstance(fact, Removal) and fact.person == pid:
            text = f"Removed as {fact.post}" + (f"; {fact.afterwards}" if fact.afterwards else "")
        return Line(text, fact.date, fact) if text is not None else None

    def _fate(self, fact: Fact, pid: str) -> Line | None:
        text: str | None = None
        if isinstance(fact, Trial) and pid in fact.accused:
            text = f"Accused at the {fact.name}"
        elif isinstance(fact, Fate) and pid in fact.people:
            text = self._fate_text(fact, pid)
        return Line(text, fact.date, fact) if text is not None else None

    def _fate_text(self, fact: Fate, pid: str) -> str | None:
        if isinstance(fact, Arrest):
            return "Arrested" + (f", charged with {fact.charge}" if fact.charge else "")
        if isinstance(fact, Execution):
            return "Executed"
        if isinstance(fact, Suicide):
            return "Took their own life"
        if isinstance(fact, Death):
            return f"{self.name(pid)} {fact.cause}"
        if isinstance(fact, Survival):
            return f"Survived {fact.survived}"
        return None
