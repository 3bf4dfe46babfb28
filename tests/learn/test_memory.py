"""The in-memory profile the engine's tests use answers as a profile on disk does."""

import random
from datetime import UTC, datetime, timedelta

from deckkit import mixed_deck
from inmemory import MemoryProfile

from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import StudySession
from purgequiz.learn.stats import Figures, deck_stats
from purgequiz.store.profile import open_profile

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def _study(profile) -> tuple:
    """A day and a half of study with every kind of change a session makes; what the profile
    then holds, in plain values."""
    assert profile.update_settings(fuzzing=False, timezone="UTC", new_per_day=8) == []
    assert profile.update_settings(new_per_day=-1) != []  # refused, nothing changes
    deck = mixed_deck()
    rng = random.Random(3)
    for start in (NOW, NOW + timedelta(days=1, hours=3)):
        session = StudySession(deck, profile, start, rng)
        now = start
        for step in range(14):
            now += timedelta(seconds=20)
            shown = session.next_card(now)
            if shown is None:
                now += timedelta(minutes=15)
                continue
            right = rng.random() < 0.6
            if shown.mode == "flashcard":
                session.grade_flashcard(Rating.Good if right else Rating.Again, now, 3000)
            else:
                session.answer(shown.card.answer if right else "wrong", now, 3000)
            if step == 3:
                session.regrade(Rating.Hard, now)
            elif step == 5:
                session.undo()
            elif step == 7:
                session.flag(f"note {start.day}", now)
                session.bury(now)
            elif step == 9:
                session.suspend(now)
        session.summary(now)
    states = {cid: state.to_dict() for cid, state in profile.card_states().items()}
    days = profile.study_days()
    return (
        profile.settings,
        [review.to_dict() for review in profile.reviews()],
        [profile.day_counts(day) for day in days],
        days,
        states,
        [{k: v for k, v in flag.items() if k != "id"} for flag in profile.flags()],
        deck_stats(deck, profile, now),
        Figures(profile, now).today(),
    )


def test_the_memory_profile_holds_what_a_profile_on_disk_holds(home):
    """Answers, regrades, undos, flags, burials and suspensions leave the same settings, log,
    daily totals, card states, flags and home screen figures in both."""
    with open_profile("learner") as profile:
        on_disk = _study(profile)
    assert _study(MemoryProfile("learner")) == on_disk
    assert on_disk[1] and on_disk[4] and on_disk[5]  # there was something to compare
