"""How a card is shown: the mode follows memory and the settings."""

import random
from dataclasses import replace
from datetime import UTC, datetime

from deckkit import card

from purgequiz.learn.presentation import mode_for, shuffled_choices, shuffled_items
from purgequiz.learn.scheduler import CardProgress, State
from purgequiz.learn.settings import Settings

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)
KNOWN = CardProgress(
    "a",
    state=State.Review,
    step=None,
    stability=10.0,
    difficulty=5.0,
    due=NOW,
    last_review=NOW,
    reps=3,
)
LEARNING = replace(KNOWN, state=State.Learning, step=1)


def test_new_and_learning_cards_are_multiple_choice():
    """A new card, a card still being learned and one relearned after a lapse are asked as
    multiple choice."""
    assert mode_for(card("a"), None, Settings()) == "choice"
    assert mode_for(card("a"), LEARNING, Settings()) == "choice"
    assert (
        mode_for(card("a"), replace(KNOWN, state=State.Relearning, step=0), Settings()) == "choice"
    )


def test_known_card_is_typed_when_the_progression_is_on():
    """A card in review is typed (recall) with typed_after_learning on, the default."""
    assert mode_for(card("a"), KNOWN, Settings()) == "typed"


def test_a_question_that_picks_among_its_choices_is_never_typed():
    """ "Which of these commanders…" cannot be asked without its choices, even in review."""
    picked = card("a", prompt="Which of these commanders was arrested in May 1937?")
    assert mode_for(picked, KNOWN, Settings()) == "choice"
    following = card("a", prompt="Which of the following posts did Malenkov hold?")
    assert mode_for(following, KNOWN, Settings()) == "choice"


def test_known_card_stays_multiple_choice_when_the_progression_is_off():
    """With typed_after_learning off a card in review is still asked as multiple choice."""
    assert mode_for(card("a"), KNOWN, Settings(typed_after_learning=False)) == "choice"


def test_cards_without_choices_are_typed_whatever_the_switch():
    """A card without choices can only be typed, so the switch does not change it."""
    bare = card("a", choices=())
    assert mode_for(bare, None, Settings(typed_after_learning=False)) == "typed"
    assert mode_for(bare, KNOWN, Settings(typed_after_learning=False)) == "typed"


def test_long_text_answers_stay_multiple_choice():
    """A known card whose answer is long free text is not typed."""
    long = card("a", "the decree of the Central Committee", answer_type="text")
    assert mode_for(long, KNOWN, Settings()) == "choice"


def test_a_card_without_choices_too_long_to_type_is_a_flashcard():
    """A question with no choices whose answer is long free text is shown as a flashcard."""
    long = card("a", "the decree of the Central Committee", answer_type="text", choices=())
    assert mode_for(long, None, Settings()) == "flashcard"
    assert mode_for(long, KNOWN, Settings()) == "flashcard"


def test_flashcards_only_and_fixed_kinds():
    """Flashcards only wins over everything; true/false and ordering keep their own mode."""
    assert mode_for(card("a"), KNOWN, Settings(flashcards_only=True)) == "flashcard"
    assert (
        mode_for(card("t", kind="truefalse", truth=True, choices=()), None, Settings())
        == "truefalse"
    )
    assert (
        mode_for(card("o", kind="ordering", items=("1", "2"), choices=()), None, Settings())
        == "ordering"
    )
    assert (
        mode_for(
            card("m", kind="matching", items=("A", "B"), matches=("1", "2"), choices=()),
            KNOWN,
            Settings(),
        )
        == "matching"
    )


def test_matching_cards_shuffle_their_right_hand_side():
    """A matching card is shown with the things to match shuffled, never in answer order."""
    matching = card(
        "m", kind="matching", items=("A", "B", "C"), matches=("1", "2", "3"), choices=()
    )
    for seed in range(5):
        shown = shuffled_items(matching, random.Random(seed))
        assert sorted(shown) == ["1", "2", "3"] and shown != ("1", "2", "3")


def test_shuffles_keep_every_choice_and_move_the_items():
    """Shuffled choices hold the answer once; shuffled items differ from the answer order."""
    rng = random.Random(3)
    choices = shuffled_choices(card("a", choices=("Other", "Third")), rng)
    assert sorted(choices) == ["Other", "Third", "Yezhov"]
    items = shuffled_items(card("o", kind="ordering", items=("1", "2", "3")), rng)
    assert sorted(items) == ["1", "2", "3"] and items != ("1", "2", "3")
