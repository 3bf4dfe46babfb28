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


def test_a_count_taken_from_a_whole_in_the_statement_stays_within_it():
    """'10 of the 14 accused' offers no wrong count above 14, in words or in digits."""
    from purgequiz.generate.templates.figures import part_of

    assert part_of("According to Wright, 10 of the 14 Baku accused were party members.", 10) == 14
    assert part_of("nine of the 14 Baku accused were older than 40", 9) == 14
    assert part_of("seven of ten deputies were executed", 7) == 10
    assert part_of("the 403 executed in one month", 403) is None


def test_shipped_cloze_counts_stay_within_their_whole(decks: list[Deck]):
    """No choice for a blank in '_____ of the N …' exceeds N in the shipped decks."""
    import re

    for deck in decks:
        for card in deck.cards:
            match = re.search(r"_____ (?:out )?of (?:the )?(\d+)\b", card.prompt)
            if match and card.choices:
                whole = int(match.group(1))
                assert all(float(c.replace(",", "")) <= whole for c in card.choices
                           if c.replace(",", "").replace(".", "").isdigit()), card.prompt
