"""Chronology: the deck's ordering cards, each scored by how much of its order is right (pure).

* The rounds: ``size`` (5 by default) of the deck's ordering cards, drawn with the session's
  Random, each asked once; answers are logged as practice.
* The score of a round is the number of **pairs in the right order**: of every two events,
  whether the earlier one comes first. It is the number of pairs, n(n-1)/2 for n events, less
  the **Kendall tau distance** (the pairs the wrong way round; each swap of two neighbours
  puts one pair right or wrong). Four events have 6 pairs: the right order scores 6, the
  reverse 0, and two neighbours swapped 5. The events in the right position are counted and
  shown beside it. "I don't know" scores 0.
* The dates shown afterwards come from the fact base: each event is the fact of the same
  place in the card's ``fact_ids`` (as the decks are made); without the fact base they are
  not shown (the card's explanation gives them in words).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from purgequiz.decks.model import Deck
from purgequiz.facts.model import Fact
from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.records import ProgressStore

__all__ = [
    "CHRONOLOGY_SIZE",
    "OrderScore",
    "event_dates",
    "kendall_tau_distance",
    "order_score",
    "ordering_cards",
    "start_chronology",
]

CHRONOLOGY_SIZE = 5


def ordering_cards(deck: Deck) -> list[str]:
    """The ids of the deck's ordering cards (of at least two events)."""
    return [card.id for card in deck.cards if card.kind == "ordering" and len(card.items) >= 2]


def start_chronology(
    deck: Deck,
    profile: ProgressStore,
    now: datetime,
    rng: random.Random,
    size: int = CHRONOLOGY_SIZE,
) -> PracticeSession:
    """A chronology of ``size`` of the deck's ordering cards (fewer when it has fewer)."""
    return PracticeSession(
        deck,
        profile,
        now,
        rng,
        mode="chronology",
        card_ids=ordering_cards(deck),
        size=size,
        again_after=None,
    )


def kendall_tau_distance(given: Sequence[str], correct: Sequence[str]) -> int:
    """The number of pairs of events that ``given`` puts the other way round from
    ``correct`` (both the same events, each once)."""
    if sorted(given) != sorted(correct) or len(set(correct)) != len(correct):
        raise ValueError("the order given must hold the same events, each once")
    place = {event: n for n, event in enumerate(given)}
    ranks = [place[event] for event in correct]
    return sum(
        1
        for first in range(len(ranks))
        for second in range(first + 1, len(ranks))
        if ranks[first] > ranks[second]
    )


@dataclass(frozen=True)
class OrderScore:
    """How right an order is: its pairs in the right order of all its pairs, the Kendall tau
    distance (pairs the wrong way round), and the events in their right position."""

    events: int
    pairs: int
    distance: int
    in_place: int

    @property
    def points(self) -> int:
        """The pairs in the right order: the score."""
        return self.pairs - self.distance


def order_score(given: Sequence[str], correct: Sequence[str]) -> OrderScore:
    """The score of ``given`` against ``correct``; nothing given ("I don't know") scores 0,
    with every pair counted as wrong."""
    n = len(correct)
    pairs = n * (n - 1) // 2
    if not given:
        return OrderScore(n, pairs, pairs, 0)
    in_place = sum(1 for a, b in zip(given, correct, strict=True) if a == b)
    return OrderScore(n, pairs, kendall_tau_distance(given, correct), in_place)


def event_dates(
    fact_ids: Sequence[str], items: Sequence[str], facts: Mapping[str, Fact]
) -> tuple[str, ...] | None:
    """The date of each event as the fact base gives it ("May 1937", "1938"), in the card's
    order; None unless every event's fact is there, dated."""
    if len(fact_ids) != len(items):
        return None
    dates = []
    for fact_id in fact_ids:
        fact = facts.get(fact_id)
        if fact is None or fact.date is None:
            return None
        dates.append(fact.date.display())
    return tuple(dates)
