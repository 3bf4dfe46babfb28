"""Keys typed as the app quits, and work that finishes after it, never crash it on the way out."""

from __future__ import annotations

import threading

import pytest
from textual import events

from purgequiz.tui.screens import home
from purgequiz.tui.screens.home import HomeScreen
from tests.tui.conftest import choice_deck, install, make_app, press, settle

CHARACTERS = {"question_mark": "?", "enter": "\r"}


async def typed_together(pilot, *keys: str) -> None:
    """Send ``keys`` as a terminal does when they are typed quickly: all in one read, each
    handled only after the ones before it (Pilot's ``press`` waits between keys)."""
    for key in keys:
        pilot.app.post_message(events.Key(key, CHARACTERS.get(key, key)))
    await pilot.pause()


@pytest.mark.parametrize("key", ["s", "question_mark", "p", "enter"])
async def test_a_key_typed_just_after_q_is_ignored(clock, key: str) -> None:
    """With q and another key typed together on the home screen, the app quits cleanly
    without opening that key's screen."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await typed_together(pilot, "q", key)
        await settle(pilot)
        assert [type(screen) for screen in app.screen_stack][1:] == [HomeScreen]
    assert app.return_code == 0


async def test_a_deck_read_after_quitting_opens_nothing(clock, monkeypatch) -> None:
    """A deck that finishes loading after q was pressed does not start a study screen."""
    install(choice_deck(2))
    release = threading.Event()
    slow_load = home.load_deck

    def load_deck(entry):
        release.wait(10)
        return slow_load(entry)

    monkeypatch.setattr(home, "load_deck", load_deck)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the deck is being read
        await pilot.press("q")
        release.set()
        await settle(pilot)
        assert [type(screen) for screen in app.screen_stack][1:] == [HomeScreen]
    assert app.return_code == 0


async def test_settings_still_open_with_s(clock) -> None:
    """Without q, s opens the settings as before (the guard only applies while quitting)."""
    from purgequiz.tui.screens.settings import SettingsScreen

    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed_together(pilot, "s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
