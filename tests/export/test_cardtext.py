"""A card's parts as the exports show them."""

from __future__ import annotations

import dataclasses

from purgequiz.decks.model import Deck
from purgequiz.export.cardtext import citations, pairs, shuffled


def test_shuffled_is_the_same_every_time_and_never_the_answer(awkward_deck: Deck) -> None:
    """The things come out in an order drawn from the card's id: the same on every call, all of
    them once, and never the order given (for two things, one card in two would otherwise
    show the answer)."""
    card = awkward_deck.cards[0]
    for count in (2, 3, 5):
        things = tuple(f"event {n}" for n in range(count))
        for number in range(100):
            numbered = dataclasses.replace(card, id=f"card-{number}")
            order = shuffled(numbered, things)
            assert order == shuffled(numbered, things)
            assert sorted(order) == sorted(things) and order != things


def test_things_that_cannot_be_reordered_are_left_as_they_are(awkward_deck: Deck) -> None:
    """One thing, or the same thing twice, has no other order to show."""
    card = awkward_deck.cards[0]
    assert shuffled(card, ("only",)) == ("only",)
    assert shuffled(card, ("same", "same")) == ("same", "same")
    assert shuffled(card, ()) == ()


def test_pairs_and_citations(awkward_deck: Deck) -> None:
    """A matching card's pairs join each thing with its match; a source cited twice is listed
    once."""
    matching = next(c for c in awkward_deck.cards if c.kind == "matching")
    assert pairs(matching) == tuple(zip(matching.items, matching.matches, strict=True))
    source = matching.sources[0]
    assert citations((source, source)) == (source.line(),)
