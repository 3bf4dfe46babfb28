"""The held-cards screen: suspended cards listed from the home screen and brought back."""

from __future__ import annotations

from purgequiz.learn.scheduler import CardProgress
from purgequiz.store.profile import open_profile
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


async def test_a_flag_is_withdrawn_with_w(clock) -> None:
    """w withdraws a flag; Enter on a card that is only flagged says it is still asked."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await press(pilot, "f")
        await press(pilot, *"typo in the date")
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


def _hold(deck_cards) -> None:
    """Anna's first card is a leech, her second is suspended (times shown in UTC)."""
    first, second = deck_cards[:2]
    with open_profile("Anna") as profile:
        profile.update_settings(timezone="UTC")
        profile.save_states(
            [
                CardProgress(first.id, reps=20, lapses=8, leech=True),
                CardProgress(second.id, suspended=True),
            ]
        )


async def test_cards_are_grouped_by_why_and_l_clears_a_leech_mark(clock) -> None:
    """Held cards are listed under a heading for why they are held, suspended first; l
    clears a leech mark, durably, and the list empties."""
    deck = choice_deck(3)
    install(deck)
    _hold(deck.cards)
    leech, suspended = deck.cards[:2]
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "h")
        text = " ".join(screen_text(app).split())
        order = [
            text.index(part)
            for part in (
                "Suspended:",
                suspended.prompt,
                "Leeches",
                leech.prompt,
                "leech: missed 8 times",
            )
        ]
        assert order == sorted(order)
        assert app.screen.query_one("#held-cards").highlighted_option.id == suspended.id
        assert " l clear leech mark" not in screen_text(app)  # not offered for this card
        await press(pilot, "l")
        assert app.profile.card_states()[suspended.id].suspended  # and l changed nothing
        await press(pilot, "enter")
        assert "Back in study" in screen_text(app)
        assert app.screen.query_one("#held-cards").highlighted_option.id == leech.id
        assert " l clear leech mark" in screen_text(app)
        await press(pilot, "enter")
        assert "still asked as usual; press l to clear the leech mark" in " ".join(
            screen_text(app).split()
        )
        await press(pilot, "l")
        assert "Leech mark cleared" in screen_text(app)
        assert "No card is suspended" in " ".join(screen_text(app).split())
    with open_profile("Anna") as profile:
        states = profile.card_states()
        assert not states[leech.id].leech and states[leech.id].lapses == 8
        assert not states[suspended.id].suspended


async def test_the_held_cards_are_in_the_command_palette(clock) -> None:
    """ "Held cards" in the command palette opens the list."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await settle(pilot)
        await press(pilot, *"held cards")
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, HeldScreen)
        assert "No card is suspended" in " ".join(screen_text(app).split())


async def test_a_change_that_cannot_be_saved_changes_nothing(clock, monkeypatch) -> None:
    """When the disk refuses the write, the screen says nothing was changed and why, keeps
    the card listed, and the next try works."""
    import errno

    from purgequiz.store.profile import Profile

    deck = choice_deck(2)
    install(deck)
    _hold(deck.cards)
    suspended = deck.cards[1]
    release = Profile.release

    def full(self, states, flag_ids):
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(Profile, "release", full)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "h", "enter")
        text = " ".join(screen_text(app).split())
        assert "Nothing was changed" in text and "free some disk space" in text
        assert app.screen.query_one("#held-cards").highlighted_option.id == suspended.id
        monkeypatch.setattr(Profile, "release", release)
        await press(pilot, "enter")
        assert "Back in study" in screen_text(app)
    with open_profile("Anna") as profile:
        assert not profile.card_states()[suspended.id].suspended
