"""Practice: cards studied now, whether due or not, leaving the schedule as it was.

A :class:`PracticeSession` asks, grades and shows cards as a study session does (it is one,
with two hooks changed), and logs every answer as a review marked ``practice``. It changes no
card state: not the due date, stability, difficulty, learning step, lapses or leech mark, and
it buries no sibling; the day's counts of new cards and reviews, which the day's limits go by,
are left alone too (see :class:`~purgequiz.learn.records.DayCounts`).

* The cards: the deck's (or those of ``card_ids``), leaving out suspended cards, in an order
  drawn with the session's ``random.Random``; ``size`` keeps the first so many.
* A card answered wrong comes back after ``again_after`` other cards (or at the end, when
  fewer are left) until it is answered right; with ``again_after=None`` (an exam, a
  challenge) each card is asked once.
* ``graded_only`` (an exam, a challenge) keeps to the cards the app grades itself and asks a
  question as multiple choice or typed as study would, never as a flashcard.

Undo and a changed grade work as in study, and change no state either.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from purgequiz.decks.model import Card, Deck
from purgequiz.learn.grading import DEFAULT_THRESHOLDS, Thresholds
from purgequiz.learn.presentation import Mode, mode_for
from purgequiz.learn.queue import Counts
from purgequiz.learn.records import ProgressStore
from purgequiz.learn.scheduler import CardProgress, Rating
from purgequiz.learn.session import Presented, Result, StudySession, _utc

__all__ = [
    "AGAIN_AFTER",
    "PRACTICE_MODES",
    "PracticeSession",
    "due_now",
    "topic_counts",
]

AGAIN_AFTER = 3  # a card missed in cram comes back after this many other cards
PRACTICE_MODES = ("cram", "exam", "chronology", "match", "challenge")


class PracticeSession(StudySession):
    """Practice of ``deck`` (``mode`` names it in the log: one of :data:`PRACTICE_MODES`)."""

    def __init__(
        self,
        deck: Deck,
        profile: ProgressStore,
        now: datetime,
        rng: random.Random,
        *,
        mode: str = "cram",
        card_ids: Collection[str] | None = None,
        size: int | None = None,
        again_after: int | None = AGAIN_AFTER,
        graded_only: bool = False,
        thresholds: Thresholds = DEFAULT_THRESHOLDS,
    ) -> None:
        if mode not in PRACTICE_MODES:
            raise ValueError(f"{mode!r} is not a practice mode ({', '.join(PRACTICE_MODES)})")
        self.practice = mode  # set first: the session record takes it
        super().__init__(deck, profile, now, rng, thresholds)
        self.again_after = again_after
        self.graded_only = graded_only
        self._graded_settings = self.settings.changed(flashcards_only=False)
        wanted = None if card_ids is None else set(card_ids)
        todo = [
            card.id
            for card in deck.cards
            if (wanted is None or card.id in wanted)
            and not (self.states.get(card.id) or CardProgress(card.id)).suspended
            and (not graded_only or self._mode(card) != "flashcard")
        ]
        rng.shuffle(todo)
        self._todo: list[str] = todo[:size] if size is not None else todo
        self.asked: tuple[str, ...] = tuple(self._todo)  # the cards chosen, in their order
        self._before: list[list[str]] = []  # the cards to come, as they were before each answer

    @property
    def left(self) -> int:
        """How many cards are still to be answered (the one shown among them)."""
        return len(self._todo)

    def _mode(self, card: Card) -> Mode:
        state = self.states.get(card.id)
        if self.graded_only:
            return mode_for(card, state, self._graded_settings)
        return mode_for(card, state, self.settings)

    # -- the cards ---------------------------------------------------------------------------

    def counts(self, now: datetime) -> Counts:
        """The cards left, all as "review": practice has no new or learning cards of its own."""
        return Counts(0, 0, self.left)

    def next_card(self, now: datetime) -> Presented | None:
        if self.current is not None:
            return self.current
        if not self._todo:
            return None
        # never the card just answered straight again, while another is there to ask
        index = 1 if self._todo[0] == self._last and len(self._todo) > 1 else 0
        card = self.cards[self._todo[index]]
        if index:
            self._todo.insert(0, self._todo.pop(index))
        self.current = self._present(card, self._mode(card), _utc(now))
        return self.current

    def buried_count(self, now: datetime) -> int:
        return 0

    # -- what an answer does -----------------------------------------------------------------

    def _schedule(
        self, card: Card, before: CardProgress, rating: Rating, now: datetime, elapsed_ms: int
    ) -> tuple[CardProgress, list[CardProgress], list[CardProgress]]:
        """Practice changes no state: the card stays as it was, its kin are not buried."""
        return before, [], []

    def _regraded(
        self, before: CardProgress, current: CardProgress, rating: Rating, at: datetime, ms: int
    ) -> tuple[CardProgress, list[CardProgress]]:
        return current, []

    def preview(self, now: datetime) -> dict[Rating, str]:
        """No intervals to show: a grade in practice schedules nothing."""
        self._need_current()
        return {}

    def _requeue(self, before: list[str], card_id: str, correct: bool) -> None:
        """The cards to come after ``card_id`` was answered, from ``before`` the answer."""
        todo = list(before)
        if card_id in todo:
            todo.remove(card_id)
        if not correct and self.again_after is not None:
            todo.insert(min(self.again_after, len(todo)), card_id)
        self._todo = todo

    def _apply(self, *args: Any, **kwargs: Any) -> Result:
        before = list(self._todo)
        result = super()._apply(*args, **kwargs)
        self._before.append(before)
        self._requeue(before, result.card.id, result.correct)
        return result

    def regrade(self, rating: Rating, now: datetime) -> Result:
        result = super().regrade(rating, now)
        self._requeue(self._before[-1], result.card.id, result.correct)
        return result

    def undo(self) -> Presented | None:
        presented = super().undo()
        if presented is not None:
            self._todo = self._before.pop()
        return presented


def due_now(
    states: Mapping[str, CardProgress], card_ids: Iterable[str], now: datetime
) -> list[CardProgress]:
    """The states that put ``card_ids`` into today's study, at the student's request: each is
    due ``now`` and no longer buried (a suspended card stays suspended). A card never studied
    is marked as asked for (due ``now`` while still new): the queue shows it today ahead of the
    other new cards, even past the day's limit of new cards (see
    :mod:`purgequiz.learn.queue`). Its stability and difficulty are left as they are."""
    now = _utc(now)
    out = []
    for card_id in dict.fromkeys(card_ids):
        state = states.get(card_id) or CardProgress(card_id)
        if state.suspended:
            continue
        out.append(replace(state, due=now, buried_until=None))
    return out


def topic_counts(cards: Iterable[Card]) -> list[tuple[str, int]]:
    """Each topic of ``cards`` with how many cards it has, the largest first (then by name)."""
    counted = Counter(topic for card in cards for topic in dict.fromkeys(card.topics))
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))
