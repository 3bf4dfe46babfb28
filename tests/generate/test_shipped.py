"""The shipped decks: up to date with the bundled facts, and well made."""

from __future__ import annotations

import pytest

from purgequiz import paths
from purgequiz.facts import FactBase, load
from purgequiz.generate.checks import card_problems
from purgequiz.generate.model import Deck
from purgequiz.generate.shipped import SHIPPED, build_shipped_decks, stale_decks


@pytest.fixture(scope="module")
def bundled() -> FactBase:
    result = load(paths.bundled_seeds_dir())
    assert result.base is not None and not result.problems
    return result.base


@pytest.fixture(scope="module")
def shipped(bundled: FactBase) -> list[Deck]:
    return build_shipped_decks(bundled)


def test_shipped_decks_are_up_to_date(bundled: FactBase):
    """Every file in decks/ is exactly what the bundled facts build now (run
    'purgequiz decks build-shipped' after changing the facts)."""
    assert stale_decks(bundled, paths.bundled_decks_dir()) == []


def test_the_themed_decks_exist_and_hold_cards(shipped: list[Deck]):
    """The full deck and each themed deck have cards; the full one has them all."""
    assert [deck.id for deck in shipped] == [spec.id for spec in SHIPPED]
    full = {card.id for card in shipped[0].cards}
    for deck in shipped:
        assert deck.cards, deck.id
        assert {card.id for card in deck.cards} <= full


def test_shipped_cards_pass_the_checks(shipped: list[Deck]):
    """No shipped card gives its answer away or has bad choices; prompts do not repeat."""
    for deck in shipped:
        assert [(c.id, p) for c in deck.cards for p in card_problems(c)] == []
        assert len({(c.prompt, c.items) for c in deck.cards}) == len(deck.cards)


def test_no_shipped_card_comes_from_bibliography(shipped: list[Deck]):
    """No card asks about footnotes or which work a footnote cites."""
    for card in shipped[0].cards:
        assert "footnote" not in card.prompt.lower() or card.kind in ("cloze", "truefalse")


def test_claims_in_the_shipped_decks_carry_their_claimant(shipped: list[Deck],
                                                          bundled: FactBase):
    """Every card from a claim, estimate, interpretation or report names who makes it."""
    from purgequiz.generate.phrasing import claimant_names, mentions

    for card in shipped[0].cards:
        fact = bundled.facts[card.fact_ids[0]]
        if len(card.fact_ids) > 1 or card.template == "figure-source" or \
                fact.attribution.is_record:
            continue
        assert card.prompt.startswith("According to") or \
            mentions(card.prompt, claimant_names(bundled, fact)), card.id


def test_card_ids_do_not_depend_on_the_seed(bundled: FactBase):
    """On the real base too, every seed gives the same cards (only choices and truths vary)."""
    from purgequiz.generate.build import generate

    ids = {tuple(card.id for card in generate(bundled, seed=seed).cards) for seed in range(8)}
    assert len(ids) == 1


def test_no_wrong_choice_is_also_right_on_the_real_base(shipped: list[Deck],
                                                         bundled: FactBase):
    """On the bundled facts: no wrong answer to 'who replaced/was appointed' took up that
    post, none to 'who was arrested/executed' or an execution cloze was ever a victim, and
    no wrong fate is one the base gives or mentions for the person."""
    from purgequiz.generate.index import FactIndex

    index = FactIndex(bundled)
    name_of = {e.name: e.id for e in bundled.entities.values()}
    victims = index.victims()
    for card in shipped[0].cards:
        fact = bundled.facts[card.fact_ids[0]]
        wrong = [c for c in card.choices if c != card.answer]
        if card.template in ("who-replaced", "who-appointed"):
            assert not any(index.holds(name_of.get(w, ""), fact.get("role")) for w in wrong), \
                card.id
        if card.template in ("who-arrested", "who-executed") or (
                card.template == "cloze" and fact.kind in ("arrest", "execution")):
            assert not {name_of.get(w) for w in wrong} & victims, card.id
        if card.template == "fate":
            claimed = set(index.fates.get(fact.get("person"), {})) | set(
                index.mentioned_fates(fact.get("person")))
            labels = {"execution": "executed", "suicide": "died by suicide",
                      "survival": "survived"}
            assert not {labels[k] for k in claimed if k in labels} & set(wrong), card.id
