"""Challenge: the streak bonus, the score as it goes, and the cards asked."""

import random
from datetime import UTC, datetime

import pytest
from deckkit import card, deck
from inmemory import MemoryProfile

from purgequiz.learn.bests import challenge_best
from purgequiz.learn.challenge import ChallengeScore, start_challenge, streak_points

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def test_a_run_of_right_answers_scores_more_up_to_five():
    """The n-th right answer in a row scores n points, at most 5."""
    assert [streak_points(n) for n in range(1, 9)] == [1, 2, 3, 4, 5, 5, 5, 5]
    with pytest.raises(ValueError):
        streak_points(0)


def test_a_wrong_answer_scores_nothing_and_ends_the_run():
    """Right, right, right, wrong, right, right: 1+2+3, 0, 1+2 = 9 points; longest run 3."""
    score = ChallengeScore()
    gained = [score.add(correct) for correct in (True, True, True, False, True, True)]
    assert gained == [1, 2, 3, 0, 1, 2]
    assert (score.points, score.run, score.longest_run, score.right, score.answered) == (
        9,
        2,
        3,
        5,
        6,
    )


def test_eight_right_in_a_row():
    """Eight right answers in a row score 1+2+3+4+5+5+5+5 = 30."""
    score = ChallengeScore()
    for _ in range(8):
        score.add(True)
    assert score.points == 30


def test_a_challenge_asks_graded_cards_once_and_keeps_its_best(home):
    """A challenge asks the deck's graded cards once each, changes no state, and its score
    becomes the deck's best when it beats the one kept."""
    profile = MemoryProfile("learner")
    d = deck(
        *(card(f"q{n}") for n in range(4)),
        card("f", kind="flashcard", choices=(), answer_type="text"),
    )
    for points in (7, 5):
        session = start_challenge(d, profile, NOW, random.Random(1))
        assert sorted(session.asked) == ["q0", "q1", "q2", "q3"]
        while (shown := session.next_card(NOW)) is not None:
            session.answer(shown.card.answer, NOW, 900)
        session.record.score = points
        session.summary(NOW)
    assert challenge_best(profile.bests(), "test") == 7
    assert profile.card_states() == {}
