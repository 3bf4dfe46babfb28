"""Personal bests: the rules for when a session or a day beats what was kept (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from purgequiz.learn.records import RECORD_VERSION, DayCounts, SessionRecord

__all__ = ["MIN_REVIEWS_FOR_ACCURACY", "updated_bests"]

MIN_REVIEWS_FOR_ACCURACY = 20  # a shorter session's accuracy is not a personal best


def updated_bests(
    bests: Mapping[str, Any], session: SessionRecord, days: Iterable[DayCounts]
) -> dict[str, Any]:
    """The personal bests (stored form) once ``session`` is over, ``days`` being every study
    day's totals; ``bests`` is left as it was."""
    new: dict[str, Any] = {"v": RECORD_VERSION, **bests}
    if session.reviewed >= MIN_REVIEWS_FOR_ACCURACY:
        accuracy = session.correct / session.reviewed
        if accuracy > new.get("session_accuracy", 0):
            new["session_accuracy"] = accuracy
    best_day = max((day.reviews for day in days), default=0)
    new["most_reviews_in_a_day"] = max(new.get("most_reviews_in_a_day", 0), best_day)
    new["longest_session"] = max(new.get("longest_session", 0), session.reviewed)
    return new
