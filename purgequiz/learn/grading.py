"""Automatic grading: an outcome and a response time become an FSRS rating.

* wrong, or "I don't know" → **Again**;
* right on a card seen for the first time, picked among choices (multiple choice or
  true/false) → **Hard**: that is recognition, and it may be a guess (one in four with four
  choices, one in two on true/false), not yet evidence that the answer will come back later;
* right but slow (more than ``slow_ms`` for the mode) or with an accepted near-miss spelling
  → **Hard**;
* right, fast (at most ``fast_ms`` for the mode) and the card already well known (in review,
  with a stability of at least ``well_known_days`` days) → **Easy**;
* otherwise right → **Good**.

Thresholds (milliseconds)      choice  truefalse  typed   ordering  matching
  fast (Easy if well known)     4 000    3 000     8 000   15 000    20 000
  slow (Hard)                  15 000   10 000    25 000   45 000    60 000
"""

from __future__ import annotations

from dataclasses import dataclass, field

from purgequiz.learn.scheduler import CardProgress, Rating

__all__ = ["DEFAULT_THRESHOLDS", "PICKED", "Thresholds", "grade", "well_known"]


@dataclass(frozen=True)
class Thresholds:
    fast_ms: dict[str, int] = field(
        default_factory=lambda: {
            "choice": 4000,
            "truefalse": 3000,
            "typed": 8000,
            "ordering": 15000,
            "matching": 20000,
        }
    )
    slow_ms: dict[str, int] = field(
        default_factory=lambda: {
            "choice": 15000,
            "truefalse": 10000,
            "typed": 25000,
            "ordering": 45000,
            "matching": 60000,
        }
    )
    well_known_days: float = 7.0


DEFAULT_THRESHOLDS = Thresholds()
PICKED = ("choice", "truefalse")  # modes whose answer is picked among a few, so can be guessed


def well_known(progress: CardProgress | None, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    return (
        progress is not None
        and progress.is_review
        and (progress.stability or 0.0) >= thresholds.well_known_days
    )


def grade(
    correct: bool,
    elapsed_ms: int,
    mode: str,
    *,
    near_miss: bool = False,
    known: bool = False,
    new: bool = False,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Rating:
    """The rating for an automatically graded answer (see the module docstring); ``new``:
    the card has never been answered before."""
    if not correct:
        return Rating.Again
    if new and mode in PICKED:
        return Rating.Hard
    slow = thresholds.slow_ms.get(mode, thresholds.slow_ms["choice"])
    fast = thresholds.fast_ms.get(mode, thresholds.fast_ms["choice"])
    if near_miss or elapsed_ms > slow:
        return Rating.Hard
    if known and elapsed_ms <= fast:
        return Rating.Easy
    return Rating.Good
