"""The cards made from one fact, and the deck of them that "study this" starts."""

from __future__ import annotations

from purgequiz.decks.factcards import FACT_DECK_ID, cards_by_fact, fact_deck
from purgequiz.decks.model import Card, Deck


def _card(ident: str, *facts: str) -> Card:
    return Card(ident, "question", "t", "Q?", "A", "Because.", (), facts, ("army",))


def test_a_card_is_under_each_of_its_facts_once():
    """A card on two facts is under both; a fact named twice on one card counts it once."""
    cards = [_card("one", "f1"), _card("both", "f1", "f2"), _card("twice", "f2", "f2")]
    found = {fact: [c.id for c in held] for fact, held in cards_by_fact(cards).items()}
    assert found == {"f1": ["one", "both"], "f2": ["both", "twice"]}


def test_the_deck_of_a_fact_holds_exactly_its_cards(deck: Deck):
    """The deck made for a fact holds its cards and no other; a fact with none gives none."""
    by_fact = cards_by_fact(deck.cards)
    fact_id = next(iter(by_fact))
    made = fact_deck(fact_id, by_fact, "One fact")
    assert made.id == FACT_DECK_ID and made.title == "One fact"
    assert [c.id for c in made.cards] == [c.id for c in deck.cards if fact_id in c.fact_ids]
    assert fact_deck("no-such-fact", by_fact, "None").cards == ()
