"""Simulated students (purgequiz demo): their study goes through the real session, the same
randomness gives the same history, and students and their answers differ as a class's do."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime

from deckkit import mixed_deck

from purgequiz.learn.days import day_end, day_start
from purgequiz.learn.memory import MemoryProfile
from purgequiz.learn.settings import Settings
from purgequiz.learn.simulate import (
    FLAG_NOTES,
    Lesson,
    Student,
    draw_student,
    keen,
    simulate,
    study_days,
)
from purgequiz.paths import bundled_decks_dir

DAYS = study_days(date(2025, 3, 14), 14)
SETTINGS = Settings(timezone="Europe/Berlin")


def _history(seed: int, student: Student | None = None, deck=None) -> MemoryProfile:
    deck = deck or mixed_deck()
    rng = random.Random(seed)
    lesson = Lesson.draw(deck, random.Random(0))
    profile = MemoryProfile("Anna", SETTINGS, 7)
    simulate(student or draw_student("Anna", rng), lesson, profile, DAYS, rng)
    return profile


def _steady(**changes) -> Student:
    values = dict(
        name="Anna",
        diligence=1.0,
        cards_per_day=20,
        skill=0.5,
        pace_ms=5000,
        flagging=0.0,
        hour=17.0,
    )
    values.update(changes)
    return Student(**values)


def test_study_days_end_with_the_last_day():
    """The days simulated are the given number of days, oldest first, up to the last."""
    assert study_days(date(2025, 3, 2), 3) == [
        date(2025, 2, 28),
        date(2025, 3, 1),
        date(2025, 3, 2),
    ]


def test_the_same_randomness_gives_the_same_history():
    """Two runs with the same seed record the same answers, states, sessions and flags."""
    first, second = _history(5), _history(5)
    assert list(first.reviews()) == list(second.reviews())
    assert first.card_states() == second.card_states()
    assert first.sessions() == second.sessions() and first.flags() == second.flags()
    assert list(first.reviews()) != list(_history(6).reviews())


def test_answers_are_recorded_by_the_real_session():
    """Every answer is in the log with its study day, its card's mode and a rating that
    grading gives; the daily totals and the sessions agree with the log."""
    profile = _history(1, _steady())
    reviews = list(profile.reviews())
    assert reviews, "a diligent student answers something"
    deck = {card.id: card for card in mixed_deck().cards}
    for review in reviews:
        card = deck[review.card_id]
        assert review.mode in {"choice", "typed", "flashcard", "ordering", "matching"}
        if card.kind == "ordering":
            assert review.mode == "ordering"
        assert (review.rating == 1) == (not review.correct)
    by_day = Counter(review.day for review in reviews)
    assert {d.day: d.reviews for d in profile.days()} == dict(by_day)
    assert sum(s["reviewed"] for s in profile.sessions()) == len(reviews)


def test_every_sitting_is_inside_its_study_day_in_the_profiles_zone():
    """Each answer is made on one of the days simulated, in the afternoon or evening of the
    student's zone, and within that study day."""
    profile = _history(2, _steady(hour=20.5))
    zone = SETTINGS.zone()
    for review in profile.reviews():
        at = datetime.fromisoformat(review.reviewed_at)
        day = date.fromisoformat(review.day)
        assert day in DAYS
        assert day_start(day, zone, 4) <= at < day_end(at, zone, 4)
        assert 19 <= at.astimezone(zone).hour <= 22


def test_a_wrong_choice_is_one_of_the_cards_choices():
    """A student who picks wrongly picks one of the choices shown, never made-up text."""
    profile = _history(3, _steady(skill=-2.0))
    deck = {card.id: card for card in mixed_deck().cards}
    wrong = [r for r in profile.reviews() if r.mode == "choice" and not r.correct]
    assert wrong
    for review in wrong:
        card = deck[review.card_id]
        assert review.given in card.choices and review.given != card.answer


