"""Challenge from the practice menu: 60 seconds, a run of right answers scores more, and the
best score of each deck is kept and shown on the home screen beside the deck."""

from __future__ import annotations

from purgequiz.store.profile import open_profile
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.practice_challenge import ChallengeScreen
from purgequiz.tui.screens.practice_quiz import RoundResults
from tests.tui.conftest import choice_deck, install, make_app, screen_text
from tests.tui.waiting import press, settle


def words(app) -> str:
    return " ".join(screen_text(app).split())


async def choose(pilot, right: bool) -> None:
    shown = pilot.app.screen.presented
    pilot.app.clock.advance(seconds=2)
    index = shown.choices.index(shown.card.answer)
    await press(pilot, str((index if right else (index + 1) % len(shown.choices)) + 1))


async def challenge(pilot, answers: list[bool]) -> None:
    """A challenge of the first deck with these answers, until the time is up."""
    await press(pilot, "p", "6", "enter")
    assert isinstance(pilot.app.screen, ChallengeScreen)
    for right in answers:
        await choose(pilot, right)
    pilot.app.clock.advance(seconds=60)
    # the next answer (or, if it comes first, the screen's second tick) finds the time up
    await press(pilot, "1")
    assert isinstance(pilot.app.screen, RoundResults)


async def test_a_challenge_scores_runs_and_keeps_the_best_on_the_home_screen(clock) -> None:
    """Three right answers score 1+2+3, a wrong one nothing; the time up ends it; the score is
    a new best, shown beside the deck on the home screen; a lower score later keeps it."""
    install(choice_deck(12))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "6", "enter")
        assert "no best yet" in words(app) and "time left 1:00" in words(app)
        for _ in range(3):
            await choose(pilot, True)
        assert "Right: +3 (run of 3)." in words(app) and "score 6" in words(app)
        answer = app.screen.presented.card.answer
        await choose(pilot, False)
        assert f"Not right: the answer was {answer}." in words(app) and "run 0" in words(app)
        clock.advance(seconds=60)
        await press(pilot, "1")
        assert isinstance(app.screen, RoundResults)
        text = words(app)
        assert "Score 6 points (3 right of 4, longest run 3)" in text
        assert "A new personal best for this deck!" in text and "The time was up." in text
        await press(pilot, "h")
        assert isinstance(app.screen, HomeScreen)
        assert "The NKVD leadership challenge best 6" in words(app)
        await challenge(pilot, [True, False, True])
        assert "Score 2 points" in words(app) and "Your best for this deck: 6." in words(app)
        await press(pilot, "h")
        assert "challenge best 6" in words(app)
    with open_profile("Anna") as profile:
        assert profile.bests()["challenge"]["choice"]["points"] == 6
        assert dict(profile.card_states()) == {}
        assert [s["score"] for s in profile.sessions()] == [6, 2]


async def test_q_ends_a_challenge_before_the_time(clock) -> None:
    """q ends a challenge early: its score still counts, and the results say it ended early."""
    install(choice_deck(4))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "6", "enter")
        await choose(pilot, True)
        await press(pilot, "q")
        assert isinstance(app.screen, RoundResults)
        assert "ended before the time" in words(app) and "Score 1 point (1 right of 1" in words(app)
