"""Exam from the practice menu: no feedback until the end, the score and every mistake with
why, a time limit when asked for, and the missed cards put into today's study on request."""

from __future__ import annotations

from datetime import timedelta

from purgequiz.decks.model import Deck
from purgequiz.store.profile import open_profile
from purgequiz.tui.screens.practice_exam import ExamResults, ExamScreen, ExamSetup, exam_options
from tests.tui.conftest import card, install, make_app, rebutted_deck, screen_text
from tests.tui.waiting import press, settle

NAMES = ("Yezhov", "Yagoda", "Beria", "Vyshinsky")


def exam_deck() -> Deck:
    """The card whose wrong choices say why they are wrong, and three plain ones."""
    others = tuple(card(f"exam-{n}", answer=NAMES[n], choices=NAMES) for n in range(1, 4))
    return Deck("exam", "Exam deck", "", rebutted_deck().cards + others)


def words(app) -> str:
    return " ".join(screen_text(app).split())


async def start_exam(pilot, *setup: str) -> None:
    await settle(pilot)
    await press(pilot, "p", "3")
    await press(pilot, "enter")  # the first deck
    assert isinstance(pilot.app.screen, ExamSetup)
    await press(pilot, *setup, "enter")


async def choose(pilot, right: bool) -> None:
    """Answer the multiple-choice question shown, rightly or with the next choice."""
    shown = pilot.app.screen.presented
    pilot.app.clock.advance(seconds=5)
    index = shown.choices.index(shown.card.answer)
    await press(pilot, str((index if right else (index + 1) % len(shown.choices)) + 1))


async def test_an_exam_says_nothing_until_the_end_then_the_score_and_why(clock) -> None:
    """Four questions, the one with rebuttals answered wrong: nothing is said until the end;
    then 3 of 4, the mistake with what was answered, the answer, why the answer given is
    wrong, the explanation and the source; no card's schedule changed."""
    install(exam_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_exam(pilot)
        assert isinstance(app.screen, ExamScreen) and "question 1 of 4" in words(app)
        for _ in range(4):
            right = app.screen.presented.card.id != "why-0"
            if not right:
                wrong = app.screen.presented
            await choose(pilot, right)
            if isinstance(app.screen, ExamScreen):
                text = words(app)
                assert "Right" not in text and "Not quite" not in text and "Answer:" not in text
        assert isinstance(app.screen, ExamResults)
        given = wrong.choices[(wrong.choices.index("Yezhov") + 1) % 4]
        text = words(app)
        assert "Score 3 of 4 right (75%)" in text
        assert f"Your answer: {given}" in text and "Answer: Yezhov" in text
        assert f"Why not {given}: {given} was someone else entirely." in text
        assert "Because of fact why-0." in text and "Source: Wright" in text
        assert "Add the 1 missed card to today's study (a)" in text
    with open_profile("Anna") as profile:
        assert dict(profile.card_states()) == {}
        assert [r.practice for r in profile.reviews()] == [True] * 4
        assert [s["practice"] for s in profile.sessions()] == ["exam"]
        assert profile.sessions()[0]["score"] == 3


async def test_a_adds_the_missed_cards_to_todays_study(clock) -> None:
    """a on the results makes the missed cards due now (a new card among them comes today)
    and says so; the home screen then counts them as due."""
    install(exam_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_exam(pilot)
        missed = []
        while isinstance(app.screen, ExamScreen):
            right = len(missed) >= 2
            if not right:
                missed.append(app.screen.presented.card.id)
            await choose(pilot, right)
        await press(pilot, "a")
        assert "Added: 2 cards are due now, in today's study" in words(app)
        await press(pilot, "h")
        assert "Due now 2 (2 today)" in words(app)
    with open_profile("Anna") as profile:
        states = profile.card_states()
        assert sorted(states) == sorted(missed)
        assert all(states[card_id].due == clock.now for card_id in missed)


async def test_a_time_limit_ends_the_exam_and_unanswered_questions_count(clock) -> None:
    """With a time limit, an answer given once the time is up is not taken: the exam ends,
    says the time was up, and the questions not answered count as not right."""
    install(exam_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_exam(pilot, "tab", "2")
        assert "time left 2:00" in words(app)
        await choose(pilot, True)
        clock.advance(minutes=3)
        # the next answer (or, if it comes first, the screen's second tick) finds the time up
        await press(pilot, "1")
        assert isinstance(app.screen, ExamResults)
        text = words(app)
        assert "Score 1 of 4 right (25%)" in text and "The time was up" in text
        assert "Not answered" in text
        report = app.screen.report
        assert (report.answered, [m.answered for m in report.mistakes]) == (1, [False] * 3)


async def test_q_ends_the_exam_early(clock) -> None:
    """q during an exam ends it: the results count the questions left as not answered."""
    install(exam_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_exam(pilot)
        await choose(pilot, True)
        await press(pilot, "q")
        assert isinstance(app.screen, ExamResults)
        assert "Score 1 of 4 right (25%)" in words(app)
        assert "Questions not answered count as not right." in words(app)


async def test_the_setup_says_what_is_wrong(clock) -> None:
    """A number of questions or minutes that makes no sense is said, and nothing starts."""
    install(exam_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_exam(pilot, "backspace", "0", "tab", "x")
        assert isinstance(app.screen, ExamSetup)
        text = words(app)
        assert "Questions: a whole number from 1 to 200." in text
        assert "Time limit: a whole number of minutes from 1 to 180" in text


def test_exam_options_are_read():
    """Empty fields mean 20 questions and no limit; numbers are read; nonsense is said."""
    assert exam_options("", "") == exam_options("20", " ")
    chosen = exam_options("5", "10")
    assert chosen.questions == 5 and chosen.limit == timedelta(minutes=10)
    assert len(exam_options("-1", "0")) == 2


async def test_quitting_the_app_mid_exam_keeps_its_record(clock) -> None:
    """ctrl+q after one answer of an exam: the answer and the exam's record are kept."""
    install(exam_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_exam(pilot)
        await choose(pilot, True)
        await pilot.press("ctrl+q")
    with open_profile("Anna") as profile:
        (record,) = profile.sessions()
        assert (record["practice"], record["reviewed"], record["score"]) == ("exam", 1, 1)


async def test_q_just_after_an_answer_counts_it(clock) -> None:
    """An answer followed at once by q (while it is saved) counts, then the exam ends."""
    from tests.tui.test_quitting import typed_together

    install(exam_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_exam(pilot)
        shown = app.screen.presented
        await typed_together(pilot, str(shown.choices.index(shown.card.answer) + 1), "q")
        await settle(pilot)
        assert isinstance(app.screen, ExamResults)
        assert app.screen.report.right == 1 and app.screen.report.answered == 1
