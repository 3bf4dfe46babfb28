"""Look-ups over a fact base, built once per generation so that no question searches the
whole base: facts by kind, people by fate, entities by type and topic, figures by series."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from purgequiz.facts import Fact, FactBase
from purgequiz.generate.phrasing import normalize, role_keys

__all__ = ["FATE_KINDS", "FactIndex", "fate_of_property", "is_bibliographic"]

FATE_KINDS = ("arrest", "execution", "suicide", "survival")
_PROPERTY_FATES = (
    ("survival", re.compile(r"surviv", re.IGNORECASE)),
    ("execution", re.compile(r"execut|\bshot\b", re.IGNORECASE)),
    ("suicide", re.compile(r"suicide|own li(fe|ves)", re.IGNORECASE)),
    ("arrest", re.compile(r"arrest|sentenc|accused|defendant|\btried\b|\btrials?\b",
                          re.IGNORECASE)),
)

# Facts about the literature rather than the history: which footnote cites which work.
_BIBLIOGRAPHIC_GROUP = re.compile(r"\bfootnotes?\b|\bcited\b|\bco-?authors?\b|\bauthors of\b",
                                  re.IGNORECASE)
_BIBLIOGRAPHIC_STATEMENT = re.compile(
    r"\bfootnotes? \d+(?:\s*(?:and|to|-|\u2013)\s*\d+)?\s+(?:cites|refers|gives the source|"
    r"draws|names)|\b(?:was|were) published\b|\bpublished (?:in|by)\b", re.IGNORECASE)


def is_bibliographic(fact: Fact) -> bool:
    """Whether a fact is about the literature (a footnote's works, a book's publication)."""
    if fact.kind == "group":
        text = f"{fact.get('label')} {fact.get('property')}"
        if _BIBLIOGRAPHIC_GROUP.search(text):
            return True
    return bool(_BIBLIOGRAPHIC_STATEMENT.search(fact.statement))


def fate_of_property(text: str) -> set[str]:
    """The fates a text names ('survived the purge' -> {'survival'}); trials and sentences
    count as arrest."""
    return {fate for fate, pattern in _PROPERTY_FATES if pattern.search(text)}


class FactIndex:
    """Indexes over one fact base; every list is in a fixed (sorted) order."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.all_facts: list[Fact] = [base.facts[k] for k in sorted(base.facts)]
        self.facts: list[Fact] = [f for f in self.all_facts if not is_bibliographic(f)]
        self.by_kind: dict[str, list[Fact]] = defaultdict(list)
        self.by_kind_date: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        self.person_facts: dict[str, list[Fact]] = defaultdict(list)
        self.fates: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
        self.known: dict[str, set[str]] = defaultdict(set)  # fate -> people said to share it
        self.slot: dict[tuple[str, str], set[str]] = defaultdict(set)
        # posts by role_keys(): who took one up, which a person held, who followed whom
        self.role_people: dict[frozenset[str], set[str]] = defaultdict(set)
        self.person_roles: dict[str, set[frozenset[str]]] = defaultdict(set)
        self.successors_of: dict[tuple[frozenset[str], str], set[str]] = defaultdict(set)
        self.predecessors_of: dict[tuple[frozenset[str], str], set[str]] = defaultdict(set)
        self.removed_from: dict[frozenset[str], set[str]] = defaultdict(set)
        self.office_holders: set[str] = set()
        self.by_type: dict[str, list[str]] = defaultdict(list)
        self.by_type_topic: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.series: dict[str, list[Fact]] = defaultdict(list)
        self.stats_by_unit: dict[str, list[Fact]] = defaultdict(list)
        self.texts: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
        self.stats_by_quantity: dict[str, list[Fact]] = defaultdict(list)
        self.groups_of: dict[str, list[Fact]] = defaultdict(list)
        self.members_by_property: dict[str, set[str]] = defaultdict(set)
        self.reporters: dict[str, list[str]] = defaultdict(list)  # who makes claims, by type
        self.accused: set[str] = set()
        self.quote_speakers: dict[str, set[str]] = defaultdict(set)
        # Who may stand as a wrong answer: entities the history itself names, not the
        # scholars and reporters behind claims, nor unnamed people ("the president of …").
        claimants = {f.attribution.by for f in self.all_facts}
        actors = {ref for f in self.facts for _, ref in f.entity_refs()} - claimants
        for entity_id in sorted(actors & set(base.entities)):
            entity = base.entities[entity_id]
            if entity.name[:1].isupper() and "(" not in entity.name:
                self.by_type[entity.type].append(entity_id)
        self.candidates = {e for ids in self.by_type.values() for e in ids}
        self.statements = {normalize(f.statement) for f in self.all_facts}
        self.by_name = {base.entities[e].name: base.entities[e] for e in sorted(self.candidates)}
        self._reporter_seen: set[tuple[str, str]] = set()
        self._year_seen: set[tuple[int, str]] = set()
        self.people_by_year: dict[int, list[str]] = defaultdict(list)
        seen_topic: set[tuple[str, str, str]] = set()
        for fact in self.facts:
            self._add(fact, seen_topic)
        self.dated: list[Fact] = sorted((f for f in self.facts if f.date),
                                        key=lambda f: (f.date.sort_key, f.id))  # type: ignore[union-attr]
        self._not_victims: list[str] | None = None
        self._display: dict[str, str] = {}
        self._near: dict[tuple[str, ...], list[list[str]]] = {}
        self._dead: set[str] | None = None
        self._dead_list: list[str] | None = None
        self.dated_keys = [f.date.sort_key for f in self.dated]  # type: ignore[union-attr]
        self._victims = (self.known["arrest"] | self.known["execution"] | self.known["suicide"]
                         | self.accused)

    def _add(self, fact: Fact, seen_topic: set[tuple[str, str, str]]) -> None:
        base = self.base
        self.by_kind[fact.kind].append(fact)
        if fact.date:
            self.by_kind_date[(fact.kind, fact.date.text)].append(fact)
        for name, ref in fact.entity_refs():
            self.slot[(fact.kind, name)].add(ref)
            entity = base.entities.get(ref)
            if entity is None:
                continue
            if entity.type == "person":
                self.person_facts[ref].append(fact)
            if ref not in self.candidates:
                continue
            if fact.date and entity.type == "person" and \
                    (fact.date.year, ref) not in self._year_seen:
                self._year_seen.add((fact.date.year, ref))
                self.people_by_year[fact.date.year].append(ref)
            for topic in fact.topics:
                key = (entity.type, topic, ref)
                if key not in seen_topic:
                    seen_topic.add(key)
                    self.by_type_topic[(entity.type, topic)].append(ref)
        person = fact.get("person")
        if fact.kind in FATE_KINDS and person and base.entities[person].type == "person":
            self.fates[person][fact.kind].append(fact)
            self.known[fact.kind].add(person)
        if fact.kind in ("appointment", "replacement", "removal") and person:
            self.office_holders.add(person)
            for key in role_keys(fact.get("role")):
                if fact.kind != "removal":
                    self.role_people[key].add(person)
                self.person_roles[person].add(key)
                if fact.kind == "replacement":
                    self.person_roles[fact.get("replaced")].add(key)
                    self.successors_of[(key, fact.get("replaced"))].add(person)
                    self.predecessors_of[(key, person)].add(fact.get("replaced"))
                if fact.kind == "removal":
                    self.removed_from[key].add(person)
        if fact.kind == "quotation":
            self.quote_speakers[normalize(fact.get("gist"))].add(fact.get("speaker"))
        if fact.kind == "trial":
            self.accused.update(fact.get("accused") or ())
        if fact.kind == "group":
            people = [m for m in fact.get("members")
                      if m in base.entities and base.entities[m].type == "person"]
            for fate in fate_of_property(fact.get("property")):
                self.known[fate].update(people)
            for member in fact.get("members"):
                self.groups_of[member].append(fact)
            self.members_by_property[normalize(fact.get("property"))].update(fact.get("members"))
        for ref in (fact.attribution.by, *fact.attribution.via):
            entity = base.entities.get(ref) if ref else None
            if entity is not None and (entity.type, ref) not in self._reporter_seen:
                self._reporter_seen.add((entity.type, ref))
                self.reporters[entity.type].append(ref)
        if fact.kind == "statistic":
            if fact.get("series"):
                self.series[fact.get("series")].append(fact)
            self.stats_by_unit[normalize(fact.get("unit"))].append(fact)
            self.stats_by_quantity[normalize(fact.get("quantity"))].append(fact)
        for name, value in fact.fields.items():
            if isinstance(value, str) and name not in ("series", "unit", "qualifier"):
                if value not in base.entities:
                    self.texts[f"{fact.kind}.{name}"].append((value, fact))
            elif isinstance(value, tuple) and name in ("responsible", "effects"):
                for item in value:
                    self.texts[f"{fact.kind}.{name}"].append((item, fact))

    # --- who is known to have met which fate -------------------------------------------

    def holds(self, person: str, role: str) -> bool:
        """Whether the base has the person taking up this post, under any of its wordings
        (a look-up, not a copy: a post may have many holders)."""
        return any(person in self.role_people.get(key, ()) for key in role_keys(role))

    def holder_count(self, role: str) -> int:
        """At most how many people the base has taking up this post."""
        return sum(len(self.role_people.get(key, ())) for key in role_keys(role))

    def was_removed(self, person: str, role: str) -> bool:
        return any(person in self.removed_from.get(key, ()) for key in role_keys(role))

    def removed_count(self, role: str) -> int:
        return sum(len(self.removed_from.get(key, ())) for key in role_keys(role))

    def successors(self, role: str, replaced: str) -> set[str]:
        """Who the base says replaced this person in this post."""
        out: set[str] = set()
        for key in role_keys(role):
            out |= self.successors_of.get((key, replaced), set())
        return out

    def predecessors(self, role: str, person: str) -> set[str]:
        """Whom the base says this person replaced in this post."""
        out: set[str] = set()
        for key in role_keys(role):
            out |= self.predecessors_of.get((key, person), set())
        return out

    def held(self, person: str, role: str) -> bool:
        """Whether the base has the person holding, taking or losing this post."""
        return bool(set(role_keys(role)) & self.person_roles.get(person, set()))

    def display(self, fact: Fact) -> str:
        """The fact's start date as questions show it ('May 1937'), computed once."""
        shown = self._display.get(fact.id)
        if shown is None:
            shown = self._display[fact.id] = fact.date.start.display()  # type: ignore[union-attr]
        return shown

    def mentioned_fates(self, person: str) -> dict[str, list[Fact]]:
        """Fates any fact naming the person mentions in its statement, with those facts
        ('Wright described Gamarnik as executed' is an event, not an execution fact)."""
        out: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.person_facts.get(person, ()):
            for fate in fate_of_property(fact.statement) - {"arrest"}:
                out[fate].append(fact)
        return out

    def dead(self) -> set[str]:
        """People the base says were executed or took their own lives."""
        if self._dead is None:
            self._dead = self.known["execution"] | self.known["suicide"]
        return self._dead

    def dead_list(self) -> list[str]:
        if self._dead_list is None:
            self._dead_list = sorted(self.dead())
        return self._dead_list

    def victims(self) -> set[str]:
        """People the base says were arrested, executed, driven to suicide or tried."""
        return self._victims

    def not_victims(self) -> list[str]:
        """People with no arrest, execution, suicide or trial in the base who survived or
        held office (the plausible wrong answers to 'who was shot …'): survivors first."""
        if self._not_victims is None:
            victims = self.victims()
            survivors = sorted(self.known["survival"] - victims)
            holders = sorted(self.office_holders - victims - set(survivors))
            self._not_victims = [p for p in survivors + holders if p in self.candidates]
        return self._not_victims

    def not_victims_near(self, topics: Iterable[str]) -> list[list[str]]:
        """:meth:`not_victims` as two pools: those who share one of these topics, the rest."""
        key = tuple(sorted(topics))
        if key not in self._near:
            near = {p for pool in self.people_in(key) for p in pool}
            ranked = self.not_victims()
            self._near[key] = [[p for p in ranked if p in near],
                               [p for p in ranked if p not in near]]
        return self._near[key]

    def people_in(self, topics: Iterable[str]) -> list[list[str]]:
        """One pool of people a topic, for drawing distractors from."""
        return [self.by_type_topic.get(("person", topic), []) for topic in topics]
