"""The held-cards screen: suspended cards listed from the home screen and brought back."""

from __future__ import annotations

from purgequiz.store import open_profile
from purgequiz.tui.screens.held import HeldScreen
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.study import StudyScreen
from tests.tui.conftest import choice_deck, install, make_app, press, screen_text, settle


async def test_a_suspended_card_is_listed_and_brought_back(clock) -> None:
    """Suspend a card while studying; h at home lists it with its question; Enter brings it
    back, durably, and the next session asks it."""
    deck = choice_deck(2)
    install(deck)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        suspended = app.screen.presented.card
        await press(pilot, "s")
        await press(pilot, "escape")  # no answer given: straight home
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        await press(pilot, "h")
        assert isinstance(app.screen, HeldScreen)
        text = " ".join(screen_text(app).split())
        assert suspended.prompt in text and "suspended" in text
        await press(pilot, "enter")
        assert "Back in study" in screen_text(app)
        assert "No card is suspended" in " ".join(screen_text(app).split())
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, StudyScreen)
        seen = {app.screen.presented.card.id}
        await press(pilot, "1")
        await press(pilot, "space")
        seen.add(app.screen.presented.card.id)
        assert suspended.id in seen
    with open_profile("Anna") as profile:
        assert not profile.card_states()[suspended.id].suspended


async def test_a_flag_is_withdrawn_with_w_and_a_leech_is_only_listed(clock) -> None:
    """w withdraws a flag; Enter on a card that is only flagged says it is still asked."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await press(pilot, "f")
        await pilot.press(*"typo in the date")
        await press(pilot, "enter")
        await press(pilot, "escape", "escape")
        await press(pilot, "h")
        text = " ".join(screen_text(app).split())
        assert "flagged: typo in the date" in text
        await press(pilot, "enter")
        assert "still asked as usual" in " ".join(screen_text(app).split())
        await press(pilot, "w")
        assert "Flag withdrawn" in screen_text(app)
    with open_profile("Anna") as profile:
        assert profile.flags() == []
