"""The cards made from one fact, and a deck of them to study (the timeline's "study this")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from purgequiz.decks.model import Card, Deck

__all__ = ["FACT_DECK_ID", "cards_by_fact", "fact_deck"]

FACT_DECK_ID = "one-fact"


def cards_by_fact(cards: Iterable[Card]) -> dict[str, tuple[Card, ...]]:
    """Fact id → the cards made from it (a card drawing on several facts is under each)."""
    found: dict[str, list[Card]] = {}
    for card in cards:
        for fact_id in dict.fromkeys(card.fact_ids):
            found.setdefault(fact_id, []).append(card)
    return {fact_id: tuple(held) for fact_id, held in found.items()}


def fact_deck(fact_id: str, by_fact: Mapping[str, tuple[Card, ...]], title: str) -> Deck:
    """A deck of exactly the cards made from ``fact_id`` (none when no card is)."""
    return Deck(
        FACT_DECK_ID, title, f"The cards made from the fact {fact_id}.", by_fact.get(fact_id, ())
    )
