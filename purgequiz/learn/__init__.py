"""The learning engine: scheduling, presentation, grading, matching, the queue, the session.

Pure Python: no textual, no tinydb, no clock, no global random (``now`` and a
``random.Random`` are passed in).

The names below are loaded on first use, so that what needs only a part (the store needs the
records, the home screen the figures) does not also load the matcher (rapidfuzz) and the
session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from purgequiz._lazy import lazy_attributes

if TYPE_CHECKING:
    from purgequiz.learn.grading import DEFAULT_THRESHOLDS, Thresholds, grade
    from purgequiz.learn.matching import DeckMatcher, Match, normalize
    from purgequiz.learn.presentation import Mode, mode_for
    from purgequiz.learn.queue import Counts, StudyQueue, day_end, day_start, study_day
    from purgequiz.learn.records import DayCounts, Flag, ProgressStore, Review, SessionRecord
    from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler, State, interval_label
    from purgequiz.learn.session import Presented, Result, StudySession, Summary
    from purgequiz.learn.settings import Settings
    from purgequiz.learn.stats import (
        DeckStats,
        SyncReport,
        Today,
        deck_stats,
        sync_deck,
        today_line,
    )

_WHERE = {
    "DEFAULT_THRESHOLDS": "grading",
    "Thresholds": "grading",
    "grade": "grading",
    "DeckMatcher": "matching",
    "Match": "matching",
    "normalize": "matching",
    "Mode": "presentation",
    "mode_for": "presentation",
    "Counts": "queue",
    "StudyQueue": "queue",
    "day_end": "queue",
    "day_start": "queue",
    "study_day": "queue",
    "DayCounts": "records",
    "Flag": "records",
    "ProgressStore": "records",
    "Review": "records",
    "SessionRecord": "records",
    "CardProgress": "scheduler",
    "Rating": "scheduler",
    "Scheduler": "scheduler",
    "State": "scheduler",
    "interval_label": "scheduler",
    "Presented": "session",
    "Result": "session",
    "StudySession": "session",
    "Summary": "session",
    "Settings": "settings",
    "DeckStats": "stats",
    "SyncReport": "stats",
    "Today": "stats",
    "deck_stats": "stats",
    "sync_deck": "stats",
    "today_line": "stats",
}

# Written out (not sorted(_WHERE)) so that linters see the names as exported.
__all__ = [
    "DEFAULT_THRESHOLDS",
    "CardProgress",
    "Counts",
    "DayCounts",
    "DeckMatcher",
    "DeckStats",
    "Flag",
    "Match",
    "Mode",
    "Presented",
    "ProgressStore",
    "Rating",
    "Result",
    "Review",
    "Scheduler",
    "SessionRecord",
    "Settings",
    "State",
    "StudyQueue",
    "StudySession",
    "Summary",
    "SyncReport",
    "Thresholds",
    "Today",
    "day_end",
    "day_start",
    "deck_stats",
    "grade",
    "interval_label",
    "mode_for",
    "normalize",
    "study_day",
    "sync_deck",
    "today_line",
]
assert sorted(__all__) == sorted(_WHERE)


__getattr__ = lazy_attributes(__name__, _WHERE, globals())
