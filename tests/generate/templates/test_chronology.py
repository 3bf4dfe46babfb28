"""Dates: 'When did this happen?' and ordering cards."""

from __future__ import annotations

import re

from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template


def test_when_lifts_the_date_out_of_the_statement(deck: Deck):
    """The statement is shown without its date, which is the answer."""
    card = by_template(deck, "when")["political-department-abolished"]
    assert card.prompt == ("When did this happen? The Political Department of the Red Army "
                           "was abolished.")
    assert card.answer == "August 1940" and card.answer_type == "date"
    assert "1940-08" in card.accept


def test_date_choices_share_the_answers_precision(decks: list[Deck]):
    """A month answer is set beside other months, a day beside other days."""
    for deck in decks:
        for card in deck.cards:
            if card.template == "when" and card.choices:
                words = {len(choice.split()) for choice in card.choices}
                assert len(words) == 1, card.choices


def test_claims_have_no_when_question(deck: Deck):
    """An opinion has no date of its own, so it gets no 'when' card."""
    assert "gamarnik-executed-wright" not in by_template(deck, "when")


def test_ordering_cards_hide_their_dates(deck: Deck):
    """Ordering items are in date order and carry no year or month to give it away."""
    orders = [card for card in deck.cards if card.template == "order"]
    assert orders
    for card in orders:
        assert 3 <= len(card.items) <= 5
        for item in card.items:
            assert not re.search(r"\b19\d\d\b|\b(May|June|August)\b", item)
        assert card.answer == " \u2192 ".join(card.items)
