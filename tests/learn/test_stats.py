"""Home-screen figures: deck state, today's line and the streak of study days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from purgequiz.learn.records import DayCounts
from purgequiz.learn.scheduler import CardProgress, State
from purgequiz.learn.settings import Settings
from purgequiz.learn.stats import MASTERED_DAYS, Figures, deck_stats, streak

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # the study day ends 2026-03-11 04:00 UTC


class _Stored(dict):
    """Card states as a profile keeps them: `.stored()` gives their stored form."""

    def stored(self):
        return {cid: state.to_dict() for cid, state in self.items()}


class FakeProfile:
    def __init__(self, states: list[CardProgress], days: dict[str, int], stored: bool):
        self.settings = Settings(timezone="UTC", day_starts_at=4, daily_goal=5)
        by_id = {s.card_id: s for s in states}
        self._states = _Stored(by_id) if stored else by_id
        self._days = days

    def card_states(self):
        return self._states

    def day_counts(self, day: str) -> DayCounts:
        return DayCounts(day, reviews=self._days.get(day, 0))

    def study_days(self):
        return list(self._days)


def _states() -> list[CardProgress]:
    reviewed = {"reps": 3, "last_review": NOW - timedelta(days=3)}
    return [
        CardProgress(
            "learning-due-now", State.Learning, 1, 1.0, 5.0, NOW - timedelta(minutes=1), **reviewed
        ),
        CardProgress(
            "learning-later-today",
            State.Learning,
            1,
            1.0,
            5.0,
            NOW + timedelta(hours=10),
            **reviewed,
        ),
        CardProgress(
            "review-tomorrow", State.Review, None, 4.0, 5.0, NOW + timedelta(days=2), **reviewed
        ),
        CardProgress(
            "mastered",
            State.Review,
            None,
            MASTERED_DAYS + 1,
            5.0,
            NOW + timedelta(days=30),
            **reviewed,
        ),
        CardProgress(
            "suspended-due",
            State.Review,
            None,
            4.0,
            5.0,
            NOW - timedelta(days=1),
            suspended=True,
            **reviewed,
        ),
        CardProgress(
            "buried-due",
            State.Review,
            None,
            4.0,
            5.0,
            NOW - timedelta(hours=1),
            buried_until=NOW + timedelta(hours=16),
            **reviewed,
        ),
        CardProgress("never-reviewed"),
    ]


DECK = [s.card_id for s in _states()] + ["not-seen-at-all"]
DAYS = {"2026-03-10": 6, "2026-03-09": 2, "2026-03-08": 1, "2026-03-06": 4}


@pytest.mark.parametrize("stored", [False, True])
def test_deck_figures(stored: bool):
    """New, learning, due today, suspended and mastered are counted as the home screen shows."""
    stats = deck_stats(DECK, FakeProfile(_states(), DAYS, stored), NOW)
    assert (stats.cards, stats.new, stats.learning, stats.suspended, stats.mastered) == (
        8,
        2,
        2,
        1,
        1,
    )
    # due before the study day ends: both learning cards; not the suspended one, nor the one
    # buried until the day ends (it will not be asked today)
    assert stats.due_today == 2
    assert stats.mastery == pytest.approx(1 / 8)


@pytest.mark.parametrize("stored", [False, True])
def test_today(stored: bool):
    """Due now leaves out suspended, buried and later-today cards; the goal compares reviews."""
    today = Figures(FakeProfile(_states(), DAYS, stored), NOW).today()
    assert (today.due_now, today.reviews_done, today.streak, today.daily_goal, today.goal_met) == (
        1,
        6,
        3,
        5,
        True,
    )


@pytest.mark.parametrize("stored", [False, True])
def test_due_today_means_the_same_on_the_line_and_the_decks(stored: bool):
    """Today's line counts "due today" as the deck rows do, over all the profile's cards."""
    profile = FakeProfile(_states(), DAYS, stored)
    today = Figures(profile, NOW).today()
    assert today.due_today == deck_stats(DECK, profile, NOW).due_today == 2
    assert today.due_now <= today.due_today


def test_stored_and_object_states_agree():
    """Counting from stored dicts gives exactly what counting from CardProgress objects gives."""
    plain = Figures(FakeProfile(_states(), DAYS, False), NOW)
    stored = Figures(FakeProfile(_states(), DAYS, True), NOW)
    assert plain.deck(DECK) == stored.deck(DECK)
    assert plain.today() == stored.today()


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ({"2026-03-10", "2026-03-09"}, 2),
        ({"2026-03-09", "2026-03-08"}, 2),
        ({"2026-03-08"}, 0),
        (set(), 0),
        ({"2026-03-10", "2026-03-08"}, 1),
    ],
)
def test_streak(days: set[str], expected: int):
    """A streak counts study days in a row up to today, or up to yesterday before today's study."""
    assert streak(days, date(2026, 3, 10)) == expected


def test_the_figures_do_not_load_the_session_queue():
    """Counting the home screen's figures loads neither the session queue nor what only it
    needs (the deck model, answer matching), so start-up does not wait for them."""
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, purgequiz.learn.stats; print(json.dumps(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert "purgequiz.learn.stats" in loaded
    heavy = {"purgequiz.learn.queue", "purgequiz.decks.model", "purgequiz.learn.matching"}
    assert loaded & heavy == set()
