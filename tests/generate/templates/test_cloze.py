"""Cloze cards: the key term blanked, with wrong terms that make the sentence false."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.build import generate
from purgequiz.generate.index import FactIndex
from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template, fact, people_base


def test_person_is_blanked(deck: Deck):
    """The new holder of a post is blanked; the sentence keeps everything else."""
    card = by_template(deck, "cloze")["timoshenko-replaces-voroshilov"]
    assert card.kind == "cloze" and card.answer == "Timoshenko"
    assert card.prompt == ("Fill in the blank: _____ replaced Voroshilov as People's Commissar "
                           "of Defence in May 1940.")


def test_execution_cloze_offers_no_other_victim(decks: list[Deck], base: FactBase):
    """'_____ was shot on 12 June 1937' never offers anyone arrested, tried or killed."""
    victims = {base.entities[p].name for p in FactIndex(base).victims()}
    for deck in decks:
        card = by_template(deck, "cloze")["tukhachevsky-executed"]
        assert not (set(card.choices) - {card.answer}) & victims


def test_figure_cloze_keeps_the_qualifier_true(decks: list[Deck]):
    """'more than _____ new generals' is never offered a lower number (also true)."""
    for deck in decks:
        card = by_template(deck, "cloze")["new-generals"]
        assert card.answer == "1,000"
        for choice in set(card.choices) - {card.answer}:
            assert int(choice.replace(",", "")) > 1500


def test_shared_post_cloze_has_no_wrong_choices(deck: Deck):
    """Anyone might also have been a deputy chairman: the cloze is asked without choices."""
    assert by_template(deck, "cloze")["vyshinsky-deputy"].choices == ()


def test_holders_of_the_same_post_under_another_wording_are_not_offered():
    """'_____ headed the army as Commissar for Defence' never offers Timoshenko, who took up
    the same post worded 'People's Commissar of War (Defence)'."""
    facts = [
        fact("a", "replacement", "Timoshenko replaced Voroshilov.",
             'person = "timoshenko"\nreplaced = "voroshilov"\n'
             'role = "People\'s Commissar of War (Defence)"', date="1940-05"),
        fact("b", "appointment", "Voroshilov headed the army as People's Commissar for Defence.",
             'person = "voroshilov"\nrole = "People\'s Commissar for Defence"'),
    ]
    base = people_base(facts)
    for seed in range(15):
        card = by_template(generate(base, seed=seed), "cloze")["b"]
        assert "Timoshenko" not in card.choices
