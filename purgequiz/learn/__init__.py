"""The learning engine: scheduling, presentation, grading, matching, the queue, the session.

Pure Python: no textual, no tinydb, no clock, no global random (``now`` and a
``random.Random`` are passed in).
"""

from purgequiz.learn.grading import DEFAULT_THRESHOLDS, Thresholds, grade
from purgequiz.learn.matching import DeckMatcher, Match, normalize
from purgequiz.learn.presentation import Mode, mode_for
from purgequiz.learn.queue import Counts, StudyQueue, day_end, day_start, study_day
from purgequiz.learn.records import DayCounts, Flag, ProgressStore, Review, SessionRecord
from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler, State, interval_label
from purgequiz.learn.session import Presented, Result, StudySession, Summary
from purgequiz.learn.settings import Settings
from purgequiz.learn.stats import DeckStats, SyncReport, Today, deck_stats, sync_deck, today_line

__all__ = [
    "DEFAULT_THRESHOLDS", "CardProgress", "Counts", "DayCounts", "DeckMatcher", "DeckStats",
    "Flag", "Match", "Mode", "Presented", "ProgressStore", "Rating", "Result", "Review",
    "Scheduler", "SessionRecord", "Settings", "State", "StudyQueue", "StudySession", "Summary",
    "SyncReport", "Thresholds", "Today", "day_end", "day_start", "deck_stats", "grade",
    "interval_label", "mode_for", "normalize", "study_day", "sync_deck", "today_line",
]
