"""Exams: the questions chosen, asked once each, and the score with every mistake and why."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from deckkit import SOURCE, card, deck, plain_deck
from inmemory import MemoryProfile

from purgequiz.decks.model import Rebuttal
from purgequiz.learn.exam import ExamClock, exam_report, start_exam

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def profile():
    p = MemoryProfile("learner")
    p.update_settings(fuzzing=False, timezone="UTC")
    return p


def test_an_exam_asks_its_questions_once_and_no_flashcard(profile):
    """An exam draws ``size`` graded cards (no flashcard) and asks each once, even missed."""
    cards = [card(f"q{n}") for n in range(8)] + [
        card("f", kind="flashcard", choices=(), answer_type="text")
    ]
    session = start_exam(deck(*cards), profile, NOW, random.Random(3), size=5)
    assert len(session.asked) == 5 and "f" not in session.asked
    shown = []
    while (presented := session.next_card(NOW)) is not None:
        shown.append(presented.card.id)
        session.answer("wrong", NOW, 1000)
    assert shown == list(session.asked)
    assert profile.card_states() == {}


def test_an_exam_of_a_small_deck_asks_what_there_is(profile):
    """With fewer graded cards than questions asked for, every one is asked."""
    assert len(start_exam(plain_deck(3), profile, NOW, random.Random(1)).asked) == 3
    with pytest.raises(ValueError, match="at least one"):
        start_exam(plain_deck(3), profile, NOW, random.Random(1), size=0)


def test_the_score_counts_right_answers_of_the_questions_asked(profile):
    """Four questions: one right, one wrong (with the rebuttal of the choice given), one
    "I don't know", one left unanswered: 1 of 4, and three mistakes in the order asked."""
    why = Rebuttal("Other", "Other held another post.", (SOURCE,))
    d = deck(*(card(f"q{n}", rebuttals=(why,)) for n in range(4)))
    session = start_exam(d, profile, NOW, random.Random(2), size=4)
    results = []
    session.next_card(NOW)
    results.append(session.answer("Yezhov", NOW, 1000))
    session.next_card(NOW)
    results.append(session.answer("Other", NOW, 1000))
    session.next_card(NOW)
    results.append(session.dont_know(NOW, 1000))
    asked = [d.card(card_id) for card_id in session.asked]
    report = exam_report(asked, results)
    assert (report.right, report.asked, report.answered, report.score) == (1, 4, 3, 0.25)
    assert [m.card.id for m in report.mistakes] == list(session.asked[1:])
    wrong, unknown, unanswered = report.mistakes
    assert (wrong.given, wrong.rebuttal, wrong.answered) == ("Other", why, True)
    assert (unknown.given, unknown.dont_know, unknown.rebuttal) == ("", True, None)
    assert (unanswered.answered, unanswered.dont_know) == (False, False)
    assert report.missed == session.asked[1:]


def test_the_clock_runs_only_with_a_limit():
    """Without a limit there is no time left to show and no end; with one, it runs down to
    zero and is then over."""
    assert ExamClock(NOW).left(NOW + timedelta(hours=5)) is None
    assert not ExamClock(NOW).over(NOW + timedelta(days=1))
    clock = ExamClock(NOW, timedelta(minutes=10))
    assert clock.left(NOW + timedelta(minutes=4)) == timedelta(minutes=6)
    assert not clock.over(NOW + timedelta(minutes=9, seconds=59))
    assert clock.over(NOW + timedelta(minutes=10))
    assert clock.left(NOW + timedelta(hours=1)) == timedelta(0)
