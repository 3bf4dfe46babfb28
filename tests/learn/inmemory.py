"""A profile kept in memory, for the engine's tests: what a study session and the home screen's
figures ask of a profile (``purgequiz.learn.records.ProgressStore``), and what the tests read
back, without a folder, a lock or a journal. The store's own tests keep the real profile on
disk; ``test_memory.py`` checks that this one answers as the real one does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from purgequiz.learn.records import DayCounts, Flag, Review, SessionRecord
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings
from purgequiz.store.names import order_seed


class MemoryProfile:
    """Settings, card states, the review log, daily totals, flags and sessions, in dicts."""

    def __init__(self, name: str = "learner") -> None:
        self.order_seed = order_seed(name)  # new cards come in the order a profile so named has
        self.settings = Settings()
        self._states: dict[str, CardProgress] = {}
        self._reviews: dict[str, Review] = {}
        self._days: dict[str, DayCounts] = {}
        self._flags: dict[str, Flag] = {}
        self.saved_sessions: list[SessionRecord] = []

    def update_settings(self, **changes: Any) -> list[str]:
        """As ``Profile.update_settings``: the problems, and no change unless there are none."""
        try:
            settings = self.settings.changed(**changes)
        except (TypeError, ValueError) as error:
            return [str(error)]
        problems = settings.problems()
        if not problems:
            self.settings = settings
        return problems

    def card_states(self) -> dict[str, CardProgress]:
        return self._states

    def day_counts(self, day: str) -> DayCounts:
        counts = self._days.get(day)
        return DayCounts(**vars(counts)) if counts else DayCounts(day)

    def study_days(self) -> list[str]:
        return sorted(day for day, counts in self._days.items() if counts.reviews > 0)

    def _count(self, review: Review, sign: int) -> None:
        counts = self._days.setdefault(review.day, DayCounts(review.day))
        counts.add(review, sign)

    def save_states(self, states: list[CardProgress]) -> None:
        for state in states:
            self._states[state.card_id] = state

    def record_answer(self, review: Review, states: list[CardProgress]) -> None:
        self._reviews[review.id] = review
        self._count(review, 1)
        self.save_states(states)

    def undo_answer(self, review: Review, states: list[CardProgress]) -> None:
        del self._reviews[review.id]
        self._count(review, -1)
        self.save_states(states)

    def replace_answer(self, old: Review, new: Review, states: list[CardProgress]) -> None:
        del self._reviews[old.id]
        self._count(old, -1)
        self.record_answer(new, states)

    def add_flag(self, flag: Flag) -> None:
        self._flags[flag.id] = flag

    def save_session(self, record: SessionRecord) -> None:
        self.saved_sessions.append(record)

    def reviews(self, day: str | None = None) -> Iterator[Review]:
        """The review log (of one study day, or all of it), oldest first."""
        kept = (r for r in self._reviews.values() if day is None or r.day == day)
        yield from sorted(kept, key=lambda r: (r.day, r.reviewed_at, r.id))

    def flags(self) -> list[dict[str, Any]]:
        return sorted((f.to_dict() for f in self._flags.values()), key=lambda d: d["created_at"])
