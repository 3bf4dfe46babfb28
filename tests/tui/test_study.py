"""A student studies whole sessions in every answer mode with the real engine and store."""

from __future__ import annotations

from purgequiz.store import open_profile
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.profile import ProfileScreen
from purgequiz.tui.screens.study import StudyScreen
from purgequiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    answer,
    choice_deck,
    install,
    make_app,
    ordering_deck,
    press,
    screen_text,
    settle,
    study_all,
    truefalse_deck,
    typed_deck,
)


async def start_as(pilot, name: str = "Anna") -> None:
    """On the profile screen, type a name (replacing the suggestion) and open it."""
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProfileScreen)
    pilot.app.screen.query_one("#name").value = ""
    await pilot.press(*name)
    await press(pilot, "enter")
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_first_run_study_quit_reopen(clock) -> None:
    """A first-run student names a profile, studies a deck to the end, and finds it on return."""
    install(choice_deck(3))
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert pilot.app.screen.query_one("#name").value  # a name is suggested
        await start_as(pilot, "Анна Ахматова")
        assert "Анна Ахматова" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, StudyScreen)
        answers = await study_all(pilot)
        assert answers == 6  # each new card: once new, once more from its learning step
        assert isinstance(app.screen, SummaryScreen)
        assert "Cards reviewed" in screen_text(app)
        await press(pilot, "h")
        assert isinstance(app.screen, HomeScreen)
        assert "0 new" in screen_text(app)
        await press(pilot, "q")
    clock.advance(minutes=1)
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        known = app.screen.query_one("#known")
        assert known.display and known.highlighted == 0
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen), screen_text(app)[-3000:]
        text = screen_text(app)
        assert "Reviews today 6" in " ".join(text.split())
        assert "0 new" in text
    with open_profile("Анна Ахматова") as profile:
        assert len(profile.card_states()) == 3
        assert all(state.is_review for state in profile.card_states().values())


async def study_deck_to_the_end(clock, deck, correct: bool = True) -> int:
    install(deck)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, StudyScreen)
        answers = await study_all(pilot, correct)
        assert isinstance(app.screen, SummaryScreen)
    return answers


async def test_typed_session(clock) -> None:
    """Cards without choices are typed; Enter submits; the whole deck is learned."""
    assert await study_deck_to_the_end(clock, typed_deck(2)) == 4


async def test_truefalse_session(clock) -> None:
    """True/false cards are answered with t and f."""
    assert await study_deck_to_the_end(clock, truefalse_deck(2)) == 4


async def test_ordering_session(clock) -> None:
    """Ordering items are moved with shift+up and checked with Enter."""
    assert await study_deck_to_the_end(clock, ordering_deck()) == 2


async def test_flashcard_session(clock) -> None:
    """With flashcards only, space shows the answer and 1-4 grade it, labelled with intervals."""
    with open_profile("Anna") as profile:
        assert profile.update_settings(flashcards_only=True) == []
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "space")
        labels = [str(b.label) for b in app.screen.query("#grades Button")]
        assert labels[0].startswith("1 Again") and labels[2].startswith("3 Good")
        assert all(any(ch.isdigit() for ch in label[2:]) for label in labels)  # an interval
        await press(pilot, "3", "enter")
        assert await study_all(pilot) == 3
        assert isinstance(app.screen, SummaryScreen)


async def test_wrong_answers_are_explained_and_come_back(clock) -> None:
    """A wrong answer shows the right one, the explanation and the source, and is asked again."""
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await answer(pilot, correct=False)
        text = screen_text(app)
        assert "Not quite." in text and "Answer: Yezhov" in text
        assert "Because of fact choice-0." in text and "Wright" in text
        assert "Graded Again" in text
        await press(pilot, "enter")
        assert app.screen.phase == "asking"
        assert app.screen.presented.card.id == "choice-0"


async def test_undo_restores_the_card_on_disk(clock) -> None:
    """u takes back the last answer: the same card is asked again and the log forgets it."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        first = app.screen.presented.card.id
        await answer(pilot)
        await press(pilot, "u")
        assert app.screen.phase == "asking"
        assert app.screen.presented.card.id == first
        assert app.screen.answered == 0
        await press(pilot, "q")
        assert isinstance(app.screen, HomeScreen)
        assert "Reviews today 0" in " ".join(screen_text(app).split())
    with open_profile("Anna") as profile:
        assert not [s for s in profile.card_states().values() if not s.is_new]


async def test_edit_grade_bury_suspend_flag(clock) -> None:
    """e changes the grade, f keeps a note, b and s take cards out of today's queue."""
    install(choice_deck(3))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await answer(pilot)
        await press(pilot, "e", "1")
        assert "Graded Again" in screen_text(app)
        await press(pilot, "f")
        await pilot.press(*"the date is wrong")
        await press(pilot, "enter")
        await press(pilot, "enter")  # next card
        buried = app.screen.presented.card.id
        await press(pilot, "b")
        suspended = app.screen.presented.card.id
        await press(pilot, "s")
        assert app.screen.presented.card.id not in (buried, suspended)
        await press(pilot, "q")
    with open_profile("Anna") as profile:
        assert [f["note"] for f in profile.flags()] == ["the date is wrong"]
        states = profile.card_states()
        assert states[suspended].suspended
        assert states[buried].buried(clock())


async def test_quitting_mid_session_keeps_progress(clock) -> None:
    """q leaves at once; the answers given are already saved."""
    install(choice_deck(3))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await answer(pilot)
        await press(pilot, "enter", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert "1 learning" in screen_text(app)
    with open_profile("Anna") as profile:
        assert len(profile.sessions()) == 1


async def test_quick_practice_stops_after_ten(clock) -> None:
    """p starts ten cards from all decks, then the summary."""
    install(choice_deck(8, "a", "Deck A"))
    install(choice_deck(8, "b", "Deck B"))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        assert await study_all(pilot) == 10
        assert isinstance(app.screen, SummaryScreen)
