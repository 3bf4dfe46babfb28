"""Siblings and confusables."""

from __future__ import annotations

from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template


def test_cards_of_one_fact_are_siblings(deck: Deck):
    """Every card made from a fact lists the others made from it, and never itself."""
    ids = {card.id: card for card in deck.cards}
    for card in deck.cards:
        assert card.id not in card.siblings
        for sibling in card.siblings:
            assert set(ids[sibling].fact_ids) & set(card.fact_ids)
            assert card.id in ids[sibling].siblings


def test_same_question_about_the_same_person_is_confusable(deck: Deck):
    """The two cloze cards about Tukhachevsky (arrest, execution) are confusable."""
    arrest = by_template(deck, "cloze")["tukhachevsky-arrested"]
    execution = by_template(deck, "cloze")["tukhachevsky-executed"]
    assert execution.id in arrest.confusable and arrest.id in execution.confusable


def test_nearly_equal_figures_are_confusable(deck: Deck):
    """Figures of one unit within a quarter of each other are confusable; far ones are not."""
    cards = by_template(deck, "figure")
    assert cards["removed-1938"].id not in cards["removed-1937"].confusable


def test_links_point_inside_the_deck(deck: Deck):
    """Sibling and confusable ids name cards of the same deck."""
    ids = {card.id for card in deck.cards}
    for card in deck.cards:
        assert set(card.siblings) <= ids and set(card.confusable) <= ids
