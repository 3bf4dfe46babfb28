"""Fates: executed, suicide, survived; 'which of these …' over groups."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.index import FactIndex
from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template


def test_fate_choices_never_include_another_claimed_fate(decks: list[Deck]):
    """Gamarnik's suicide (record) is never offered 'executed' (Wright's claim) as wrong."""
    for deck in decks:
        card = by_template(deck, "fate")["gamarnik-suicide"]
        assert card.answer == "died by suicide"
        assert "executed" not in card.choices


def test_conflicting_claims_are_attributed_and_explained(deck: Deck):
    """Wright's contrary claim is asked 'According to Wright (1940)', and the explanation
    of the record names the other account."""
    claim = by_template(deck, "fate")["gamarnik-executed-wright"]
    record = by_template(deck, "fate")["gamarnik-suicide"]
    assert claim.prompt.startswith("According to Wright (1940), what was the fate")
    assert record.attribution is None and "Wright called Gamarnik executed" in record.explanation
    assert "Gamarnik took his own life" in claim.explanation


def test_group_members_and_wrong_answers(decks: list[Deck], base: FactBase):
    """'Which of these was among the marshals who survived 1938?': one member, and the
    wrong answers are people the base shows did not survive."""
    dead = FactIndex(base).known["execution"] | FactIndex(base).known["suicide"]
    names = {base.entities[p].name for p in dead}
    for deck in decks:
        card = by_template(deck, "group-member")["surviving-marshals"]
        assert card.answer in ("Voroshilov", "Budenny")
        wrong = set(card.choices) - {card.answer}
        assert wrong and wrong <= names


def test_executed_group_distractors_are_not_victims(decks: list[Deck], base: FactBase):
    """For 'which of these was executed', no wrong answer was arrested, tried or killed."""
    index = FactIndex(base)
    victims = {base.entities[p].name for p in index.victims()}
    for deck in decks:
        card = by_template(deck, "group-member")["june-1937-executed"]
        assert not (set(card.choices) - {card.answer}) & victims


def test_bibliographic_groups_give_no_cards(deck: Deck):
    """A footnote's list of works is not history: no card is made from it."""
    assert not any("footnote-works" in card.fact_ids for card in deck.cards)


def test_arrest_charge(deck: Deck):
    """The charge of an arrest is asked; 'Who was arrested in May 1937?' is not, since
    two people were."""
    assert by_template(deck, "arrest-charge")["tukhachevsky-arrested"].answer == \
        "alleged military conspiracy"
    assert not by_template(deck, "who-arrested")
