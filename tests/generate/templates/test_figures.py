"""Figures: 'what figure is given for …' with wrong figures from the same table first."""

from __future__ import annotations

from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template


def test_series_figures_are_the_wrong_answers(decks: list[Deck]):
    """The 1938 and 1939 figures of the table are offered beside the 1937 one."""
    seen = set()
    for deck in decks:
        card = by_template(deck, "figure")["removed-1937"]
        assert card.answer == "18,000" and card.answer_type == "number"
        assert "18000" in card.accept
        seen |= set(card.choices)
    assert {"9,000", "4,000"} <= seen


def test_ranges_keep_the_source_range(deck: Deck):
    """Wright's estimate keeps its range and is asked with his name."""
    card = by_template(deck, "figure")["army-victims-wright"]
    assert card.answer == "from 20,000 to 40,000 people"
    assert card.prompt.startswith("According to Wright (1940), what figure is given for")


def test_open_ended_figures_get_no_lower_open_ended_choice(decks: list[Deck]):
    """'more than 1,000' is never set beside 'more than 500', which would also be true."""
    for deck in decks:
        card = by_template(deck, "figure")["new-generals"]
        for choice in set(card.choices) - {card.answer}:
            number = int(choice.split()[-1].replace(",", ""))
            assert number > 1500


def test_who_gave_a_relayed_figure(deck: Deck):
    """A figure Wright relays from Havas is asked as 'Which paper or agency reported …'."""
    card = by_template(deck, "figure-source")["havas-403"]
    assert card.prompt.startswith("Which paper or agency reported the figure of 403")
    assert card.answer == "Havas"


def test_counts_out_of_a_whole_stay_within_it():
    """'seven of the ten deputies' is never offered a wrong answer above ten."""
    from purgequiz.generate.templates.figures import out_of

    assert out_of("deputies executed, out of ten") == 10
    assert out_of("heads of units executed, out of 13") == 13
    assert out_of("officers removed") is None


def test_a_sources_own_figures_are_not_asked_who_gave_them(deck: Deck):
    """'Who gave the figure …' is asked of relayed figures only, not of Wright's own."""
    assert "army-victims-wright" not in by_template(deck, "figure-source")
    assert "havas-403" in by_template(deck, "figure-source")
