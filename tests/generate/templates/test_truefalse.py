"""True/false cards: the statement, or a variant the base shows to be false."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template


def test_both_truths_occur_and_false_ones_differ(decks: list[Deck], base: FactBase):
    """Across seeds a card is sometimes true, sometimes false; a false prompt is not the
    statement, a true one is."""
    truths = set()
    for deck in decks:
        for fact_id, card in by_template(deck, "truefalse").items():
            statement = base.facts[fact_id].statement
            truths.add(card.truth)
            assert card.answer == ("True" if card.truth else "False")
            assert (statement in card.prompt) == card.truth
            assert card.choices == ("True", "False")
    assert truths == {True, False}


def test_false_variants_swap_for_known_wrong_terms(decks: list[Deck]):
    """The false variant of Tukhachevsky's arrest names someone the base shows unharmed."""
    for deck in decks:
        card = by_template(deck, "truefalse")["tukhachevsky-arrested"]
        if not card.truth:
            assert not any(name in card.prompt for name in ("Yakir", "Gamarnik"))


def test_false_explanation_gives_the_truth(decks: list[Deck], base: FactBase):
    """A false card's explanation starts 'False.' and states the true fact."""
    for deck in decks:
        for fact_id, card in by_template(deck, "truefalse").items():
            if not card.truth:
                assert card.explanation.startswith("False. " + base.facts[fact_id].statement)



def test_statements_without_their_year_are_dated(decks: list[Deck]):
    """A statement that does not give its year is asked with the fact's date, so a swapped
    name cannot be true of another time; one that gives it is asked as it stands."""
    for deck in decks:
        mekhlis = by_template(deck, "truefalse")["mekhlis-replaces-gamarnik"]
        assert "True or false (1937)?" in mekhlis.prompt
        budenny = by_template(deck, "truefalse")["budenny-relieved"]
        assert "(August 1940)" not in budenny.prompt
