"""An exam: N questions from a deck, nothing said until the end, then the score and every
mistake with why (pure).

* The questions: ``size`` (20 by default) of the deck's cards the app grades itself (no
  flashcards), drawn with the session's Random, each asked once
  (:class:`~purgequiz.learn.practice.PracticeSession` with ``mode="exam"``). Answers are
  logged as practice: the schedule is left as it was.
* The score: the questions answered right, out of the questions asked. "I don't know" and a
  question left unanswered (the exam ended early, or its time ran out) are not right.
* An optional time limit: an answer given after it is not taken; without one, no clock.
* Afterwards the student may put the missed cards into today's study
  (:func:`~purgequiz.learn.practice.due_now`): that, at their request, changes the schedule.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from purgequiz.decks.model import Card, Citation, Deck, Rebuttal
from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.records import ProgressStore
from purgequiz.learn.session import Result

__all__ = [
    "EXAM_SIZE",
    "ExamClock",
    "ExamReport",
    "Mistake",
    "exam_report",
    "start_exam",
]

EXAM_SIZE = 20


def start_exam(
    deck: Deck, profile: ProgressStore, now: datetime, rng: random.Random, size: int = EXAM_SIZE
) -> PracticeSession:
    """An exam of ``size`` questions from ``deck`` (fewer when the deck has fewer)."""
    if size < 1:
        raise ValueError("an exam has at least one question")
    return PracticeSession(
        deck, profile, now, rng, mode="exam", size=size, again_after=None, graded_only=True
    )


@dataclass(frozen=True)
class ExamClock:
    """An exam's time: when it started and its limit (None: no limit, no clock)."""

    started: datetime
    limit: timedelta | None = None

    def left(self, now: datetime) -> timedelta | None:
        """The time left (never below zero), or None without a limit."""
        if self.limit is None:
            return None
        return max(timedelta(0), self.started + self.limit - now)

    def over(self, now: datetime) -> bool:
        left = self.left(now)
        return left is not None and left <= timedelta(0)


@dataclass(frozen=True)
class Mistake:
    """A question not answered right: what was asked and given, the answer, and why."""

    card: Card
    given: str  # "" for "I don't know" and for a question left unanswered
    answered: bool  # False: left unanswered
    dont_know: bool
    rebuttal: Rebuttal | None  # why the answer given is wrong, when the card says

    @property
    def sources(self) -> tuple[Citation, ...]:
        return self.card.sources


@dataclass(frozen=True)
class ExamReport:
    right: int
    asked: int
    answered: int
    mistakes: tuple[Mistake, ...]  # in the order the questions were asked

    @property
    def score(self) -> float:
        """The share right, of the questions asked."""
        return self.right / self.asked if self.asked else 0.0

    @property
    def missed(self) -> tuple[str, ...]:
        """The ids of the cards not answered right (to put into today's study)."""
        return tuple(m.card.id for m in self.mistakes)


def exam_report(asked: Sequence[Card], results: Sequence[Result]) -> ExamReport:
    """The report of an exam that asked ``asked`` and got ``results`` (in order; a question
    without a result was left unanswered)."""
    by_card = {result.card.id: result for result in results}
    mistakes = []
    right = 0
    for card in asked:
        result = by_card.get(card.id)
        if result is not None and result.correct:
            right += 1
            continue
        given = result.given if result is not None else ""
        mistakes.append(
            Mistake(
                card=card,
                given=given,
                answered=result is not None,
                dont_know=result is not None and result.dont_know,
                rebuttal=card.rebuttal(given) if given else None,
            )
        )
    answered = sum(1 for card in asked if card.id in by_card)
    return ExamReport(right, len(asked), answered, tuple(mistakes))