def test_the_class_shares_its_false_beliefs():
    """On a card whose lesson makes one wrong choice draw strongly, students who do not know
    the answer pick that choice more than any other."""
    deck = mixed_deck()
    lesson = Lesson.draw(deck, random.Random(0))
    strong = {
        card_id: max(traits.pull, key=traits.pull.__getitem__)
        for card_id, traits in lesson.traits.items()
        if traits.pull and max(traits.pull.values()) >= 2.0
    }
    assert strong
    picked: Counter[tuple[str, str]] = Counter()
    for seed in range(12):
        rng = random.Random(seed)
        profile = MemoryProfile(f"s{seed}", SETTINGS, seed)
        simulate(_steady(name=f"s{seed}", skill=-1.5), lesson, profile, DAYS, rng)
        for review in profile.reviews():
            if review.mode == "choice" and not review.correct:
                picked[review.card_id, review.given] += 1
    checked = 0
    for card_id, belief in strong.items():
        counts = {given: n for (cid, given), n in picked.items() if cid == card_id}
        if sum(counts.values()) >= 10:
            assert max(counts, key=counts.__getitem__) == belief, (card_id, counts)
            checked += 1
    assert checked >= 2


def test_skill_and_diligence_show_in_the_history():
    """A skilled student answers more right than a weak one, and a diligent one studies on
    more days than one who rarely studies."""

    def accuracy(profile: MemoryProfile) -> float:
        reviews = list(profile.reviews())
        return sum(r.correct for r in reviews) / len(reviews)

    assert accuracy(_history(4, _steady(skill=2.5))) > accuracy(_history(4, _steady(skill=-1.5)))
    assert len(_history(4, _steady(diligence=1.0)).study_days()) == len(DAYS)
    assert len(_history(4, _steady(diligence=0.2)).study_days()) < len(DAYS) / 2


def test_students_of_a_class_differ():
    """Students drawn for a class differ in diligence, answers a day, skill and pace."""
    rng = random.Random(9)
    students = [draw_student(f"s{n}", rng) for n in range(25)]
    for field in ("diligence", "cards_per_day", "skill", "pace_ms", "hour"):
        assert len({getattr(s, field) for s in students}) > 15, field
    assert min(s.diligence for s in students) < 0.5 < 0.85 < max(s.diligence for s in students)


def test_answer_times_follow_the_students_pace():
    """A quick student's answers take less time than a slow one's, within bounds."""

    def median(profile: MemoryProfile) -> int:
        times = sorted(r.elapsed_ms for r in profile.reviews() if r.mode == "choice")
        return times[len(times) // 2]

    quick, slow = _history(5, _steady(pace_ms=2500)), _history(5, _steady(pace_ms=9000))
    assert median(quick) < median(slow)
    assert all(700 <= r.elapsed_ms <= 180_000 for r in slow.reviews())


def test_cards_that_look_wrong_are_flagged_with_a_note():
    """Students who flag cards flag only cards that look wrong to the class, each once, with
    one of the notes students write."""
    deck = mixed_deck()
    lesson = Lesson.draw(deck, random.Random(0))
    lesson = Lesson(
        deck, {cid: t.__class__(t.difficulty, t.pull, True) for cid, t in lesson.traits.items()}
    )
    profile = MemoryProfile("Anna", SETTINGS, 7)
    simulate(_steady(flagging=1.0, skill=-1.0), lesson, profile, DAYS, random.Random(1))
    flags = profile.flags()
    assert flags
    assert len({f["card_id"] for f in flags}) == len(flags)
    assert {f["note"] for f in flags} <= set(FLAG_NOTES)


def test_a_keen_student_studies_at_least_nine_days_in_ten():
    """The student a profile is filled with studies on nine days in ten, or more."""
    assert keen(_steady(diligence=0.1)).diligence == 0.9
    assert keen(_steady(diligence=0.95)).diligence == 0.95


def test_a_shipped_deck_is_studied_in_every_mode_it_has():
    """On a shipped deck over a month, answers are given in every mode its cards are asked in
    (multiple choice, typed once learnt, flashcards, orderings)."""
    from purgequiz.decks.fileformat import read_deck

    deck = read_deck(bundled_decks_dir() / "army-purge.json")
    days = study_days(date(2025, 3, 30), 30)
    profile = MemoryProfile("Anna", SETTINGS, 7)
    simulate(
        _steady(skill=1.0), Lesson.draw(deck, random.Random(0)), profile, days, random.Random(2)
    )
    modes = Counter(r.mode for r in profile.reviews())
    assert {"choice", "typed", "flashcard", "ordering"} <= set(modes)
    assert any(r.near_miss for r in profile.reviews()) or any(
        not r.correct and r.mode == "typed" for r in profile.reviews()
    )
