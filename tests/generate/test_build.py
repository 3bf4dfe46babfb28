"""Generation as a whole: pure, deterministic, and every card well made."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from purgequiz.decks.fileformat import dump_deck
from purgequiz.decks.model import Card, Deck
from purgequiz.facts import FactBase
from purgequiz.generate.build import NoCardsError, compile_cards, generate
from purgequiz.generate.registry import REGISTRY
from purgequiz.generate.select import Filters


def test_same_seed_gives_the_same_bytes(base: FactBase):
    """The same base, filters and seed give a byte-identical deck file."""
    assert dump_deck(generate(base, seed=5)) == dump_deck(generate(base, seed=5))


def test_other_seeds_keep_the_card_ids(decks: list[Deck]):
    """Card ids come from facts and templates, never from the seed."""
    ids = [tuple(card.id for card in deck.cards) for deck in decks]
    assert len(set(ids)) == 1
    assert len({dump_deck(deck) for deck in decks}) > 1


def test_card_ids_name_fact_and_template(deck: Deck):
    """A one-fact card's id is '<fact-id>:<template>'; a card of several, 'set-…'."""
    for card in deck.cards:
        if len(card.fact_ids) == 1:
            assert card.id == f"{card.fact_ids[0]}:{card.template}"
        else:
            assert card.id.startswith("set-") and card.id.endswith(f":{card.template}")


def test_built_from_records_checksum_seed_and_filters(base: FactBase):
    """The deck says what it was built from."""
    deck = generate(base, Filters(topics=("army",)), seed=7)
    assert deck.built_from == {
        "facts_checksum": base.checksum(),
        "seed": 7,
        "filters": Filters(topics=("army",)).to_dict(),
    }


def test_every_card_carries_explanation_sources_and_answers(deck: Deck):
    """Every card explains itself, cites its source with paragraphs, and a question
    accepts its own answer."""
    for card in deck.cards:
        assert card.explanation and card.sources and card.sources[0].paragraphs
        if card.kind == "question":
            assert card.answer in card.accept
            assert card.answer_type in ("entity", "number", "date", "text")


def test_notes_reach_the_explanation(deck: Deck, base: FactBase):
    """A fact's gloss (what an abbreviation means, a known error) is shown with its cards."""
    glossed = [
        card for card in deck.cards if len(card.fact_ids) == 1 and base.facts[card.fact_ids[0]].note
    ]
    assert glossed
    for card in glossed:
        assert base.facts[card.fact_ids[0]].note in card.explanation, card.id


def test_a_filter_that_leaves_nothing_is_an_error(base: FactBase):
    """No cards is an error unless asked for."""
    with pytest.raises(NoCardsError):
        generate(base, Filters(years=(1900, 1901)))
    assert generate(base, Filters(years=(1900, 1901)), allow_empty=True).cards == ()


def test_a_card_drawing_more_leaves_the_others_draws_as_they_were(
    base: FactBase, cards: list[Card], monkeypatch: pytest.MonkeyPatch
):
    """Each question draws from a generator of its own: when one template draws more (as a
    card made, or no longer made, would), every other card keeps its choices and their order."""
    busy = REGISTRY["when"]

    def drawing_more(ctx, *args):
        ctx.rng.random()
        ctx.rng.shuffle(list(range(10)))
        yield from busy.make(ctx, *args)

    monkeypatch.setitem(REGISTRY, "when", replace(busy, make=drawing_more))
    again = {card.id: card for card in compile_cards(base, random.Random(1937))}
    others = [card for card in cards if card.template != "when"]
    assert others and all(again[card.id] == card for card in others)
    assert any(again[card.id] != card for card in cards if card.template == "when")
