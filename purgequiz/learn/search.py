"""Searching the cards, facts and people: an index made once, then a query per keystroke.

Pure: :class:`SearchIndex` is made from the cards of the decks and the fact base (either may
be empty); :meth:`SearchIndex.search` takes what a student typed and returns the matching
entries, best first.

What is typed is words and filters. Every word must match a word of an entry: exactly, as
the start of a longer word ("tukh" for "Tukhachevsky"), or, from five letters on, with a
slip or two ("Tukhachevski"); case and accents never matter. A word found in a card's
question or answer, a fact's statement or a person's name counts for more than one found in
an explanation or a citation. Filters are written ``name:value``:

* ``topic:army``: the topic's id or words of its title;
* ``kind:execution``: a card's kind (question, flashcard, ordering …) or the kind of fact it
  asks about, or a fact's kind;
* ``family:chronology``: the question family of a card (only cards have one);
* ``source:wright``: the source's id, author, title or publication;
* ``person:yezhov``: the cards and facts naming that person, and the person;
* ``is:card`` (or ``is:fact``, ``is:person``): only entries of that sort.

A value matches any part of a name ("regional" finds the topic "regional-trials"); filters of
the same name widen each other (``topic:army topic:nkvd``), different ones narrow.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from purgequiz.decks.model import Card, Citation
from purgequiz.facts.model import Fact, FactBase
from purgequiz.learn.people import People

__all__ = ["FILTERS", "WHATS", "Entry", "Query", "Results", "SearchIndex", "fold", "parse_query"]

WHATS = ("card", "fact", "person")
FILTERS = ("topic", "kind", "family", "source", "person", "is")

# How much a word counts, by where it is found in an entry.
MAIN, NAMES, CHOICES, BODY, TAGS = 1.0, 0.85, 0.8, 0.6, 0.5
EXACT, PREFIX, SLIP, SLIPPED_PREFIX = 100.0, 90.0, 0.9, 0.85
SLIP_CUTOFF = 80.0  # fuzz.ratio from which a word with a slip still matches
SLIP_FROM = 5  # the shortest word matched with a slip (four letters and one wrong is too loose)
_WHAT_ORDER = {what: index for index, what in enumerate(("person", "card", "fact"))}
_WORD = re.compile(r"[^\W_]+")
_FILTER = re.compile(r"^([A-Za-z]+):(.*)$")


def fold(text: str) -> str:
    """``text`` without case or accents: "Nálevka" and "NALEVKA" are both "nalevka"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _squash(text: str) -> str:
    """Letters and digits only, folded: "institutional_change" and "Institutional change"
    compare equal."""
    return "".join(_words(text))


@dataclass(frozen=True)
class Entry:
    """A card, a fact or a person as the search lists it. ``title`` is the card's prompt,
    the fact's statement or the person's name; ``detail`` is a line more (a card's answer, a
    fact's kind and date, a person's description)."""

    what: str
    id: str
    title: str
    detail: str
    topics: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return f"{self.what}:{self.id}"


@dataclass(frozen=True)
class Query:
    """What was typed: the words to find, and the filters as (name, value) pairs (names
    folded; a filter with no value yet is left out)."""

    words: tuple[str, ...]
    filters: tuple[tuple[str, str], ...]
    unknown: tuple[str, ...] = ()  # names typed as filters that are not filters


def parse_query(text: str) -> Query:
    """Split what was typed into words and ``name:value`` filters."""
    words: list[str] = []
    filters: list[tuple[str, str]] = []
    unknown: list[str] = []
    for token in text.split():
        found = _FILTER.match(token)
        if found is None:
            words += _words(token)
            continue
        name, value = found.group(1).casefold(), found.group(2)
        if name not in FILTERS:
            unknown.append(name)
        elif _squash(value):
            filters.append((name, value))
    return Query(tuple(words), tuple(filters), tuple(dict.fromkeys(unknown)))


