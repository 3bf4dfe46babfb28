"""Decrees: prohibitions, requirements, penalties, issuers and dates."""

from __future__ import annotations

from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template


def test_decree_questions(deck: Deck):
    """Each field a decree fact gives is asked, with 'the' before the decree's name."""
    prohibits = by_template(deck, "decree-prohibits")["defective-decree"]
    assert prohibits.prompt == "What did the Decree on defective production prohibit?"
    assert prohibits.answer == "the production of defective goods"
    assert by_template(deck, "decree-penalty")["june-decree"].answer == \
        "prison terms of two to four months"
    issuer = by_template(deck, "decree-issuer")["june-decree"]
    assert issuer.answer == "Presidium of the Supreme Soviet"
    assert issuer.choices == ()  # bodies nest: another might also be right
    assert by_template(deck, "decree-responsible")["defective-decree"].accept == \
        ("factory directors; chief engineers", "factory directors", "chief engineers")


def test_decree_date_not_asked_when_its_name_gives_it(deck: Deck):
    """'When was the Decree of 26 June 1940 issued?' gives itself away and is dropped."""
    assert "june-decree" not in by_template(deck, "decree-date")
    assert by_template(deck, "decree-date")["defective-decree"].answer == "10 July 1940"


def test_wrong_decree_texts_come_from_other_decrees(deck: Deck):
    """The wrong answers to what a decree prohibited are other decrees' provisions."""
    card = by_template(deck, "decree-prohibits")["defective-decree"]
    assert set(card.choices) - {card.answer} <= {
        "an eight-hour working day and a seven-day week", "leaving a job without permission"}


def test_a_decree_named_by_its_content_is_called_a_decree():
    """'eight-hour working day' is asked as 'the decree on the eight-hour working day'."""
    from purgequiz.generate.templates.decrees import decree_name

    assert decree_name("eight-hour working day") == "the decree on the eight-hour working day"
    assert decree_name("Decree of 26 June 1940") == "the Decree of 26 June 1940"
