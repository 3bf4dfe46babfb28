"""Choosing which cards go in a deck: filters by topic, kind, source, years and difficulty,
and counting down to a number of cards balanced across topics."""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from purgequiz.decks.model import CARD_KINDS, Card
from purgequiz.facts import KINDS, FactBase
from purgequiz.generate.registry import FAMILIES

__all__ = [
    "FilterError",
    "Filters",
    "check_known",
    "importance",
    "kind_names",
    "parse_range",
    "select",
]


class FilterError(ValueError):
    """A filter that cannot be used: an unknown topic, kind or source, or a bad range."""


@dataclass(frozen=True)
class Filters:
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    difficulty: tuple[int, int] | None = None
    count: int | None = None
    importance: int | None = None  # the least importance of a card's weightiest fact
    exclude: tuple[str, ...] = ()  # card ids a teacher left out

    def to_dict(self) -> dict[str, Any]:
        """The stored form, as the deck's ``built_from.filters`` records it."""
        return {
            "topics": list(self.topics),
            "kinds": list(self.kinds),
            "sources": list(self.sources),
            "years": list(self.years) if self.years else None,
            "difficulty": list(self.difficulty) if self.difficulty else None,
            "count": self.count,
            "importance": self.importance,
            "exclude": list(self.exclude),
        }

    def check(self, base: FactBase) -> None:
        """Raise :class:`FilterError` for a topic, kind or source the base does not have."""
        check_known("topic", self.topics, base.topics)
        check_known("kind", self.kinds, kind_names())
        check_known("source", self.sources, base.sources)
        if self.count is not None and self.count < 1:
            raise FilterError(f"--count must be at least 1, not {self.count}")
        if self.importance is not None and not 1 <= self.importance <= 3:
            raise FilterError(f"--importance must be 1, 2 or 3, not {self.importance}")


def check_known(name: str, given: Iterable[str], known: Collection[str]) -> None:
    """Raise :class:`FilterError` for the first of ``given`` that is not ``known``, listing
    what is: "unknown topic 'navy'; choose from: army, decrees, …"."""
    for value in given:
        if value not in known:
            raise FilterError(f"unknown {name} {value!r}; choose from: {', '.join(sorted(known))}")


def kind_names() -> tuple[str, ...]:
    """Everything ``--kind`` accepts: card kinds, question families and fact kinds."""
    return CARD_KINDS + tuple(FAMILIES) + tuple(KINDS)


def parse_range(text: str, what: str, low: int, high: int) -> tuple[int, int]:
    """'1937-1938' or '1937' (or '1-3', '2') as an inclusive range within low..high."""
    match = re.fullmatch(r"\s*(\d+)\s*(?:[-\u2013]\s*(\d+))?\s*", text or "")
    if not match:
        raise FilterError(f"{what} must be written like {low}-{high} or {low}, not {text!r}")
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    if first > last:
        raise FilterError(f"{what} {text!r} ends before it starts")
    if first < low or last > high:
        raise FilterError(f"{what} must lie between {low} and {high}, not {text!r}")
    return first, last


def _matches(card: Card, filters: Filters, base: FactBase) -> bool:
    if filters.topics and not set(filters.topics) & set(card.topics):
        return False
    facts = [base.facts[f] for f in card.fact_ids]
    if filters.kinds:
        names = {card.kind, card.family, *(f.kind for f in facts)}
        if not names & set(filters.kinds):
            return False
    if filters.sources and not {f.source for f in facts} & set(filters.sources):
        return False
    if filters.years:
        if card.year is None or not filters.years[0] <= card.year <= filters.years[1]:
            return False
    if filters.importance and importance(card, base) < filters.importance:
        return False
    if filters.difficulty:
        return filters.difficulty[0] <= card.difficulty <= filters.difficulty[1]
    return True


def importance(card: Card, base: FactBase) -> int:
    """How much a card is worth learning: the importance of its weightiest fact."""
    return max(base.facts[f].importance for f in card.fact_ids)


def select(
    cards: Sequence[Card], filters: Filters, base: FactBase, rng: random.Random
) -> list[Card]:
    """The cards that pass the filters; with a count, that many, taken in turn from each
    topic so no topic crowds out the others, the most important first (in random order
    among equals). The result keeps the cards' original order."""
    unknown = sorted(set(filters.exclude) - {card.id for card in cards})
    if unknown:
        raise FilterError(
            f"--exclude: no card has the id {unknown[0]!r} (each card's id is shown by "
            "'purgequiz decks show DECK')"
        )
    # Excluded cards are drawn like the others and then passed over, so leaving one card out
    # changes the selection by that card and its replacement only.
    excluded = set(filters.exclude)
    chosen = [card for card in cards if _matches(card, filters, base)]
    kept = [card for card in chosen if card.id not in excluded]
    if filters.count is None or filters.count >= len(kept):
        return kept
    topics = sorted(filters.topics or {t for card in chosen for t in card.topics})
    queues: dict[str, list[Card]] = {}
    for topic in topics:
        queue = [card for card in chosen if topic in card.topics]
        rng.shuffle(queue)
        queue.sort(key=lambda card: importance(card, base))  # popped from the end: most first
        queues[topic] = queue
    taken: set[str] = set()
    while len(taken) < filters.count and any(queues.values()):
        for topic in topics:
            queue = queues[topic]
            while queue and (queue[-1].id in taken or queue[-1].id in excluded):
                queue.pop()
            if queue and len(taken) < filters.count:
                taken.add(queue.pop().id)
    return [card for card in chosen if card.id in taken]
