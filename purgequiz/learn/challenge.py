"""Challenge: as many right answers as you can in 60 seconds, with a bonus for a run of them,
against your personal best for the deck (pure).

* The cards: the deck's cards the app marks itself (no flashcards), in a shuffled order, each
  asked once; answers are logged as practice. The challenge ends when the time is up (an
  answer given after it is not taken) or the cards run out.
* **The streak bonus.** A right answer scores 1 point, plus 1 for each right answer just
  before it, up to ``MOST_POINTS`` in all: the first right answer in a run scores 1, the second
  2, the third 3 and so on up to 5, and every right answer after that in the same run 5. A
  wrong answer, or "I don't know", scores nothing and ends the run.
* The score is the points; the best score of each deck is kept as a personal best (see
  :mod:`purgequiz.learn.bests`). Speed counts here only: nowhere else does an answer's time
  change anything but the grade study gives it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from purgequiz.decks.model import Deck
from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.records import ProgressStore

__all__ = ["CHALLENGE_TIME", "MOST_POINTS", "ChallengeScore", "start_challenge", "streak_points"]

CHALLENGE_TIME = timedelta(seconds=60)
MOST_POINTS = 5  # what one right answer scores at most, however long its run


def streak_points(run: int) -> int:
    """The points of a right answer that is the ``run``-th right answer in a row (from 1)."""
    if run < 1:
        raise ValueError("a right answer is at least the first of its run")
    return min(run, MOST_POINTS)


def start_challenge(
    deck: Deck, profile: ProgressStore, now: datetime, rng: random.Random
) -> PracticeSession:
    """The deck's graded cards in a shuffled order, each asked once."""
    return PracticeSession(
        deck, profile, now, rng, mode="challenge", again_after=None, graded_only=True
    )


@dataclass
class ChallengeScore:
    """A challenge's score as it goes: points, the current run, the longest run, answers."""

    points: int = 0
    run: int = 0
    longest_run: int = 0
    right: int = 0
    answered: int = 0

    def add(self, correct: bool) -> int:
        """Count an answer; returns the points it scored."""
        self.answered += 1
        if not correct:
            self.run = 0
            return 0
        self.right += 1
        self.run += 1
        self.longest_run = max(self.longest_run, self.run)
        gained = streak_points(self.run)
        self.points += gained
        return gained
