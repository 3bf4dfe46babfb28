"""Scheduling: exact FSRS intervals with fuzzing off and the clock passed in."""

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from purgequiz.learn.scheduler import (
    LEECH_AGAIN,
    LEECH_LAPSES,
    CardProgress,
    Rating,
    Scheduler,
    State,
    fsrs_id,
    interval_label,
)
from purgequiz.learn.settings import Settings

T0 = datetime(2025, 1, 1, 9, tzinfo=UTC)


def plain() -> Scheduler:
    return Scheduler(Settings(fuzzing=False))


@pytest.mark.parametrize(
    "rating, interval",
    [
        (Rating.Again, timedelta(minutes=1)),
        (Rating.Hard, timedelta(minutes=5, seconds=30)),
        (Rating.Good, timedelta(minutes=10)),
        (Rating.Easy, timedelta(days=8)),
    ],
)
def test_first_review_intervals(rating, interval):
    """A new card's first rating gives the learning step (or, for Easy, 8 days) exactly."""
    assert plain().review(CardProgress("a"), rating, T0).due - T0 == interval


def test_graduation_and_lapse():
    """Good, Good graduates to 2 days, then 11 days; a lapse relearns in 10 minutes."""
    s = plain()
    first = s.review(CardProgress("a"), Rating.Good, T0)
    second = s.review(first, Rating.Good, first.due)
    assert (second.due - first.due, second.state) == (timedelta(days=2), State.Review)
    third = s.review(second, Rating.Good, second.due)
    assert third.due - second.due == timedelta(days=11)
    lapse = s.review(third, Rating.Again, third.due)
    assert (lapse.due - third.due, lapse.state, lapse.lapses) == (
        timedelta(minutes=10),
        State.Relearning,
        1,
    )


def test_settings_change_intervals():
    """A lower desired retention gives longer intervals; custom steps are used as minutes."""
    s = Scheduler(Settings(fuzzing=False, desired_retention=0.8, learning_steps=(3, 30)))
    first = s.review(CardProgress("a"), Rating.Good, T0)
    assert first.due - T0 == timedelta(minutes=30)
    second = s.review(first, Rating.Good, first.due)
    third = s.review(second, Rating.Good, second.due)
    assert third.due - second.due > timedelta(days=11)


def test_fuzz_is_seeded_and_bounded():
    """Fuzz comes from the Random passed in: same seed, same interval, within fsrs's range."""
    s = Scheduler(Settings(fuzzing=True))
    card = s.review(s.review(CardProgress("a"), Rating.Good, T0), Rating.Good, T0)
    card = s.review(card, Rating.Good, card.due)
    due_a = s.review(card, Rating.Good, card.due, random.Random(5)).due
    due_b = s.review(card, Rating.Good, card.due, random.Random(5)).due
    assert due_a == due_b
    plain_due = plain().review(card, Rating.Good, card.due).due
    assert abs((due_a - plain_due).days) <= 4


def test_leech_after_eight_lapses():
    """A card is tagged a leech at its eighth lapse."""
    s = plain()
    card = CardProgress(
        "a",
        state=State.Review,
        step=None,
        stability=5.0,
        difficulty=5.0,
        due=T0,
        last_review=T0 - timedelta(days=5),
        reps=10,
        lapses=LEECH_LAPSES - 1,
    )
    assert s.review(card, Rating.Again, T0).leech


def test_a_cleared_leech_mark_stays_cleared_until_four_more_lapses():
    """Once its mark is cleared, a leech is marked again only at its next fourth lapse."""
    s = plain()
    card = CardProgress(
        "a",
        state=State.Review,
        step=None,
        stability=5.0,
        difficulty=5.0,
        due=T0,
        last_review=T0 - timedelta(days=5),
        reps=10,
        lapses=LEECH_LAPSES,
        leech=False,
    )
    marks = []
    for _ in range(LEECH_AGAIN):
        card = s.review(card, Rating.Again, card.due)
        marks.append(card.leech)
        card = s.review(card, Rating.Good, card.due)  # relearnt: the mark is kept as it is
        assert card.leech == marks[-1]
        card = replace(card, state=State.Review)
    assert marks == [False] * (LEECH_AGAIN - 1) + [True]
    assert card.lapses == LEECH_LAPSES + LEECH_AGAIN


def test_naive_time_refused():
    """A naive datetime is refused: every time is UTC-aware."""
    with pytest.raises(ValueError):
        plain().review(CardProgress("a"), Rating.Good, datetime(2025, 1, 1))


def test_preview_matches_review():
    """The preview of each rating is the interval the review then gives."""
    s = plain()
    preview = s.preview(CardProgress("a"), T0)
    assert preview[Rating.Good] == timedelta(minutes=10)
    assert preview[Rating.Easy] == timedelta(days=8)


def test_progress_round_trip_and_ids():
    """A card's progress survives to_dict/from_dict; fsrs ids are stable integers."""
    card = plain().review(CardProgress("a"), Rating.Good, T0)
    assert CardProgress.from_dict(card.to_dict()) == card
    assert card.to_dict()["v"] == 1
    assert fsrs_id("a") == fsrs_id("a") != fsrs_id("b")


@pytest.mark.parametrize(
    "interval, label",
    [
        (timedelta(seconds=20), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=3), "3d"),
        (timedelta(days=61), "2mo"),
        (timedelta(days=548), "1.5y"),
    ],
)
def test_interval_labels(interval, label):
    """Intervals are labelled in the shortest unit that reads well."""
    assert interval_label(interval) == label


def test_days_since_a_review_are_counted_in_study_days():
    """A review the next evening, under 24 hours after one late the evening before, is a
    review a day later (the card had a night to be forgotten), not one of the same day;
    two reviews within one study day (past midnight, before the day starts at 04:00) are of
    the same day."""
    scheduler = Scheduler(Settings(timezone="UTC", fuzzing=False))
    late = datetime(2025, 3, 10, 22, tzinfo=UTC)
    known = CardProgress(
        "c1",
        state=State.Review,
        step=None,
        stability=5.0,
        difficulty=5.0,
        due=late,
        last_review=late,
        reps=4,
        lapses=0,
    )
    raw = fsrs.Scheduler(enable_fuzzing=False)

    def by_fsrs(days_before: float, at: datetime) -> float:
        card = known.fsrs_card(at)
        card.last_review = at - timedelta(days=days_before)
        return raw.review_card(card, Rating.Good, at)[0].stability

    next_evening = late + timedelta(hours=20)
    assert scheduler.review(known, Rating.Good, next_evening).stability == pytest.approx(
        by_fsrs(1, next_evening)
    )
    assert scheduler.retrievability(known, next_evening) < 1.0
    after_midnight = late + timedelta(hours=5)  # 03:00: still the study day of 22:00
    assert scheduler.review(known, Rating.Good, after_midnight).stability == pytest.approx(
        by_fsrs(0, after_midnight)
    )
    assert scheduler.retrievability(known, after_midnight) == 1.0
