"""Personal bests: when a session or a day beats what was kept."""

from purgequiz.learn.bests import challenge_best, updated_bests
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


def _practice(mode: str, score: int | None, deck: str = "deck", reviewed: int = 30):
    return SessionRecord(
        f"s-{mode}-{score}",
        deck,
        "2026-01-02T10:00:00+00:00",
        "2026-01-02T10:01:00+00:00",
        reviewed=reviewed,
        correct=reviewed,
        practice=mode,
        score=score,
    )


def test_practice_sets_no_best_of_study():
    """A practice session, however long and right, sets neither the accuracy nor the length
    best; its answers still count in the busiest day."""
    bests = updated_bests({}, _practice("cram", None), [DayCounts("2026-01-02", reviews=30)])
    assert bests == {"v": 1, "most_reviews_in_a_day": 30}


def test_a_challenge_keeps_its_best_score_per_deck():
    """A challenge's score is kept for its deck when it beats the one kept, and not else."""
    first = updated_bests({}, _practice("challenge", 40), [])
    assert challenge_best(first, "deck") == 40 and challenge_best(first, "other") is None
    worse = updated_bests(first, _practice("challenge", 35), [])
    assert worse["challenge"] == first["challenge"]
    better = updated_bests(worse, _practice("challenge", 52, reviewed=12), [])
    assert better["challenge"]["deck"] == {"points": 52, "at": "2026-01-02T10:01:00+00:00"}
    elsewhere = updated_bests(better, _practice("challenge", 10, deck="other"), [])
    assert challenge_best(elsewhere, "deck") == 52 and challenge_best(elsewhere, "other") == 10
