"""Personal bests: when a session or a day beats what was kept."""

from purgequiz.learn.bests import updated_bests
from purgequiz.learn.records import DayCounts, SessionRecord


def _session(reviewed: int, correct: int) -> SessionRecord:
    return SessionRecord(
        "s1",
        "deck",
        "2026-01-01T10:00:00+00:00",
        "2026-01-01T10:20:00+00:00",
        reviewed=reviewed,
        correct=correct,
    )


def test_a_short_session_sets_no_accuracy_best():
    """Accuracy counts as a best only from twenty answers up; length and busiest day always."""
    bests = updated_bests({}, _session(19, 19), [DayCounts("2026-01-01", reviews=30)])
    assert bests == {"v": 1, "most_reviews_in_a_day": 30, "longest_session": 19}


def test_a_better_session_replaces_the_kept_bests_and_a_worse_one_does_not():
    """Each best only ever rises, and the bests passed in are left as they were."""
    kept = {"v": 1, "session_accuracy": 0.9, "most_reviews_in_a_day": 50, "longest_session": 40}
    better = updated_bests(kept, _session(20, 19), [DayCounts("2026-01-01", reviews=60)])
    assert better == {
        "v": 1,
        "session_accuracy": 0.95,
        "most_reviews_in_a_day": 60,
        "longest_session": 40,
    }
    worse = updated_bests(better, _session(30, 15), [DayCounts("2026-01-02", reviews=3)])
    assert worse == better
    assert kept["session_accuracy"] == 0.9
