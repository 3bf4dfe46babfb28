"""Trials, institutional changes and quotations."""

from __future__ import annotations

from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template


def test_trial_questions(deck: Deck):
    """A trial's place, number accused, accused and outcome are asked."""
    assert by_template(deck, "trial-place")["baku-trial"].answer == "Baku"
    count = by_template(deck, "trial-accused-count")["baku-trial"]
    assert count.answer == "14" and count.answer_type == "number"
    accused = by_template(deck, "trial-accused")["baku-trial"]
    assert accused.prompt == ("According to Wright (1940), which of these was among the accused "
                              "in the trial of the Azerbaijan leaders?")
    assert accused.answer == "Muzabekov"


def test_trial_place_not_asked_when_its_name_gives_it(deck: Deck):
    """'Where was the Gomel tribunal held?' would give Gomel away."""
    assert "gomel-trial" not in by_template(deck, "trial-place")


def test_institutional_change(deck: Deck):
    """What happened to an institution; no other kind of ending ('divided', 'dissolved') is
    offered as wrong beside 'abolished'."""
    card = by_template(deck, "institution-change")["political-department-abolished"]
    assert card.answer == "abolished"
    assert not {"dissolved", "disbanded", "divided among several ministries"} & set(card.choices)


def test_quotation_speaker(deck: Deck):
    """The speaker of a quotation relayed by Wright is asked with his attribution."""
    card = by_template(deck, "quote-speaker")["trotsky-army"]
    assert card.answer == "Trotsky" and card.prompt.startswith("According to Wright (1940)")
