"""Generation as a whole: pure, deterministic, and every card well made."""

from __future__ import annotations

import pytest

from purgequiz.facts import FactBase
from purgequiz.generate.build import NoCardsError, generate
from purgequiz.generate.deckfile import dump_deck
from purgequiz.generate.model import Deck
from purgequiz.generate.phrasing import normalize
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
    """A one-fact card's id is '<fact-id>:<template>'."""
    for card in deck.cards:
        if len(card.fact_ids) == 1:
            assert card.id == f"{card.fact_ids[0]}:{card.template}"


def test_built_from_records_checksum_seed_and_filters(base: FactBase):
    """The deck says what it was built from."""
    deck = generate(base, Filters(topics=("army",)), seed=7)
    assert deck.built_from == {"facts_checksum": base.checksum(), "seed": 7,
                               "filters": Filters(topics=("army",)).to_dict()}


def test_every_card_carries_explanation_sources_and_answers(deck: Deck):
    """Every card explains itself, cites its source with paragraphs, and question and cloze
    cards accept their own answer."""
    for card in deck.cards:
        assert card.explanation and card.sources and card.sources[0].paragraphs
        if card.kind in ("question", "cloze"):
            assert card.answer in card.accept
            assert card.answer_type in ("entity", "number", "date", "text")
        if card.choices and card.kind != "truefalse":
            assert card.answer in card.choices and 3 <= len(card.choices) <= 4


def test_no_answer_in_its_own_prompt(decks: list[Deck]):
    """No question or cloze card names its answer in the prompt."""
    for deck in decks:
        for card in deck.cards:
            if card.kind in ("question", "cloze"):
                assert normalize(card.answer) not in normalize(card.prompt), card.id


def test_attributed_facts_are_asked_with_attribution(deck: Deck, base: FactBase):
    """Every card from a claim, estimate or interpretation carries its attribution or names
    the claimant in its prompt."""
    for card in deck.cards:
        fact = base.facts[card.fact_ids[0]]
        if card.template == "figure-source":
            continue  # asks who gave the figure: the attribution is its answer
        if len(card.fact_ids) == 1 and not fact.attribution.is_record:
            assert card.attribution == "According to Wright (1940)", card.id
            assert card.prompt.startswith("According to") or "Wright" in card.prompt, card.id


def test_a_filter_that_leaves_nothing_is_an_error(base: FactBase):
    """No cards is an error unless asked for."""
    with pytest.raises(NoCardsError):
        generate(base, Filters(years=(1900, 1901)))
    assert generate(base, Filters(years=(1900, 1901)), allow_empty=True).cards == ()
