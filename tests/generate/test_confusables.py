"""Siblings and confusables."""

from __future__ import annotations

from purgequiz.decks.model import Deck


def test_cards_of_one_fact_are_siblings(deck: Deck):
    """Every card made from a fact lists the others made from it, and never itself."""
    ids = {card.id: card for card in deck.cards}
    for card in deck.cards:
        assert card.id not in card.siblings
    pairs = [(card, sibling) for card in deck.cards for sibling in card.siblings]
    assert pairs
    for card, sibling in pairs:
        assert set(ids[sibling].fact_ids) & set(card.fact_ids)
        assert card.id in ids[sibling].siblings


def test_same_question_about_the_same_person_is_confusable(deck: Deck):
    """The questions 'whom did Stalin appoint …' answered by Mekhlis for his several
    appointments are confusable with each other; figures far apart are not."""
    posts = [
        c
        for c in deck.cards
        if c.template == "who-appointed" and c.fact_ids[0].startswith("w40-mekhlis")
    ]
    assert len(posts) >= 2
    for card in posts:
        assert {p.id for p in posts} - {card.id} <= set(card.confusable)
    figures = {c.fact_ids[0]: c for c in deck.cards if c.template == "figure"}
    assert figures["ch7-army-size-1938"].id not in figures["ch7-army-growth-1935-1938"].confusable


def test_links_point_inside_the_deck(deck: Deck):
    """Sibling and confusable ids name cards of the same deck."""
    ids = {card.id for card in deck.cards}
    assert any(card.siblings for card in deck.cards)
    assert any(card.confusable for card in deck.cards)
    for card in deck.cards:
        assert set(card.siblings) <= ids and set(card.confusable) <= ids
