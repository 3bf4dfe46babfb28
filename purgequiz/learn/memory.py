"""A profile kept in memory: what a study session needs of a profile
(:class:`~purgequiz.learn.records.ProgressStore`) and what a progress export reads of one, in
dicts, with nothing written anywhere.

``purgequiz demo`` runs its simulated students' sessions against one of these, then writes
what it holds as the progress export a student would hand in (or merges it into a profile).
It keeps what the profile on disk keeps, in the same stored forms: card states, the review
log, daily totals, sessions with the personal bests they lead to, and flags.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from msgspec.structs import replace

from purgequiz.learn.bests import updated_bests
from purgequiz.learn.records import DayCounts, Flag, Review, SessionRecord
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings

__all__ = ["MemoryProfile"]


class MemoryProfile:
    """A learner's progress in memory, under ``display_name``, studying in the order
    ``order_seed`` gives new cards."""

    def __init__(self, display_name: str, settings: Settings, order_seed: int) -> None:
        self.display_name = display_name
        self.settings = settings
        self.order_seed = order_seed
        self._states: dict[str, CardProgress] = {}
        self._reviews: dict[str, Review] = {}
        self._days: dict[str, DayCounts] = {}
        self._flags: dict[str, Flag] = {}
        self._sessions: dict[str, SessionRecord] = {}
        self._bests: dict[str, Any] = {}

    # -- what a study session needs --------------------------------------------------------

    def card_states(self) -> dict[str, CardProgress]:
        return self._states

    def day_counts(self, day: str) -> DayCounts:
        counts = self._days.get(day)
        return replace(counts) if counts else DayCounts(day)  # a copy

    def study_days(self) -> list[str]:
        return sorted(day for day, counts in self._days.items() if counts.reviews > 0)

    def _count(self, review: Review, sign: int) -> None:
        self._days.setdefault(review.day, DayCounts(review.day)).add(review, sign)

    def save_states(self, states: list[CardProgress]) -> None:
        for state in states:
            self._states[state.card_id] = state

    def record_answer(self, review: Review, states: list[CardProgress]) -> None:
        self._reviews[review.id] = review
        self._count(review, 1)
        self.save_states(states)

    def undo_answer(self, review: Review, states: list[CardProgress]) -> None:
        if self._reviews.pop(review.id, None) is not None:
            self._count(review, -1)
        self.save_states(states)

    def replace_answer(self, old: Review, new: Review, states: list[CardProgress]) -> None:
        self.undo_answer(old, [])
        self.record_answer(new, states)

    def add_flag(self, flag: Flag) -> None:
        self._flags[flag.id] = flag

    def save_session(self, record: SessionRecord) -> None:
        """Keep the session and the personal bests it leads to, as the profile on disk does."""
        self._bests = updated_bests(self._bests, record, self._days.values())
        self._sessions[record.id] = record

    # -- what an export reads -------------------------------------------------------------

    def reviews(self) -> Iterator[Review]:
        """The review log, oldest first."""
        yield from sorted(self._reviews.values(), key=lambda r: (r.reviewed_at, r.id))

    def days(self) -> list[DayCounts]:
        return [self.day_counts(day) for day in sorted(self._days)]

    def sessions(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in sorted(self._sessions.values(), key=lambda r: r.started_at)]

    def flags(self) -> list[dict[str, Any]]:
        return [f.to_dict() for f in sorted(self._flags.values(), key=lambda f: f.created_at)]

    def bests(self) -> dict[str, Any]:
        return dict(self._bests)
