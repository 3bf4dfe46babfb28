"""The home screen names every key it answers to, in its footer or on the line under the
decks, so a student finds the statistics, the timeline and the browser without the help."""

from __future__ import annotations

from purgequiz.tui.screens.browse import BrowseScreen
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.statistics import StatisticsScreen
from purgequiz.tui.screens.timeline import TimelineScreen
from tests.tui.conftest import choice_deck, install, make_app, screen_text
from tests.tui.waiting import press, settle


async def test_every_home_key_is_named_on_the_home_screen(clock) -> None:
    """Each key of the home screen but Enter (said above the decks) and d (only when a deck
    file is broken) is shown at 80x24 with its name: in the footer or on the line of keys."""
    install(choice_deck(1))
    async with make_app(clock, profile="Anna").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = " ".join(screen_text(pilot.app).split())
        for binding in HomeScreen.BINDINGS:
            if binding.key in ("enter", "d"):
                continue
            key = "?" if binding.key == "question_mark" else binding.key
            assert f"{key} {binding.description}" in shown, binding


async def test_the_keys_on_the_line_under_the_decks_open_their_screens(clock) -> None:
    """t, l and b, named under the decks, open the statistics, the timeline and the browser,
    and Esc comes back home from each."""
    install(choice_deck(1))
    async with make_app(clock, profile="Anna").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key, screen in (("t", StatisticsScreen), ("l", TimelineScreen), ("b", BrowseScreen)):
            await press(pilot, key)
            assert isinstance(pilot.app.screen, screen), key
            await press(pilot, "escape")
            assert isinstance(pilot.app.screen, HomeScreen), key
