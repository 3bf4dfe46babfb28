"""Small decks for engine tests (imported by tests/learn and tests/store)."""

from __future__ import annotations

from purgequiz.generate.model import Card, Citation, Deck

SOURCE = Citation("s1", "A source", "An author", "A journal", "1990", (1,))


def card(card_id: str, answer: str = "Yezhov", **fields) -> Card:
    values = dict(kind="question", template="t", prompt=f"Who? ({card_id})", answer=answer,
                  explanation="Because.", sources=(SOURCE,), fact_ids=(f"f-{card_id}",),
                  topics=("nkvd",), answer_type="entity", choices=(answer, "Other", "Third"))
    values.update(fields)
    return Card(id=card_id, **values)


def deck(*cards: Card, deck_id: str = "test") -> Deck:
    return Deck(deck_id, "Test deck", "", tuple(cards))


def plain_deck(count: int) -> Deck:
    return deck(*(card(f"c{i:03d}", f"Answer {i}", answer_type="text",
                       choices=(f"Answer {i}", "x", "y")) for i in range(count)))
