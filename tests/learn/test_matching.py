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


RANGES = deck(
    card(
        "army",
        "from 20,000 to 40,000 people",
        answer_type="number",
        choices=(),
        accept=("20,000\u201340,000", "from 20,000 to 40,000", "20000-40000"),
    ),
    card("budget", "from 1.5 million to 2 million", answer_type="number", choices=()),
    card("leaders", "NKVD leaders", accept=("NKVD chiefs",), choices=()),
    card(
        "generals",
        "more than 1,000 generals",
        answer_type="number",
        choices=(),
        accept=("1,000", "more than 1,000", "1,000 generals"),
    ),
)


@pytest.mark.parametrize(
    "card_id, typed",
    [
        ("army", "20\u201340,000"),  # as the source writes it
        ("army", "20-40,000"),
        ("army", "between 20,000 and 40,000"),
        ("army", "Between 20000 and 40000 people"),
        ("army", "20,000-40,000"),
        ("army", "20,000 \u2013 40,000"),
        ("army", "20,000\u201440,000"),
        ("army", "20000 to 40000"),
        ("army", "20 000 to 40 000"),
        ("army", "from 20 to 40 thousand"),
        ("army", "20-40000"),
        ("budget", "1.5\u20132 million"),
        ("budget", "1,500,000 to 2,000,000"),
        ("budget", "between 1.5 and 2 million"),
        ("leaders", "the NKVD leaders"),
        ("leaders", "The NKVD chiefs"),
        ("generals", "over 1,000"),
        ("generals", "more than a thousand"),
        ("generals", "a thousand"),
        ("generals", "over a thousand generals"),
    ],
)
def test_a_range_or_name_is_right_however_it_is_written(card_id, typed):
    """A range is one answer whether joined by a dash, "to" or "between … and", with or
    without separators, or written short as the sources do; a leading "the" is ignored."""
    result = DeckMatcher(RANGES).match(RANGES.card(card_id), typed)
    assert result.correct and not result.near_miss


@pytest.mark.parametrize(
    "card_id, typed",
    [
        ("army", "20,000"),
        ("army", "40,000"),
        ("army", "20,000-30,000"),
        ("army", "2-4,000"),
        ("army", "200 to 400"),
        ("army", "between 20,000 and 50,000"),
        ("budget", "1.5-3 million"),
        ("budget", "15-2 million"),
        ("leaders", "the"),
        ("generals", "fewer than 1,000"),
        ("generals", "two thousand"),
    ],
)
def test_a_range_with_a_wrong_end_is_wrong(card_id, typed):
    """Reading a range loosely never makes a wrong end right."""
    assert not DeckMatcher(RANGES).match(RANGES.card(card_id), typed).correct


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


@pytest.mark.parametrize(
    "card_id, typed",
    [
        ("ch7-beria-succeeds-yezhov:whom-replaced", "Nikolai Yezhov"),
        ("ch7-beria-succeeds-yezhov:whom-replaced", "Ezhov"),
        ("ch7-beria-succeeds-yezhov:who-replaced", "Lavrentiy Beria"),
        ("ch7-trotsky-murdered:who-fate", "Leon Trotsky"),
    ],
)
def test_a_shipped_typed_card_takes_the_name_with_its_given_name(card_id, typed):
    """A student who types a leader's given name with the surname is right."""
    from purgequiz import paths
    from purgequiz.decks.fileformat import read_deck

    shipped = read_deck(paths.bundled_decks_dir() / "purges-all.json")
    assert DeckMatcher(shipped).match(shipped.card(card_id), typed).correct


def test_a_rival_is_named_without_the_glosses_its_card_adds():
    """ "Closer to" names the other entity as a student would write it, not with the gloss
    its own card shows ("NKVD leaders", not "NKVD leaders. (The NKVD was …)")."""
    rivals = deck(
        card("a", "Head of the NKVD (the Soviet security police)", accept=("Head of the NKVD",)),
        card(
            "b",
            "NKVD leaders. (The NKVD was the Soviet security police.)",
            accept=("NKVD leaders", "NKVD chiefs"),
        ),
    )
    result = DeckMatcher(rivals).match(rivals.card("a"), "NKVD chief")
    assert not result.correct and result.closer_to == "NKVD leaders"


def test_a_post_typed_near_a_name_is_not_said_to_be_closer_to_it():
    """Only a name is compared with the deck's other names: "NKVD chief", typed for a post,
    is not "closer to" the group of NKVD chiefs."""
    post = card("a", "Head of the NKVD", answer_type="text", choices=())
    rivals = deck(post, card("b", "NKVD leaders", accept=("NKVD chiefs",)))
    result = DeckMatcher(rivals).match(post, "NKVD chief")
    assert not result.correct and result.closer_to is None
