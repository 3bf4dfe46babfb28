"""The practice menu (p on the home screen), cram, and "I don't know" on every card."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from purgequiz.decks.model import Deck
from purgequiz.store.profile import open_profile
from purgequiz.store.transfer import export_profile
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.practice import ChoiceScreen, PracticeMenu
from purgequiz.tui.screens.study import StudyScreen
from purgequiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    answer,
    card,
    choice_deck,
    install,
    make_app,
    matching_deck,
    ordering_deck,
    screen_text,
    studying,
    truefalse_deck,
    typed_deck,
)
from tests.tui.waiting import press, settle


def words(app) -> str:
    return " ".join(screen_text(app).split())


def stored_states(name: str = "Anna") -> bytes:
    with open_profile(name) as profile:
        return json.dumps(export_profile(profile)["cards"]).encode()


async def test_p_opens_the_practice_menu_and_esc_closes_it(clock) -> None:
    """p shows the practice modes with their numbers; Esc goes back to the decks."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        assert isinstance(app.screen, PracticeMenu)
        text = words(app)
        for line in ("1. Quick practice", "2. Cram", "3. Exam", "4. Chronology", "5. Match"):
            assert line in text
        assert "6. Challenge" in text and "leaves your study schedule as it was" in text
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_home_line_offers_new_cards_then_practice_when_nothing_is_due(clock) -> None:
    """With no card due today, the home screen's line points a new profile at its new cards
    (Enter), and offers p once the day's new cards are used up."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "New cards to learn: Enter" in words(app) and "Nothing due" not in words(app)
    with open_profile("Anna") as profile:
        assert profile.update_settings(new_per_day=0) == []
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Nothing due: p to practise" in words(app)


async def test_the_home_line_counts_cards_due(clock) -> None:
    """With cards due today, the line counts them as before (no offer of practice)."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await answer(pilot, correct=False)
        await press(pilot, "q", "h")
        assert "Due now 0 (1 today)" in words(app) and "Nothing due" not in words(app)


async def cram_first_deck(pilot) -> None:
    await press(pilot, "p", "2")
    assert isinstance(pilot.app.screen, ChoiceScreen)
    await press(pilot, "enter")  # the first deck is highlighted
    assert isinstance(pilot.app.screen, StudyScreen)


async def test_cram_asks_every_card_and_changes_no_schedule(clock) -> None:
    """Cram of a deck already studied asks every card, the missed one again, records the
    answers as practice and leaves every card state on disk as it was."""
    install(choice_deck(3))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await answer(pilot)
        await press(pilot, "q", "h")
    before = stored_states()
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await cram_first_deck(pilot)
        assert "Cram: The NKVD leadership" in words(app) and "practice, cards left 3" in words(app)
        await answer(pilot, correct=False)
        assert "practice: the card's schedule is unchanged" in words(app)
        await press(pilot, "enter")
        count = 1
        while isinstance(app.screen, StudyScreen) and app.screen.phase == "asking":
            await answer(pilot)
            await press(pilot, "enter")
            count += 1
            assert count < 10
        assert count == 4  # three cards, and the one missed once more
        assert isinstance(app.screen, SummaryScreen)
        assert "Practice finished" in words(app) and "no card's schedule was changed" in words(app)
    assert stored_states() == before
    with open_profile("Anna") as profile:
        assert sum(review.practice for review in profile.reviews()) == 4
        assert [s.get("practice", "") for s in profile.sessions()] == ["", "cram"]


async def test_cram_offers_neither_bury_nor_suspend(clock) -> None:
    """In cram, b and s (which would change the schedule) are not offered and do nothing."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await cram_first_deck(pilot)
        footer = screen_text(app).rstrip().splitlines()[-1]
        assert "bury" not in footer and "suspend" not in footer and "flag" in footer
        await press(pilot, "b", "s")
        assert app.screen.phase == "asking"
    assert stored_states() == b"[]"


async def test_practise_again_from_the_summary(clock) -> None:
    """c on a cram's summary crams the same cards again."""
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await cram_first_deck(pilot)
        await answer(pilot)
        await press(pilot, "enter")
        assert "Practise again (c)" in words(app)
        await press(pilot, "c")
        assert isinstance(app.screen, StudyScreen) and app.screen.session.practice == "cram"


def topical_deck() -> Deck:
    cards = (
        replace(card(f"t-{n}", choices=("Yezhov", "Yagoda", "Beria")), topics=(topic,))
        for n, topic in enumerate(("army", "army", "leadership"))
    )
    return Deck("topical", "Topics deck", "", tuple(cards))


async def test_cram_a_topic(clock) -> None:
    """A topic of every deck can be crammed: its cards only, under the topic's title."""
    install(topical_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "2")
        text = words(app)
        assert "The army purge 2 cards" in text and "Stalin's leadership circle 1 card" in text
        await press(pilot, "down", "enter")  # past the deck, and over the heading
        assert isinstance(app.screen, StudyScreen)
        assert "Cram: Topic: The army purge" in words(app) and "left 2" in words(app)


async def test_the_cards_found_hard_can_be_crammed(clock) -> None:
    """Cards forgotten at least once are offered as a set of their own."""
    install(choice_deck(3))
    with open_profile("Anna") as profile:
        from purgequiz.learn.scheduler import CardProgress

        profile.save_states([CardProgress("choice-1", reps=4, lapses=1)])
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "2")
        assert "Cards you find hard (forgotten at least once) 1 card" in words(app)


# -- "I don't know" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deck", "keys"),
    [
        (choice_deck(1), ("0",)),
        (typed_deck(1), ("?", "enter")),
        (typed_deck(1), ("escape", "0")),
        (truefalse_deck(1), ("0",)),
        (ordering_deck(), ("0",)),
        (matching_deck(), ("0",)),
    ],
    ids=["choice", "typed-?", "typed-esc-0", "truefalse", "ordering", "matching"],
)
async def test_i_dont_know_shows_the_answer_and_logs_no_guess(clock, deck, keys) -> None:
    """On every kind of card, "I don't know" shows the answer with its explanation and
    source, graded Again, and the log holds no guess, marked as "I don't know"."""
    async with studying(clock, deck) as pilot:
        for key in keys:
            await press(pilot, key)
        assert pilot.app.screen.phase == "feedback"
        text = words(pilot.app)
        assert "You did not know this one: here is the answer." in text
        assert "Because of fact" in text and "Source:" in text and "Graded Again" in text
        await press(pilot, "q")
    with open_profile("Anna") as profile:
        (review,) = profile.reviews()
        assert review.dont_know and review.given == "" and review.rating == 1


async def test_zero_is_typed_into_a_typed_answer(clock) -> None:
    """While typing, 0 is part of the answer (a number, a date), not "I don't know"."""
    async with studying(clock, typed_deck(1)) as pilot:
        assert pilot.app.screen.presented.mode == "typed"  # a card without choices
        await press(pilot, "1", "0")
        assert pilot.app.screen.phase == "asking"


async def test_a_mode_no_deck_can_serve_says_so(clock) -> None:
    """With only a deck of multiple-choice questions, chronology and match have nothing to
    play: each says why and opens nothing; the exam offers the deck."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "4")
        assert isinstance(app.screen, HomeScreen)
        await press(pilot, "p", "5")
        assert isinstance(app.screen, HomeScreen)
        said = [str(notice.message) for notice in app._notifications]
        assert said == [
            "No deck has events to put in order.",
            "No deck has people and posts to match.",
        ]
        await press(pilot, "p", "3")
        assert "Exam: which deck" in words(app) and "The NKVD leadership" in words(app)
