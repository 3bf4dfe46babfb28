"""Settings are validated in plain words and kept per profile."""

from __future__ import annotations

from textual.widgets import Input

from purgequiz.store import open_profile
from purgequiz.tui.prefs import load_prefs
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.settings import SettingsScreen, parse_form
from tests.tui.conftest import make_app, press, screen_text, settle


async def fill(pilot, **values: str) -> None:
    for name, value in values.items():
        pilot.app.screen.query_one(f"#{name}", Input).value = value
    await settle(pilot)


async def test_settings_persist(clock) -> None:
    """Saved settings and the theme are there the next time the profile is opened."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        assert isinstance(app.screen, SettingsScreen)
        await fill(pilot, new_per_day="5", learning_steps="2, 15", desired_retention="0,85")
        app.screen.query_one("#theme").value = "textual-light"
        app.screen.query_one("#typed_progression").value = False
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "textual-light"
    with open_profile("Anna") as profile:
        settings = profile.settings
        assert (settings.new_per_day, settings.learning_steps) == (5, (2, 15))
        assert settings.desired_retention == 0.85
        prefs = load_prefs(profile.path)
        assert prefs.theme == "textual-light" and not prefs.typed_progression
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"


async def test_invalid_settings_are_explained_and_not_saved(clock) -> None:
    """Out-of-range and non-numeric values are listed; nothing is saved until they are fixed."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        await fill(pilot, new_per_day="lots")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, SettingsScreen)
        assert "new cards per day must be a whole number" in screen_text(app)
        await fill(pilot, new_per_day="5", desired_retention="2", day_starts_at="25")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, SettingsScreen)
        text = screen_text(app)
        assert "desired retention must be between 0.70 and 0.99" in text
        assert "between 0 and 23" in text
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
    with open_profile("Anna") as profile:
        assert profile.settings.new_per_day == 20


def test_parse_form_names_each_problem() -> None:
    """Every field that is not a number gets its own message; good fields are converted."""
    changes, problems = parse_form({"desired_retention": "0.9", "new_per_day": "x",
                                    "reviews_per_day": "200", "learning_steps": "",
                                    "day_starts_at": "4", "daily_goal": "3.5"})
    assert changes["desired_retention"] == 0.9 and changes["reviews_per_day"] == 200
    assert len(problems) == 3
