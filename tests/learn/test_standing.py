"""A card's standing in a profile (the figures of its page) and the changes made from there."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from deckkit import card

from purgequiz.learn.records import Review
from purgequiz.learn.scheduler import CardProgress, State
from purgequiz.learn.settings import Settings
from purgequiz.learn.standing import (
    buried,
    forgotten,
    last_answers,
    new_flag,
    standing,
    suspended,
    unburied,
    unsuspended,
)

NOW = datetime(2025, 3, 20, 9, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC")

# FSRS-6's forgetting curve with py-fsrs's default parameters: R(t, S) = (1 + F·t/S)^D, with
# the decay D = -w20 and F chosen so that R(S, S) = 0.9.
W20 = 0.1542
DECAY = -W20
FACTOR = 0.9 ** (1 / DECAY) - 1


def by_hand(stability: float, days: int) -> float:
    return (1 + FACTOR * days / stability) ** DECAY


def reviewed(days_ago: float, stability: float = 5.0, **fields) -> CardProgress:
    return CardProgress(
        "c1",
        state=State.Review,
        step=None,
        stability=stability,
        difficulty=6.2,
        due=NOW + timedelta(days=3),
        last_review=NOW - timedelta(days=days_ago),
        reps=7,
        lapses=2,
        **fields,
    )


def test_retrievability_is_fsrs_forgetting_curve_over_study_days():
    """Twelve and a half days after a review with a stability of 5 days (at 21:00, 13 study
    days before 09:00 with days starting at 04:00), the chance of recall is FSRS's curve at 13
    days; twelve days and a few hours later, at 12; at as many days as the stability, 90%."""
    shown = standing("c1", reviewed(12.5), [], (), SETTINGS, NOW)
    assert shown.retrievability == pytest.approx(by_hand(5.0, 13), abs=1e-9)
    assert shown.retrievability == pytest.approx(0.8226, abs=1e-4)  # (1 + 0.98045·13/5)^-0.1542
    same_hours = standing("c1", reviewed(12.1), [], (), SETTINGS, NOW)
    assert same_hours.retrievability == pytest.approx(by_hand(5.0, 12), abs=1e-9)
    at_stability = standing("c1", reviewed(10, stability=10.0), [], (), SETTINGS, NOW)
    assert at_stability.retrievability == pytest.approx(0.9, abs=1e-9)


def test_a_reviewed_card_shows_its_schedule_and_counts():
    """Phase, due, stability, difficulty, reviews and lapses are the state's."""
    shown = standing("c1", reviewed(1), [], (), SETTINGS, NOW)
    assert (shown.phase, shown.due, shown.stability, shown.difficulty) == (
        "review",
        NOW + timedelta(days=3),
        5.0,
        6.2,
    )
    assert (shown.reps, shown.lapses, shown.suspended, shown.leech) == (7, 2, False, False)


def test_a_card_never_studied_is_new_with_no_figures():
    """No state at all, or a state never reviewed (a suspended new card), reads as new with
    no due date, stability, difficulty or chance of recall."""
    for state in (None, CardProgress("c1", suspended=True)):
        shown = standing("c1", state, [], (), SETTINGS, NOW)
        assert shown.phase == "new"
        assert (shown.due, shown.stability, shown.difficulty, shown.retrievability) == (
            None,
            None,
            None,
            None,
        )
    assert standing("c1", CardProgress("c1", suspended=True), [], (), SETTINGS, NOW).suspended


def test_a_relearning_card_is_said_to_be_relearnt():
    """A card that lapsed is in its relearning phase."""
    state = CardProgress("c1", state=State.Relearning, stability=1.0, reps=3, lapses=1)
    assert standing("c1", state, [], (), SETTINGS, NOW).phase == "relearning"


def test_a_bury_counts_only_until_it_runs_out_and_only_its_own_flags():
    """A bury that ended is not shown; the flags shown are the card's own."""
    flags = [{"id": "f1", "card_id": "c1", "note": "typo"}, {"id": "f2", "card_id": "c2"}]
    ran_out = standing("c1", reviewed(1, buried_until=NOW), flags, (), SETTINGS, NOW)
    assert ran_out.buried_until is None
    assert [f["id"] for f in ran_out.flags] == ["f1"]
    later = NOW + timedelta(hours=5)
    assert standing("c1", reviewed(1, buried_until=later), [], (), SETTINGS, NOW).buried_until


def _review(card_id: str, minutes: int, correct: bool, given: str = "Beria") -> Review:
    at = NOW - timedelta(minutes=minutes)
    return Review(
        id=f"r{minutes}-{card_id}",
        card_id=card_id,
        day=at.date().isoformat(),
        reviewed_at=at.isoformat(),
        mode="choice",
        rating=3 if correct else 1,
        correct=correct,
        near_miss=False,
        given=given,
        elapsed_ms=4000,
        was_new=False,
        was_review=True,
        after={},
    )


def test_the_last_answers_are_the_cards_own_newest_first():
    """Only the card's answers are kept, the newest first, at most as many as asked, each
    with its time, right or wrong, what was given and the grade."""
    log = [_review("c1", m, m % 20 == 0) for m in (50, 40, 30, 20, 10)] + [_review("c2", 5, True)]
    answers = last_answers(log, "c1", count=3)
    assert [a.at for a in answers] == [NOW - timedelta(minutes=m) for m in (10, 20, 30)]
    assert [(a.correct, a.grade, a.given, a.mode) for a in answers] == [
        (False, "Again", "Beria", "choice"),
        (True, "Good", "Beria", "choice"),
        (False, "Again", "Beria", "choice"),
    ]


def test_suspend_bury_and_their_undoing_keep_the_schedule():
    """Suspending, burying and undoing them change only the hold, never the schedule."""
    state = reviewed(1)
    until = NOW + timedelta(hours=19)
    assert suspended(state) == CardProgress(**{**vars(state), "suspended": True})
    assert unsuspended(suspended(state)) == state
    assert buried(state, until).buried_until == until
    assert unburied(buried(state, until)) == state
    assert unsuspended(buried(suspended(state), until)).buried_until == until  # still buried


def test_forgetting_makes_the_card_new_and_keeps_its_holds():
    """A forgotten card is new: no schedule, counts or leech mark; suspended and buried as
    it was."""
    until = NOW + timedelta(hours=3)
    state = reviewed(2, suspended=True, buried_until=until, leech=True)
    assert forgotten(state) == CardProgress("c1", suspended=True, buried_until=until)
    assert forgotten(state).is_new


def test_a_flag_is_made_as_a_session_makes_one():
    """The flag holds the card, the deck, the note, the time and the prompt; its id is drawn
    from the time and the random generator given."""
    made = new_flag(card("c1"), "army-purge", "the date is wrong", NOW, random.Random(3))
    again = new_flag(card("c1"), "army-purge", "the date is wrong", NOW, random.Random(3))
    assert made == again
    assert (made.card_id, made.deck_id, made.note, made.created_at, made.prompt) == (
        "c1",
        "army-purge",
        "the date is wrong",
        NOW.isoformat(),
        "Who? (c1)",
    )
    assert made.id.startswith(f"{int(NOW.timestamp() * 1000)}-")