@dataclass(frozen=True)
class Results:
    """The entries found, best first; what the filters were read as ("topic: The army
    purge"), and what could not be used, in plain words."""

    entries: tuple[Entry, ...]
    filters: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass
class _Names:
    """The values a filter can take: value → its searchable names, and how it is shown."""

    names: dict[str, list[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)

    def add(self, value: str, *names: str | None, shown: str | None = None) -> None:
        """Add ``value`` with more of its names; the first way of showing it is kept."""
        kept = self.names.setdefault(value, [_squash(value)])
        kept += [_squash(name) for name in names if name and _squash(name) not in kept]
        self.shown.setdefault(value, shown or value)


class SearchIndex:
    """The searchable entries of some cards and a fact base, made once (a few hundred cards
    and facts take a few tens of milliseconds); :meth:`search` then takes a few."""

    def __init__(self, cards: Iterable[Card], base: FactBase | None = None) -> None:
        self.base = base
        self.people = People(base) if base is not None else None
        self.entries: list[Entry] = []
        self._weights: list[dict[str, float]] = []
        self._filters: dict[str, _Names] = {name: _Names() for name in FILTERS}
        for what in WHATS:
            self._filters["is"].add(what, what + "s")
        self._fact_kinds: dict[str, str] = {}
        if base is not None:
            self._fact_kinds = {f.id: f.kind for f in base.facts.values()}
            for topic in base.topics.values():
                self._filters["topic"].add(topic.id, topic.title, shown=topic.title)
            for source in base.sources.values():
                self._filters["source"].add(
                    source.id,
                    source.author,
                    source.title,
                    source.publication,
                    source.cite_as,
                    shown=source.cite_as or source.title,
                )
        for card in cards:
            self._add_card(card)
        if base is not None:
            for fact in base.facts.values():
                self._add_fact(fact)
        if self.people is not None:
            for person in sorted(self.people.persons.values(), key=lambda p: fold(p.name)):
                self._add_person(person.id)
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for index, weights in enumerate(self._weights):
            for word, weight in weights.items():
                self._postings.setdefault(word, []).append((index, weight))
        self._vocabulary = sorted(self._postings)
        self._cut: dict[int, list[str]] = {}
        self._matched: dict[str, dict[str, float]] = {}

    # -- making the entries ------------------------------------------------------------------

    def _add(self, entry: Entry, texts: Iterable[tuple[str | None, float]]) -> None:
        weights: dict[str, float] = {}
        for text, weight in texts:
            for word in _words(text or ""):
                if weights.get(word, 0.0) < weight:
                    weights[word] = weight
        self.entries.append(entry)
        self._weights.append(weights)

    def _person_names(self, ids: Iterable[str]) -> list[tuple[str | None, float]]:
        if self.people is None:
            return []
        return [(s, NAMES) for pid in ids for s in self.people.persons[pid].spellings]

    def _topic_titles(self, ids: Iterable[str]) -> list[tuple[str | None, float]]:
        topics = self.base.topics if self.base is not None else {}
        return [(topics[t].title if t in topics else t, TAGS) for t in ids]

    def _add_card(self, card: Card) -> None:
        base = self.base
        facts = [base.facts[f] for f in card.fact_ids if base is not None and f in base.facts]
        people = self.people.of_facts(card.fact_ids) if self.people is not None else ()
        for topic in card.topics:
            self._filters["topic"].add(topic)
        if card.family:
            self._filters["family"].add(card.family)
        self._filters["kind"].add(card.kind)
        for citation in card.sources:
            self._filters["source"].add(
                citation.id,
                citation.author,
                citation.title,
                citation.publication,
                citation.label,
                shown=citation.label or citation.title,
            )
        entry = Entry(
            "card",
            card.id,
            card.prompt,
            _card_detail(card),
            frozenset(card.topics),
            frozenset({card.kind, *(f.kind for f in facts)}),
            frozenset({card.family} if card.family else ()),
            frozenset(c.id for c in card.sources),
            frozenset(people),
        )
        # an ordering or matching card's answer is its items again: no more than its choices
        listed = card.kind in ("ordering", "matching")
        texts: list[tuple[str | None, float]] = [
            (card.prompt, MAIN),
            (card.answer, CHOICES if listed else MAIN),
        ]
        texts += [(t, CHOICES) for t in (*card.accept, *card.choices, *card.items, *card.matches)]
        texts += [(card.explanation, BODY), *((f.statement, BODY) for f in facts)]
        texts += [(c.line(), TAGS) for c in card.sources]
        texts += self._topic_titles(card.topics) + [(card.family, TAGS), (card.kind, TAGS)]
        self._add(entry, texts + self._person_names(people))

    def _add_fact(self, fact: Fact) -> None:
        assert self.base is not None and self.people is not None
        self._filters["kind"].add(fact.kind)
        for topic in fact.topics:
            self._filters["topic"].add(topic)
        people = self.people.of_fact(fact.id)
        citation = Citation.of(self.base, fact)
        when = fact.date.display() if fact.date else ""
        entry = Entry(
            "fact",
            fact.id,
            fact.statement,
            " · ".join(
                part for part in (fact.kind.replace("_", " "), when, citation.line()) if part
            ),
            frozenset(fact.topics),
            frozenset({fact.kind}),
            frozenset(),
            frozenset({fact.source}),
            frozenset(people),
        )
        texts: list[tuple[str | None, float]] = [(fact.statement, MAIN), (fact.note, BODY)]
        texts += [(when, BODY), (citation.line(), TAGS), (fact.kind.replace("_", " "), TAGS)]
        texts += self._topic_titles(fact.topics)
        self._add(entry, texts + self._person_names(people))

    def _add_person(self, person_id: str) -> None:
        assert self.people is not None
        person = self.people.persons[person_id]
        facts = self.people.facts_of(person_id)
        self._filters["person"].add(person_id, *person.spellings, shown=person.name)
        count = len(facts)
        about = f"{count} fact{'s' if count != 1 else ''}"
        entry = Entry(
            "person",
            person_id,
            person.name,
            f"{person.description} · {about}" if person.description else about,
            frozenset(t for f in facts for t in f.topics),
            frozenset(),
            frozenset(),
            frozenset(f.source for f in facts),
            frozenset({person_id}),
        )
        texts: list[tuple[str | None, float]] = [(s, MAIN) for s in person.spellings]
        texts += [(person.description, BODY), (person.sphere, TAGS)]
        self._add(entry, texts)

    # -- searching ---------------------------------------------------------------------------

    def _cut_to(self, length: int) -> list[str]:
        """Each word of the vocabulary cut to ``length`` letters (longer words only matter)."""
        cut = self._cut.get(length)
        if cut is None:
            cut = self._cut[length] = [word[:length] for word in self._vocabulary]
        return cut

    def matches(self, word: str) -> Mapping[str, float]:
        """The words of the index that ``word`` matches, each with how well (100 exactly,
        about 90 as the start of a longer word, less with a slip)."""
        found = self._matched.get(word)
        if found is not None:
            return found
        found = {}
        vocabulary = self._vocabulary
        start = bisect.bisect_left(vocabulary, word)
        for other in vocabulary[start : bisect.bisect_right(vocabulary, word + "\U0010ffff")]:
            found[other] = EXACT if other == word else PREFIX + 10 * len(word) / len(other)
        if len(word) >= SLIP_FROM and not word.isdigit():
            for other, score, _ in process.extract(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=SLIP_CUTOFF, limit=None
            ):
                found[other] = max(found.get(other, 0.0), score * SLIP)
            cut = self._cut_to(len(word))
            for _, score, index in process.extract(
                word, cut, scorer=fuzz.ratio, score_cutoff=SLIP_CUTOFF, limit=None
            ):
                other = vocabulary[index]
                if len(other) > len(word):
                    found[other] = max(found.get(other, 0.0), score * SLIPPED_PREFIX)
        self._matched[word] = found
        return found

    def _allowed(self, name: str, value: str) -> set[str]:
        """The values of filter ``name`` that ``value`` picks out."""
        wanted = _squash(value)
        names = self._filters[name].names
        if name == "is":
            return {what for what, said in names.items() if any(s.startswith(wanted) for s in said)}
        picked = {v for v, said in names.items() if any(wanted in s for s in said)}
        if name == "person" and not picked and len(wanted) >= SLIP_FROM:
            picked = {
                pid
                for pid, said in names.items()
                for spelling in said
                if fuzz.ratio(wanted, spelling) >= SLIP_CUTOFF
                or fuzz.partial_ratio(wanted, spelling) >= SLIP_CUTOFF + 10
            }
        return picked

    def _passes(self, entry: Entry, name: str, allowed: set[str]) -> bool:
        if name == "is":
            return entry.what in allowed
        held = {
            "topic": entry.topics,
            "kind": entry.kinds,
            "family": entry.families,
            "source": entry.sources,
            "person": entry.people,
        }[name]
        return not held.isdisjoint(allowed)

    def search(self, text: str) -> Results:
        """The entries that match what was typed, best first (with no words: every entry
        the filters let through, cards first, then facts, then people)."""
        query = parse_query(text)
        problems = [
            f"'{name}:' is not a filter; the filters are "
            + ", ".join(f"{known}:" for known in FILTERS)
            for name in query.unknown
        ]
        wanted: dict[str, set[str]] = {}
        for name, value in query.filters:
            allowed = self._allowed(name, value)
            if not allowed:
                known = self._filters[name].names
                listed = ", ".join(sorted(known)) if len(known) <= 30 else "none of them"
                problems.append(f"no {name} matches '{value}' (the {name} values are: {listed})")
            wanted.setdefault(name, set()).update(allowed)
        said = tuple(
            f"{name}: " + ", ".join(sorted(self._filters[name].shown[v] for v in allowed))
            for name, allowed in wanted.items()
            if allowed
        )
        if any(not allowed for allowed in wanted.values()):
            return Results((), said, tuple(problems))
        scores = self._scores(query.words)
        indices = range(len(self.entries)) if scores is None else scores.keys()
        kept = [
            index
            for index in indices
            if all(self._passes(self.entries[index], n, a) for n, a in wanted.items())
        ]
        if scores is not None:
            kept.sort(
                key=lambda i: (-scores[i], _WHAT_ORDER[self.entries[i].what], i)  # noqa: B023
            )
        return Results(tuple(self.entries[i] for i in kept), said, tuple(problems))

    def _scores(self, words: tuple[str, ...]) -> dict[int, float] | None:
        """Entry index → its score for the words (the mean of each word's best match), for
        the entries every word matches; None with no words."""
        if not words:
            return None
        total: dict[int, float] | None = None
        for word in dict.fromkeys(words):
            best: dict[int, float] = {}
            for other, score in self.matches(word).items():
                for index, weight in self._postings[other]:
                    value = score * weight
                    if best.get(index, 0.0) < value:
                        best[index] = value
            if total is None:
                total = best
            else:
                total = {i: s + best[i] for i, s in total.items() if i in best}
            if not total:
                return {}
        assert total is not None
        count = len(dict.fromkeys(words))
        return {i: s / count for i, s in total.items()}


def _card_detail(card: Card) -> str:
    """A card's answer in a line, and what it is: "Answer: Beria · question · posts"."""
    if card.kind == "truefalse":
        answer = "True" if card.truth else "False"
    elif card.kind == "ordering":
        answer = " → ".join(card.items)
    else:
        answer = card.answer
    tags = [card.kind] + ([card.family] if card.family else [])
    return f"Answer: {answer} · " + " · ".join(tags)
