"""The study session: modes, grading into the log, siblings, undo, bury, suspend, summary."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from deckkit import card, deck, plain_deck

from purgequiz.learn import Rating, StudySession, deck_stats, sync_deck, today_line
from purgequiz.store import open_profile

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def profile():
    with open_profile("learner") as p:
        p.update_settings(fuzzing=False, timezone="UTC")
        yield p


def test_new_card_is_multiple_choice_then_typed_once_known(profile):
    """A new card is asked as multiple choice; once graduated it is typed."""
    d = deck(card("a", "Nikolai Yezhov"))
    session = StudySession(d, profile, NOW, random.Random(1))
    shown = session.next_card(NOW)
    assert shown.mode == "choice" and set(shown.choices) == set(d.cards[0].choices)
    result = session.answer("Nikolai Yezhov", NOW, 3000)
    assert (result.correct, result.rating, result.interval) == (True, Rating.Good, "10m")
    later = NOW + timedelta(minutes=10)
    session.answer("Nikolai Yezhov", later, 3000) if session.next_card(later) else None
    assert session.states["a"].is_review
    shown = session.next_card(later + timedelta(days=3))
    assert shown.mode == "typed"
    result = session.answer("Yezhof", later + timedelta(days=3), 3000)
    assert result.correct and result.near_miss and result.rating == Rating.Hard


def test_flashcard_always_available(profile):
    """Any card can be shown as a flashcard and self-graded."""
    session = StudySession(plain_deck(2), profile, NOW, random.Random(1))
    session.next_card(NOW)
    assert session.show_as("flashcard").mode == "flashcard"
    assert session.preview(NOW)[Rating.Good] == "10m"
    result = session.grade_flashcard(Rating.Easy, NOW, 2000)
    assert result.interval == "8d"


def test_siblings_buried_for_the_day(profile):
    """Once a card is answered its siblings wait until the next study day."""
    d = deck(card("a", siblings=("b",)), card("b"), card("c"))
    session = StudySession(d, profile, NOW, random.Random(1))
    assert session.next_card(NOW).card.id == "a"
    session.answer("Yezhov", NOW, 2000)
    assert session.next_card(NOW).card.id == "c"
    assert session.states["b"].buried_until == datetime(2025, 3, 2, 4, tzinfo=UTC)


def test_undo_restores_state_and_removes_the_log_entry(profile):
    """Undo gives the card back with its old state; the review leaves the log and counts."""
    session = StudySession(plain_deck(2), profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.answer("wrong", NOW, 2000)
    shown = session.undo()
    assert shown.card.id == "c000" and session.states["c000"].is_new
    assert list(profile.reviews()) == [] and profile.day_counts("2025-03-01").reviews == 0
    assert session.next_card(NOW) is shown


def test_bury_suspend_and_leech_flags(profile):
    """Bury and suspend take the current card out of the queue."""
    session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.bury(NOW)
    session.next_card(NOW)
    session.suspend(NOW)
    assert session.next_card(NOW).card.id == "c002"
    assert session.counts(NOW).new == 1


def test_summary_and_home_screen_figures(profile):
    """Summary, deck stats and today's line agree with what was answered."""
    d = plain_deck(4)
    session = StudySession(d, profile, NOW, random.Random(1))
    for reply in ("Answer 0", "wrong", "Answer 2"):
        shown = session.next_card(NOW)
        session.answer(reply if reply == "wrong" else shown.card.answer, NOW, 4000)
    summary = session.summary(NOW)
    assert (summary.reviewed, summary.correct, summary.streak) == (3, 2, 1)
    assert summary.hardest[0].id == "c001"
    stats = deck_stats(d, profile, NOW)
    assert (stats.cards, stats.new, stats.learning) == (4, 1, 3)
    today = today_line(profile, NOW)
    assert (today.reviews_done, today.streak, today.goal_met) == (3, 1, False)


def test_regenerated_deck_keeps_progress(profile):
    """Cards whose id survives keep progress; new ones are new; gone ones keep history."""
    session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
    for _ in range(3):
        session.next_card(NOW)
        session.answer("x", NOW, 1000)
    regenerated = deck(*plain_deck(3).cards[1:], card("fresh"))
    report = sync_deck(regenerated, profile)
    assert (report.kept, report.new, report.gone) == (2, 1, ("c000",))
    again = StudySession(regenerated, profile, NOW, random.Random(1))
    assert again.counts(NOW).new == 1
