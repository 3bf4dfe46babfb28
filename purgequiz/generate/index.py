"""Look-ups over a fact base, built once per generation so that no question searches the
whole base: facts by kind and by the entity they are about, who held which post, who met
which fate, the figures of each table, the happenings in date order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

from purgequiz.facts import HAPPENINGS, Fact, FactBase
from purgequiz.facts.dates import FuzzyDate
from purgequiz.facts.kinds import (
    Appointment,
    Conflict,
    Fate,
    Purge,
    Removal,
    Replacement,
    Role,
    Statistic,
)
from purgequiz.generate.phrasing import author_id, mentions, post_key

__all__ = ["FactIndex", "SUBJECT_FIELDS"]

_Key = TypeVar("_Key", bound=Hashable)  # the key of a table of entities (type, sphere …)
_Kind = TypeVar("_Kind", bound=Fact)  # a fact kind's record type

# The fields that say what a fact is about, in order of how squarely it is about it: a
# fact about an entity can explain, in a rebuttal, what that entity really was or did.
SUBJECT_FIELDS = (
    "person",
    "people",
    "group",
    "speaker",
    "subject",
    "about",
    "outlet",
    "institution",
    "targets",
    "decree",
    "given_by",
    "computed_by",
    "by",
    "replaced",
    "members",
    "accused",
    "appointed_by",
    "successor",
    "addressee",
    "who",
    "places",
    "place",
)

_CONTEMPORARY = 1950  # a source written before this year is a witness of its own time

# Which kinds best say who a person or body was, first to last.
_PROFILE_ORDER = (
    "role",
    "appointment",
    "replacement",
    "removal",
    "arrest",
    "execution",
    "suicide",
    "death",
    "survival",
    "institutional_change",
    "purge",
    "report",
    "quotation",
    "statistic",
    "justification",
    "decree",
    "trial",
    "event",
    "group",
    "assessment",
    "cause",
    "consequence",
    "conflict",
)


class FactIndex:
    """Indexes over one fact base; every list is in a fixed (sorted) order."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.authors = {s.id: author_id(base, s) for s in base.sources.values()}
        self.facts: list[Fact] = [
            base.facts[k] for k in sorted(base.facts) if base.facts[k].askable
        ]
        self.by_kind: dict[str, list[Fact]] = defaultdict(list)
        self.by_kind_date: dict[tuple[str, str | None], list[Fact]] = defaultdict(list)
        self.where: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
        self.about: dict[str, list[Fact]] = defaultdict(list)
        self.removed: dict[str, list[Fact]] = defaultdict(list)  # post key → removals
        # Entities by type and sphere (and category), for drawing wrong answers.
        self.entities_by: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        self.entities_in: dict[tuple[str, str | None, str | None], list[str]] = defaultdict(list)
        for entity_id in sorted(base.entities):
            entity = base.entities[entity_id]
            self.entities_by[(entity.type, entity.sphere)].append(entity_id)
            self.entities_by[(entity.type, "*")].append(entity_id)
            self.entities_in[(entity.type, entity.sphere, entity.category)].append(entity_id)
            self.entities_in[(entity.type, "*", entity.category)].append(entity_id)
        self.holders: dict[str, set[str]] = defaultdict(set)  # post key → who held it
        self.posts_of: dict[str, set[str]] = defaultdict(set)  # person → post keys
        self.post_text: dict[str, str] = {}  # post key → one wording of it
        self.bodies_of: dict[str, set[str]] = defaultdict(set)  # person → bodies served or led
        self.fates: dict[str, set[str]] = defaultdict(set)  # entity → fate kinds
        self.gone: dict[str, int | None] = {}  # person → year arrested or killed (None: undated)
        self.gone_on: dict[str, FuzzyDate] = {}  # person → the first date arrested or killed
        self.claims: dict[str, list[Fact]] = defaultdict(list)  # claimant → facts
        self.series: dict[str, list[Statistic]] = defaultdict(list)
        self.by_unit: dict[str, list[Statistic]] = defaultdict(list)
        self.by_quantity: dict[str, list[Statistic]] = defaultdict(list)
        self.texts: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
        self.purged: set[str] = set()  # bodies any purge reached
        self.disputed: set[str] = set()  # facts that are one account of a conflict
        for fact in self.facts:
            self._add(fact)
        for pool in self.texts.values():
            pool.sort(key=lambda item: item[1].id)
        for entity_id, entity in base.entities.items():  # what the fact file knows besides
            if entity.gone and (
                entity_id not in self.gone_on
                or entity.gone.sort_key < self.gone_on[entity_id].sort_key
            ):
                self.gone_on[entity_id] = entity.gone
        dated = [(f.date, f) for f in self.facts if f.kind in HAPPENINGS and f.date is not None]
        self.happenings: list[Fact] = [
            fact for _, fact in sorted(dated, key=lambda pair: (pair[0].sort_key, pair[1].id))
        ]
        # Happenings with one date, by precision, in date order: (sort key, shown date, fact).
        self.on_date: dict[str, list[tuple[tuple[int, int, int], str, Fact]]] = defaultdict(list)
        for fact in self.happenings:
            date = fact.date
            if date is not None and date.end is None:
                self.on_date[date.precision].append((date.sort_key, date.start.display(), fact))
        self.on_date_keys = {p: [k for k, _, _ in items] for p, items in self.on_date.items()}
        self._profiles: dict[str, list[Fact]] = {}
        self._among: dict[tuple[str, int, Hashable], list[str]] = {}
        self._harmed: set[str] | None = None

    def _add(self, fact: Fact) -> None:
        self.by_kind[fact.kind].append(fact)
        self.by_kind_date[(fact.kind, fact.date.text if fact.date else None)].append(fact)
        for name in SUBJECT_FIELDS:
            value = getattr(fact, name, None)
            for ref in (value,) if isinstance(value, str) else value or ():
                if ref in self.base.entities:
                    self.where[(fact.kind, name, ref)].append(fact)
                    if not self.about[ref] or self.about[ref][-1] is not fact:
                        self.about[ref].append(fact)
        for claimant in fact.claimants():
            self.claims[claimant].append(fact)
        if isinstance(fact, Role | Appointment | Replacement | Removal):
            key = post_key(fact.post)
            self.post_text.setdefault(key, fact.post)
            if isinstance(fact, Removal):
                self.removed[key].append(fact)
            self.holders[key].add(fact.person)
            self.posts_of[fact.person].add(key)
            if isinstance(fact, Replacement):
                self.holders[key].add(fact.replaced)
                self.posts_of[fact.replaced].add(key)
            if fact.institution:
                self.bodies_of[fact.person].add(fact.institution)
                if isinstance(fact, Replacement):
                    self.bodies_of[fact.replaced].add(fact.institution)
        if isinstance(fact, Fate):
            for ref in (*fact.people, *((fact.group,) if fact.group else ())):
                self.fates[ref].add(fact.kind)
            if fact.kind != "survival":
                year = self._year(fact)
                start = self.start(fact)
                for person in fact.people:
                    known = self.gone.get(person)
                    self.gone[person] = year if known is None else min(known, year or known)
                    if start is not None and (
                        person not in self.gone_on or start.sort_key < self.gone_on[person].sort_key
                    ):
                        self.gone_on[person] = start
        if isinstance(fact, Conflict):
            self.disputed.update(fact.accounts)
        if isinstance(fact, Purge):
            self.purged.update(fact.targets)
            if fact.by:
                self.bodies_of[fact.by].update(fact.targets)
        if isinstance(fact, Statistic):
            if fact.series:
                self.series[fact.series].append(fact)
            self.by_unit[fact.unit].append(fact)
            self.by_quantity[fact.quantity].append(fact)
        for name, value in fact.kind_fields().items():
            if name in fact.markers():
                continue
            for text in (
                (value,) if isinstance(value, str) else value if isinstance(value, tuple) else ()
            ):
                self.texts[f"{fact.kind}.{name}"].append((text, fact))

    def among(self, condition: str, table: Mapping[_Key, list[str]], key: _Key) -> list[str]:
        """A pool of entities (``table[key]``) kept to those that meet a standing condition
        of the base: ``unharmed`` (never arrested, killed or tried), ``unpurged`` (reached by
        no purge) or ``spared-<fate>`` (never given that fate); worked out once."""
        cache_key = (condition, id(table), key)
        found = self._among.get(cache_key)
        if found is None:
            test: Callable[[str], bool]
            if condition == "unharmed":
                test = lambda e: not self.harmed(e)  # noqa: E731
            elif condition == "unpurged":
                test = lambda e: e not in self.purged  # noqa: E731
            elif condition.startswith("spared-"):
                fate = condition.removeprefix("spared-")
                test = lambda e: fate not in self.fates.get(e, ())  # noqa: E731
            else:
                raise ValueError(f"unknown condition {condition!r}")
            found = self._among[cache_key] = [e for e in table.get(key, []) if test(e)]
        return found

    def facts_of(self, kind: type[_Kind]) -> list[_Kind]:
        """The facts of one kind, as records of its type (``facts_of(Decree)``)."""
        return [fact for fact in self.by_kind.get(kind.kind, ()) if isinstance(fact, kind)]

    def facts_where(self, kind: str, field: str, value: str) -> list[Fact]:
        """Facts of a kind whose field names this entity ('appointment', 'person', 'beria')."""
        return self.where.get((kind, field, value), [])

    # ------------------------------------------------------------------ people and posts

    def year(self, fact: Fact) -> int | None:
        """The year a fact belongs to: when it happened, or when it was reported."""
        return self._year(fact)

    def _year(self, fact: Fact) -> int | None:
        """When a fact happened or, failing that, when it was reported."""
        for span in (fact.date, fact.reported):
            if span is not None:
                return span.year
        date = self.base.sources[fact.source].date
        return int(date[:4]) if date else None

    def start(self, fact: Fact) -> FuzzyDate | None:
        """When a fact happened or was reported, or the date of a contemporary source
        (a later study's date says nothing of when its facts belong)."""
        for span in (fact.date, fact.reported):
            if span is not None:
                return span.start
        date = self.base.sources[fact.source].date
        year = int(date[:4]) if date else None
        return FuzzyDate(year) if year and year < _CONTEMPORARY else None

    def gone_by(self, person: str, when: int | FuzzyDate) -> bool:
        """Whether the base has the person arrested or dead before ``when`` (a year), or
        possibly by then (a date: the same month, or the same year when either is known to
        the year only): no one to offer as the holder of a post, or the speaker of words."""
        if isinstance(when, int):
            gone = self.gone.get(person, 9999)
            return gone is not None and gone < when
        harm = self.gone_on.get(person)
        if harm is None:
            return False
        if "year" in (harm.precision, when.precision):
            return harm.year <= when.year
        if "month" in (harm.precision, when.precision):
            return harm.sort_key[:2] <= when.sort_key[:2]  # (year, month): both have a month
        return harm.sort_key <= when.sort_key

    def weight(self, entity: str) -> int:
        """How many facts are about an entity: a rough measure of how well known it is."""
        return len(self.about.get(entity, ()))

    def held(self, person: str, post: str) -> bool:
        """Whether the base has the person holding, taking or losing this post."""
        return post_key(post) in self.posts_of.get(person, set())

    def holder_count(self, post: str) -> int:
        return len(self.holders.get(post_key(post), ()))

    def harmed(self, entity: str) -> bool:
        """Whether the base has the entity arrested, executed, dead or tried."""
        if self._harmed is None:
            self._harmed = {
                e
                for e, fates in self.fates.items()
                if fates & {"arrest", "execution", "suicide", "death"}
            }
            self._harmed |= {
                a for f in self.by_kind.get("trial", ()) for a in getattr(f, "accused", ())
            }
            self._harmed |= {e for e, entity in self.base.entities.items() if entity.gone}
        return entity in self._harmed

    # ------------------------------------------------------------------ profiles

    def profiles(self, entity: str) -> list[Fact]:
        """The facts about an entity whose statements name it, those that best say who or
        what it was first: one of them, shown beside a wrong choice, says what it really was."""
        found = self._profiles.get(entity)
        if found is None:
            spellings = self.base.entities[entity].spellings
            names = [*spellings, *(s.split()[-1] for s in spellings if s.split())]
            order = {kind: n for n, kind in enumerate(_PROFILE_ORDER)}

            def rank(fact: Fact) -> tuple[int, int, int, str]:
                squarely = next(
                    (n for n, name in enumerate(SUBJECT_FIELDS) if _names(fact, name, entity)),
                    len(SUBJECT_FIELDS),
                )
                return (squarely > 5, order.get(fact.kind, 99), -fact.importance, fact.id)

            found = self._profiles[entity] = sorted(
                (f for f in self.about.get(entity, ()) if mentions(f.statement, names)), key=rank
            )
        return found

    def profile(self, entity: str, avoid: Iterable[Fact] = ()) -> Fact | None:
        """The fact that best says what an entity was, other than those in ``avoid``."""
        skip = {f.id for f in avoid}
        return next((f for f in self.profiles(entity) if f.id not in skip), None)


def _names(fact: Fact, field: str, entity: str) -> bool:
    value = getattr(fact, field, None)
    return value == entity or (isinstance(value, tuple) and entity in value)
