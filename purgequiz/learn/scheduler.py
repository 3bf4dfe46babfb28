"""Scheduling with FSRS: a card's progress, one review, previews and interval labels.

Wraps ``fsrs.Scheduler`` with a profile's :class:`Settings` (FSRS's default parameters, or
the profile's own, fitted by ``purgequiz optimize``). fsrs's own fuzzing draws on the
global ``random``; here it is always off, and the same fuzz (fsrs's ranges) is drawn from the
``random.Random`` passed in, so a seeded session is reproducible.
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import fsrs
from fsrs import Rating, State
from fsrs.scheduler import DEFAULT_PARAMETERS

from purgequiz.learn.days import study_day
from purgequiz.learn.settings import Settings

__all__ = [
    "LEECH_AGAIN",
    "LEECH_LAPSES",
    "PROGRESS_VERSION",
    "CardProgress",
    "Rating",
    "Scheduler",
    "State",
    "fsrs_id",
    "interval_label",
]

PROGRESS_VERSION = 1
LEECH_LAPSES = 8  # a card is marked a leech at its eighth lapse …
LEECH_AGAIN = 4  # … and, if the mark was cleared, again at every fourth lapse after (12, 16 …)
_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))


def fsrs_id(card_id: str) -> int:
    """A stable integer id for fsrs, derived from the deck card id."""
    return int.from_bytes(hashlib.blake2b(card_id.encode(), digest_size=6).digest(), "big")


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class CardProgress:
    """What the profile knows of one card: its FSRS memory state and our own counters."""

    card_id: str
    state: State = State.Learning
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: datetime | None = None
    leech: bool = False

    @property
    def is_new(self) -> bool:
        return self.reps == 0

    @property
    def is_learning(self) -> bool:
        return self.reps > 0 and self.state in (State.Learning, State.Relearning)

    @property
    def is_review(self) -> bool:
        return self.reps > 0 and self.state == State.Review

    def buried(self, now: datetime) -> bool:
        return self.buried_until is not None and self.buried_until > now

    def fsrs_card(self, now: datetime) -> fsrs.Card:
        return fsrs.Card(
            card_id=fsrs_id(self.card_id),
            state=self.state,
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due or now,
            last_review=self.last_review,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "v": PROGRESS_VERSION,
            "card_id": self.card_id,
            "state": int(self.state),
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat() if self.due else None,
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "reps": self.reps,
            "lapses": self.lapses,
            "suspended": self.suspended,
            "buried_until": self.buried_until.isoformat() if self.buried_until else None,
            "leech": self.leech,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CardProgress:
        return cls(
            card_id=data["card_id"],
            state=State(int(data.get("state", 1))),
            step=data.get("step"),
            stability=data.get("stability"),
            difficulty=data.get("difficulty"),
            due=_time(data.get("due")),
            last_review=_time(data.get("last_review")),
            reps=int(data.get("reps", 0)),
            lapses=int(data.get("lapses", 0)),
            suspended=bool(data.get("suspended", False)),
            buried_until=_time(data.get("buried_until")),
            leech=bool(data.get("leech", False)),
        )


def interval_label(interval: timedelta) -> str:
    """A short label for an interval: "1m", "10m", "5h", "3d", "2mo", "1.5y"."""
    seconds = max(interval.total_seconds(), 0)
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30.5:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30.4)}mo"
    years = round(days / 365, 1)
    return f"{years:g}y"


def _leech_lapse(lapses: int) -> bool:
    """Whether reaching ``lapses`` marks a card a leech (a cleared mark stays cleared until
    the next of these)."""
    return lapses >= LEECH_LAPSES and (lapses - LEECH_LAPSES) % LEECH_AGAIN == 0


class Scheduler:
    """FSRS with a profile's settings; every call takes the time (UTC) and, to fuzz, a Random."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._fsrs = fsrs.Scheduler(
            parameters=settings.parameters or DEFAULT_PARAMETERS,
            desired_retention=settings.desired_retention,
            learning_steps=tuple(timedelta(minutes=m) for m in settings.learning_steps),
            relearning_steps=tuple(timedelta(minutes=m) for m in settings.relearning_steps),
            maximum_interval=settings.maximum_interval,
            enable_fuzzing=False,
        )

    def _fuzz(self, interval: timedelta, rng: random.Random) -> timedelta:
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for start, end, factor in _FUZZ_RANGES:
            delta += factor * max(min(float(days), end) - start, 0.0)
        low = max(2, round(days - delta))
        high = min(round(days + delta), self.settings.maximum_interval)
        low = min(low, high)
        fuzzed = min(round(rng.random() * (high - low + 1) + low), self.settings.maximum_interval)
        return timedelta(days=fuzzed)

    def _as_fsrs_sees_it(self, progress: CardProgress, now: datetime) -> fsrs.Card:
        """``progress`` for fsrs at ``now``, its last review moved to whole study days before
        ``now``: fsrs counts the days since a review in whole 24-hour periods, and so would
        take a review the next evening, less than 24 hours later, for one of the same day (no
        time for forgetting). Days are counted here as the queue counts them, by study day,
        as Anki does."""
        card = progress.fsrs_card(now)
        if progress.last_review is not None:
            zone, hour = self.settings.zone(), self.settings.day_starts_at
            days = (study_day(now, zone, hour) - study_day(progress.last_review, zone, hour)).days
            card.last_review = now - timedelta(days=max(days, 0))
        return card

    def review(
        self,
        progress: CardProgress,
        rating: Rating,
        now: datetime,
        rng: random.Random | None = None,
        elapsed_ms: int | None = None,
    ) -> CardProgress:
        """The card's progress after a review with ``rating`` at ``now``."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        now = now.astimezone(UTC)
        card, _ = self._fsrs.review_card(
            self._as_fsrs_sees_it(progress, now), rating, now, elapsed_ms
        )
        if self.settings.fuzzing and rng is not None and card.state == State.Review:
            card.due = now + self._fuzz(card.due - now, rng)
        lapsed = rating == Rating.Again and progress.state == State.Review
        lapses = progress.lapses + lapsed
        return replace(
            progress,
            state=card.state,
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
            reps=progress.reps + 1,
            lapses=lapses,
            buried_until=None,
            leech=progress.leech or (lapsed and _leech_lapse(lapses)),
        )

    def preview(self, progress: CardProgress, now: datetime) -> dict[Rating, timedelta]:
        """The interval each rating would give now (without fuzz)."""
        now = now.astimezone(UTC)
        out = {}
        for rating in Rating:
            card, _ = self._fsrs.review_card(self._as_fsrs_sees_it(progress, now), rating, now)
            out[rating] = card.due - now
        return out

    def retrievability(self, progress: CardProgress, now: datetime) -> float | None:
        """The chance, by FSRS's forgetting curve, of recalling the card at ``now`` (study
        days since its last review); None for a card never reviewed."""
        if progress.is_new or progress.stability is None or progress.last_review is None:
            return None
        now = now.astimezone(UTC)
        return float(self._fsrs.get_card_retrievability(self._as_fsrs_sees_it(progress, now), now))
