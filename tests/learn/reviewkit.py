"""A review log made quickly, for the tests of personal FSRS parameters: each card reviewed
by the real scheduler at the intervals it gives, recalled or not by a forgetting curve of
its own, and every answer written as the session writes it."""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from purgequiz.learn.records import Review
from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler
from purgequiz.learn.settings import Settings

START = datetime(2025, 1, 6, 16, tzinfo=UTC)


def review_log(
    cards: int, answers: int, *, forgets: float = 3.0, seed: int = 1
) -> tuple[list[CardProgress], list[Review]]:
    """``answers`` answers to each of ``cards`` cards, the cards started a day apart in
    turn; a card is recalled with chance ``0.9 ** (days / (stability / forgets))``: a learner
    who forgets ``forgets`` times faster than FSRS's defaults expect."""
    rng = random.Random(seed)
    scheduler = Scheduler(Settings(fuzzing=False))
    states, reviews = [], []
    for number in range(cards):
        state = CardProgress(f"card-{number:04d}")
        now = START + timedelta(days=number % 30, minutes=number)
        for answer in range(answers):
            if state.last_review is None or state.stability is None:
                recalled = rng.random() < 0.7
            else:
                days = (now - state.last_review).total_seconds() / 86400
                recalled = rng.random() < 0.9 ** (days / (state.stability / forgets))
            rating = Rating.Good if recalled else Rating.Again
            before = state
            state = scheduler.review(state, rating, now)
            reviews.append(
                Review(
                    id=f"{state.card_id}-{answer}",
                    card_id=state.card_id,
                    day=(now - timedelta(hours=4)).date().isoformat(),
                    reviewed_at=now.isoformat(),
                    mode="flashcard",
                    rating=int(rating),
                    correct=recalled,
                    near_miss=False,
                    given="",
                    elapsed_ms=5000,
                    was_new=before.is_new,
                    was_review=before.is_review,
                    after=state.to_dict(),
                )
            )
            assert state.due is not None
            now = max(state.due, now + timedelta(minutes=1))
        states.append(state)
    return states, reviews


def hide_optimizer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make py-fsrs's optimizer what it is without torch (its stand-in, which raises
    ImportError), until the test ends. The real module, if it was imported, is put back
    afterwards; if it was not, it is not imported for this (torch takes seconds to import),
    and the stand-in imported during the test is taken out afterwards."""
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch fails
    if "fsrs.optimizer" not in sys.modules:  # noted as absent: what the test imports goes
        monkeypatch.setitem(sys.modules, "fsrs.optimizer", None)
        monkeypatch.setattr(fsrs, "optimizer", None, raising=False)
    monkeypatch.delitem(sys.modules, "fsrs.optimizer")
    monkeypatch.delattr(fsrs, "optimizer")
