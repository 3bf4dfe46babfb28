"""Where one card stands in a profile, and the changes a student can make to it from its page.

Pure: the card's state, flags and review log are handed in, with the time. The figures are
FSRS's: stability (days for the chance of recall to fall to 90%), difficulty (1 to 10) and
retrievability, the chance of recalling the card now, from the stability and the whole days
since the last review (see :meth:`~purgequiz.learn.scheduler.Scheduler.retrievability`).

The changes return a new state for :meth:`Profile.save_states`: suspend and unsuspend, bury
until the study day ends and unbury, and forget (the card is new again: its schedule, counts
and leech mark are dropped; whether it is suspended or buried is kept, and its answers stay
in the log). Flags are made as a study session makes them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from purgequiz.decks.model import Card
from purgequiz.learn.records import Flag, Review
from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler, State
from purgequiz.learn.settings import Settings

__all__ = [
    "ANSWERS_SHOWN",
    "Answer",
    "Standing",
    "buried",
    "forgotten",
    "last_answers",
    "new_flag",
    "standing",
    "suspended",
    "unburied",
    "unsuspended",
]

ANSWERS_SHOWN = 8  # the last answers a card's page lists


@dataclass(frozen=True)
class Answer:
    """One answer from the review log: when, right or wrong, what was given, how it was
    asked, and the grade."""

    at: datetime
    correct: bool
    given: str
    mode: str
    grade: str

    @classmethod
    def of(cls, review: Review) -> Answer:
        try:
            grade = Rating(review.rating).name
        except ValueError:
            grade = str(review.rating)
        return cls(
            datetime.fromisoformat(review.reviewed_at),
            review.correct,
            review.given,
            review.mode,
            grade,
        )


def last_answers(
    reviews: Iterable[Review], card_id: str, count: int = ANSWERS_SHOWN
) -> tuple[Answer, ...]:
    """The card's last ``count`` answers in the log, newest first."""
    kept = [review for review in reviews if review.card_id == card_id]
    kept.sort(key=lambda review: (review.reviewed_at, review.id))
    return tuple(Answer.of(review) for review in reversed(kept[-count:]))


@dataclass(frozen=True)
class Standing:
    """A card's state in a profile at a moment. ``phase`` is "new", "learning",
    "relearning" or "review"; the figures are None for a card never reviewed."""

    card_id: str
    phase: str
    due: datetime | None
    stability: float | None
    difficulty: float | None
    retrievability: float | None
    reps: int
    lapses: int
    suspended: bool
    buried_until: datetime | None  # only while it is still buried
    leech: bool
    flags: tuple[Mapping[str, Any], ...]
    answers: tuple[Answer, ...]


def standing(
    card_id: str,
    state: CardProgress | None,
    flags: Iterable[Mapping[str, Any]],
    answers: tuple[Answer, ...],
    settings: Settings,
    now: datetime,
) -> Standing:
    """The card's standing at ``now`` (``state`` None: never studied nor held)."""
    progress = state or CardProgress(card_id)
    if progress.is_new:
        phase = "new"
    elif progress.state == State.Review:
        phase = "review"
    else:
        phase = "relearning" if progress.state == State.Relearning else "learning"
    new = progress.is_new
    return Standing(
        card_id,
        phase,
        None if new else progress.due,
        None if new else progress.stability,
        None if new else progress.difficulty,
        Scheduler(settings).retrievability(progress, now),
        progress.reps,
        progress.lapses,
        progress.suspended,
        progress.buried_until if progress.buried(now) else None,
        progress.leech,
        tuple(flag for flag in flags if flag.get("card_id") == card_id),
        answers,
    )


def suspended(state: CardProgress) -> CardProgress:
    """Kept out of study until it is unsuspended."""
    return replace(state, suspended=True)


def unsuspended(state: CardProgress) -> CardProgress:
    """Back in study (if not buried too); its schedule is as it was."""
    return replace(state, suspended=False)


def buried(state: CardProgress, until: datetime) -> CardProgress:
    """Kept out of study until ``until`` (the end of the study day)."""
    return replace(state, buried_until=until)


def unburied(state: CardProgress) -> CardProgress:
    """Back in study today (if not suspended too)."""
    return replace(state, buried_until=None)


def forgotten(state: CardProgress) -> CardProgress:
    """New again: no schedule, no counts, no leech mark; suspended or buried as it was."""
    return CardProgress(state.card_id, suspended=state.suspended, buried_until=state.buried_until)


def new_flag(card: Card, deck_id: str, note: str, now: datetime, rng: random.Random) -> Flag:
    """A flag on ``card`` with the student's note, made as a study session makes one."""
    now = now.astimezone(UTC)
    return Flag(
        id=f"{int(now.timestamp() * 1000)}-{rng.getrandbits(32):08x}",
        card_id=card.id,
        deck_id=deck_id,
        note=note,
        created_at=now.isoformat(),
        prompt=card.prompt,
    )
