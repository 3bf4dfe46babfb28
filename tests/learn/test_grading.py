"""Grading policy: outcome, response time and near misses become a rating."""

from datetime import UTC, datetime

import pytest

from purgequiz.learn.grading import grade, well_known
from purgequiz.learn.scheduler import CardProgress, Rating, State


@pytest.mark.parametrize(
    "correct, ms, mode, near, known, rating",
    [
        (False, 1000, "choice", False, True, Rating.Again),
        (True, 16000, "choice", False, False, Rating.Hard),
        (True, 15000, "choice", False, False, Rating.Good),
        (True, 5000, "typed", True, True, Rating.Hard),
        (True, 8000, "typed", False, True, Rating.Easy),
        (True, 8001, "typed", False, True, Rating.Good),
        (True, 2000, "choice", False, False, Rating.Good),
        (True, 3000, "truefalse", False, True, Rating.Easy),
        (True, 46000, "ordering", False, True, Rating.Hard),
    ],
)
def test_policy(correct, ms, mode, near, known, rating):
    """Wrong → Again; slow or near miss → Hard; fast and well known → Easy; else Good."""
    assert grade(correct, ms, mode, near_miss=near, known=known) == rating


def test_well_known_needs_review_and_a_week():
    """Well known means in review with a stability of at least seven days."""
    t = datetime(2025, 1, 1, tzinfo=UTC)
    base = dict(step=None, difficulty=5.0, due=t, last_review=t, reps=3)
    assert well_known(CardProgress("a", state=State.Review, stability=7.0, **base))
    assert not well_known(CardProgress("a", state=State.Review, stability=6.9, **base))
    assert not well_known(CardProgress("a"))


@pytest.mark.parametrize(
    "correct, ms, mode, rating",
    [
        (True, 2000, "choice", Rating.Hard),
        (True, 2000, "truefalse", Rating.Hard),
        (False, 2000, "choice", Rating.Again),
        (True, 2000, "typed", Rating.Good),
        (True, 10000, "ordering", Rating.Good),
        (True, 10000, "matching", Rating.Good),
    ],
)
def test_a_right_pick_on_a_new_card_is_recognition(correct, ms, mode, rating):
    """A new card answered rightly by picking among choices (multiple choice, true/false) is
    Hard, since it may be a guess; typed, ordering and matching answers are graded as before."""
    assert grade(correct, ms, mode, new=True) == rating


def test_a_right_pick_on_a_card_answered_before_is_good():
    """The recognition rule holds for new cards only: a fast right choice otherwise is Good."""
    assert grade(True, 2000, "choice", new=False) == Rating.Good
