"""The shipped decks: up to date with the bundled facts, and well made."""

from __future__ import annotations

import pytest

from purgequiz import paths
from purgequiz.decks.model import Deck
from purgequiz.facts import FactBase, load
from purgequiz.generate.checks import card_problems
from purgequiz.generate.shipped import SHIPPED, build_shipped_decks, stale_decks


@pytest.fixture(scope="module")
def bundled() -> FactBase:
    result = load(paths.bundled_seeds_dir())
    assert result.base is not None and not result.problems
    return result.base


@pytest.fixture(scope="module")
def shipped(bundled: FactBase) -> list[Deck]:
    decks = build_shipped_decks(bundled)
    assert decks and all(deck.cards for deck in decks)  # or the tests below check nothing
    return decks


def test_shipped_decks_are_up_to_date(bundled: FactBase):
    """Every file in decks/ is exactly what the bundled facts build now (run
    'purgequiz decks build-shipped' after changing the facts)."""
    assert stale_decks(bundled, paths.bundled_decks_dir()) == []


def test_the_themed_decks_exist_and_hold_cards(shipped: list[Deck], bundled: FactBase):
    """The full deck and each themed deck have cards, all of them cards the base compiles;
    the full deck leaves out only the details (importance 1)."""
    import random

    from purgequiz.generate.build import compile_cards
    from purgequiz.generate.select import importance

    assert [deck.id for deck in shipped] == [spec.id for spec in SHIPPED]
    compiled = {card.id: card for card in compile_cards(bundled, random.Random(1937))}
    for deck in shipped:
        assert deck.cards, deck.id
        assert {card.id for card in deck.cards} <= set(compiled)
    left_out = set(compiled) - {card.id for card in shipped[0].cards}
    assert all(importance(compiled[c], bundled) == 1 for c in left_out)


def test_shipped_cards_pass_the_checks(shipped: list[Deck]):
    """No shipped card gives its answer away or has bad choices; prompts do not repeat."""
    for deck in shipped:
        assert [(c.id, p) for c in deck.cards for p in card_problems(c)] == []
        assert len({(c.prompt, c.items) for c in deck.cards}) == len(deck.cards)


def test_no_shipped_card_comes_from_bibliography(shipped: list[Deck], bundled: FactBase):
    """No card asks about footnotes or which work a footnote cites."""
    for card in shipped[0].cards:
        assert "footnote" not in card.prompt.lower()
        assert all(bundled.facts[f].askable for f in card.fact_ids)


def test_card_ids_do_not_depend_on_the_seed(bundled: FactBase):
    """On the real base too, every seed gives the same cards (only choices and truths vary)."""
    from purgequiz.generate.build import generate

    ids = {tuple(card.id for card in generate(bundled, seed=seed).cards) for seed in range(4)}
    assert len(ids) == 1


def test_every_fact_that_teaches_yields_a_shipped_card(shipped: list[Deck], bundled: FactBase):
    """At most one in twenty of the facts that can be asked is missing from every shipped
    deck (details, importance 1, are left out of the full deck but not of the themed ones)."""
    used = {f for deck in shipped for card in deck.cards for f in card.fact_ids}
    askable = [f for f in bundled.facts.values() if f.askable]
    assert len([f for f in askable if f.id not in used]) <= 0.05 * len(askable)
