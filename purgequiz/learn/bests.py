"""Personal bests: the rules for when a session or a day beats what was kept (pure).

* A session of study: its accuracy (from ``MIN_REVIEWS_FOR_ACCURACY`` answers up) and its
  length; the busiest day counts every answer of the day, practice included.
* Practice (cram, exam, chronology, match) sets no best of study: a cram of twenty easy cards
  says nothing of how study goes.
* A challenge keeps its best score per deck (``challenge``: deck id → points and when).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from purgequiz.learn.records import RECORD_VERSION, DayCounts, SessionRecord

__all__ = ["MIN_REVIEWS_FOR_ACCURACY", "challenge_best", "updated_bests"]

MIN_REVIEWS_FOR_ACCURACY = 20  # a shorter session's accuracy is not a personal best


def challenge_best(bests: Mapping[str, Any], deck_id: str) -> int | None:
    """The best challenge score kept for ``deck_id`` (None before the first challenge)."""
    kept = bests.get("challenge", {}).get(deck_id)
    return int(kept["points"]) if kept else None


def updated_bests(
    bests: Mapping[str, Any], session: SessionRecord, days: Iterable[DayCounts]
) -> dict[str, Any]:
    """The personal bests (stored form) once ``session`` is over, ``days`` being every study
    day's totals; ``bests`` is left as it was."""
    new: dict[str, Any] = {"v": RECORD_VERSION, **bests}
    if not session.practice:
        if session.reviewed >= MIN_REVIEWS_FOR_ACCURACY:
            accuracy = session.correct / session.reviewed
            if accuracy > new.get("session_accuracy", 0):
                new["session_accuracy"] = accuracy
        new["longest_session"] = max(new.get("longest_session", 0), session.reviewed)
    best_day = max((day.reviews for day in days), default=0)
    new["most_reviews_in_a_day"] = max(new.get("most_reviews_in_a_day", 0), best_day)
    if session.practice == "challenge" and session.score is not None:
        kept = challenge_best(new, session.deck_id)
        if kept is None or session.score > kept:
            challenges = dict(new.get("challenge", {}))
            challenges[session.deck_id] = {"points": session.score, "at": session.ended_at}
            new["challenge"] = challenges
    return new
