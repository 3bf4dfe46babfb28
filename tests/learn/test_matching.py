"""Typed answers: spelling variants from the documents, numbers, near misses and rivals."""

import pytest
from deckkit import card, deck

from purgequiz.learn.matching import DeckMatcher, normalize_answer

DECK = deck(
    card("timoshenko", "Semyon Timoshenko", accept=("S. K. Timoshenko",)),
    card("rudzutak", "Jānis Rudzutaks", accept=("Rudzutak", "Ya. E. Rudzutak")),
    card("meretskov", "K. A. Meretskov", accept=("Kirill Meretskov",)),
    card("yezhov", "Nikolai Yezhov", accept=("N. I. Yezhov",)),
    card("yagoda", "Genrikh Yagoda", accept=("G. G. Yagoda",)),
    card("yakir", "Iona Yakir"),
    card("victims", "681692", answer_type="number", choices=()),
    card("arrests", "353074", answer_type="number", choices=()),
    card("date", "12 June 1937", answer_type="date", choices=()),
)
M = DeckMatcher(DECK)


@pytest.mark.parametrize(
    "card_id, typed",
    [
        ("timoshenko", "S. K. Timoshenko"),
        ("timoshenko", "timoshenko"),
        ("timoshenko", "  TIMOSHENKO! "),
        ("rudzutak", "Rudzutak"),
        ("rudzutak", "Rudzutaks"),
        ("rudzutak", "Janis Rudzutaks"),
        ("meretskov", "Meretskov"),
        ("meretskov", "K. A. Meretskov"),
        ("meretskov", "k.a.meretskov"),
        ("yezhov", "Yezhov"),
        ("yezhov", "N.I. Yezhov"),
        ("yagoda", "yagoda"),
        ("arrests", "353074"),
        ("arrests", "353,074"),
        ("arrests", "353 074"),
        ("date", "12 june 1937"),
    ],
)
def test_accepted_spellings(card_id, typed):
    """Case, accents, punctuation and initials are ignored; every accepted spelling matches."""
    result = M.match(DECK.card(card_id), typed)
    assert result.correct and not result.near_miss


@pytest.mark.parametrize(
    "card_id, typed",
    [
        ("timoshenko", "Timoshenkko"),
        ("meretskov", "Meretzkov"),
        ("yagoda", "Yagodda"),
        ("date", "12 jnue 1937"),
        ("yezhov", "Yezhof"),
    ],
)
def test_near_misses(card_id, typed):
    """A small typo is accepted as a near miss."""
    result = M.match(DECK.card(card_id), typed)
    assert result.correct and result.near_miss


@pytest.mark.parametrize("card_id, typed", [("yagoda", "Yezhov"), ("yezhov", "Yagoda")])
def test_wrong_or_other_entity(card_id, typed):
    """Another entity of the deck, typed as it is, is wrong, and is not pointed out as
    "closer to" itself (the answer shown says what was right)."""
    result = M.match(DECK.card(card_id), typed)
    assert not result.correct and result.closer_to is None


def test_near_miss_closer_to_another_entity_is_wrong():
    """A typo that is at least as close to another deck entity is wrong (Yakir / Yakin)."""
    rivals = deck(card("a", "Iona Yakir"), card("b", "Yakim"))
    result = DeckMatcher(rivals).match(rivals.card("a"), "Yakim")
    assert not result.correct and result.closer_to is None
    result = DeckMatcher(rivals).match(rivals.card("a"), "Yakii")
    assert not result.correct and result.closer_to == "Yakim"


@pytest.mark.parametrize("typed", ["353075", "35307", "353 07 4 0", "", "   "])
def test_numbers_have_no_near_misses(typed):
    """A number is right only with the right digits."""
    assert not M.match(DECK.card("arrests"), typed).correct


def test_dates_need_the_right_digits():
    """A date with a wrong digit is wrong even when it is textually close."""
    assert not M.match(DECK.card("date"), "13 June 1937").correct


def test_normalize_answer():
    """Normalizing drops accents, case, punctuation and initials."""
    assert normalize_answer("Jānis  Rudzutaks.") == "janis rudzutaks"
    assert normalize_answer("S. K. Timoshenko") == "timoshenko"
    assert normalize_answer("Ежов") == "ежов"


REGNAL = deck(
    card(
        "yezhov",
        "Nikolai Yezhov",
        choices=("Nikolai Yezhov", "Henry VIII", "Ivan IV", "Genrikh Yagoda"),
    ),
    card("yagoda", "Genrikh Yagoda"),
)


@pytest.mark.parametrize("typed", ["vii", "ii", "i", "asdf", "qwerty", "hello world"])
def test_nonsense_names_no_other_entity(typed):
    """Text that is not a small slip away from another entity of the deck names none."""
    result = DeckMatcher(REGNAL).match(REGNAL.card("yezhov"), typed)
    assert not result.correct and result.closer_to is None


@pytest.mark.parametrize(
    "typed, named", [("Yagodda", "Genrikh Yagoda"), ("Henry VIIII", "Henry VIII")]
)
def test_a_one_letter_slip_names_the_other_entity(typed, named):
    """A one-letter slip from another entity of the deck names it."""
    result = DeckMatcher(REGNAL).match(REGNAL.card("yezhov"), typed)
    assert not result.correct and result.closer_to == named


def test_a_slip_in_a_very_short_word_is_no_near_miss():
    """One letter wrong in a word of three letters is wrong, not a near miss."""
    short = deck(card("ivan", "Ivan IV", choices=("Ivan IV", "Peter I")))
    result = DeckMatcher(short).match(short.card("ivan"), "ii")
    assert not result.correct
