"""Which cards give another card's answer away: on the shipped deck, and on small made-up ones."""

import pytest
from deckkit import card, deck, plain_deck

from purgequiz import paths
from purgequiz.decks.fileformat import read_deck
from purgequiz.learn.reveals import gives_away, reveal_pairs

WHO_REPLACED = "ch7-beria-succeeds-yezhov:who-replaced"


@pytest.fixture(scope="module")
def shipped():
    cards = read_deck(paths.bundled_decks_dir() / "purges-all.json").cards
    return cards, gives_away(cards)


def test_the_shipped_deck_tells_who_replaced_yezhov(shipped):
    """'Who replaced Yezhov as head of the NKVD?' is given away by each card that says the
    Politburo made Beria Yezhov's deputy at the NKVD, ordering cards among them."""
    cards, given = shipped
    deputy = [
        c.id
        for c in cards
        if "The Politburo appointed Beria Yezhov's deputy at the NKVD" in c.items
    ]
    assert len(deputy) >= 2
    for giver in ("ch7-beria-appointed-nkvd:who-appointed", *deputy):
        assert WHO_REPLACED in given.get(giver, set()), giver


@pytest.mark.parametrize(
    ("giver", "asked"),
    [
        ("ch7-bloc-trial-turning-point:author-reading", "ch7-bloc-trial:when"),
        ("w40-kaganovich-iron-commissar:author-reading", "w40-kaganovich-oil-removed:who-removed"),
        ("w40-marshals-moved-1940:group-member", "w40-budenny-leaves-moscow-district:who-removed"),
    ],
)
def test_the_shipped_deck_gives_these_away(shipped, giver, asked):
    """A reading of the 1938 show trial dates it; a reading of Kaganovich's career names
    who lost the oil commissariat; and so on."""
    assert asked in shipped[1].get(giver, set())


@pytest.mark.parametrize(
    ("other", "asked"),
    [
        ("ch7-beria-malenkov-task:group-member", WHO_REPLACED),  # names Beria, 1938 and terror
        ("ch7-commanders-arrested-may-1937:when", "w37-rudzutak-arrested:when"),  # arrests, 1937
    ],
)
def test_a_shared_name_or_year_gives_nothing_away(shipped, other, asked):
    """A card that names the answer in another connection does not count: Beria and Malenkov's
    task in 1938 does not say who replaced Yezhov, the commanders' arrest in May 1937 does not
    say when Rudzutak was arrested."""
    assert asked not in shipped[1].get(other, set())


def test_a_sentence_must_hold_the_answer_and_the_question():
    """The answer and most of what the question asks, in one passage, give it away; the answer
    alone, or only among the wrong choices, does not."""
    asked = card("asked", "Beria", prompt="Who replaced Yezhov as head of the NKVD in 1938?")
    deputy = card(
        "deputy",
        "21 August 1938",
        prompt="On what date did the Politburo appoint Beria Yezhov's deputy at the NKVD?",
    )
    born = card("born", "Georgia", prompt="Where was Beria born?")
    wrong = card(
        "wrong",
        "Yagoda",
        prompt="Who headed the NKVD before Yezhov, in 1936?",
        choices=("Yagoda", "Beria", "Menzhinsky"),
    )
    told = card(
        "told",
        "1938",
        prompt="When did the purge of the NKVD end?",
        explanation="The NKVD was purged again. In 1938 Beria replaced Yezhov as its head.",
    )
    cards = (asked, deputy, born, wrong, told, *plain_deck(20).cards)
    assert gives_away(cards) == {"deputy": {"asked"}, "told": {"asked"}}
    assert reveal_pairs(cards) == {
        "asked": {"deputy", "told"},
        "deputy": {"asked"},
        "told": {"asked"},
    }


def test_a_gloss_several_questions_share_is_not_what_they_ask():
    """A gloss in brackets that several questions share ("(the Soviet security police)")
    does not count among what a question asks, so it hides no giveaway; an aside that one
    question alone has still counts."""
    gloss = "(the People's Commissariat of Internal Affairs, the Soviet security police)"
    asked = card(
        "asked", "Beria", prompt=f"Who replaced Yezhov as head of the NKVD {gloss} in 1938?"
    )
    other = card("other", "Yagoda", prompt=f"Who headed the NKVD {gloss} in 1936?")
    told = card(
        "told",
        "1938",
        prompt="When did the purge of the army end?",
        explanation="In 1938 Beria replaced Yezhov as head of the NKVD.",
    )
    cards = (asked, other, told, *plain_deck(20).cards)
    assert gives_away(cards) == {"told": {"asked"}}
    alone = card(
        "alone",
        "Beria",
        prompt="Who replaced Yezhov (chief of the security police and its purges) in 1938?",
    )
    assert gives_away((alone, told, *plain_deck(20).cards)) == {}


def test_questions_of_one_word_are_never_given_away():
    """A question with a single content word ("Question 3?") says too little to be matched."""
    cards = deck(
        card("a", "Beria", prompt="Question 1?"),
        card("b", "Yezhov", prompt="Question 2?", explanation="Beria, Question 1."),
    ).cards
    assert gives_away(cards) == {}


def test_each_call_gets_sets_of_its_own():
    """The pairs are worked out once for a set of cards, yet what one caller changes in its
    result is not in the next caller's."""
    cards = deck(
        card("asked", "Beria", prompt="Who replaced Yezhov as head of the NKVD in 1938?"),
        card(
            "told",
            "1938",
            prompt="When did the purge of the NKVD end?",
            explanation="In 1938 Beria replaced Yezhov as head of the NKVD.",
        ),
    ).cards
    first = reveal_pairs(cards)
    assert first == {"asked": {"told"}, "told": {"asked"}}
    first["asked"].add("changed")
    first.pop("told")
    assert reveal_pairs(list(cards)) == {"asked": {"told"}, "told": {"asked"}}
