"""Settings are validated in plain words and kept per profile, the theme and the switch included."""

from __future__ import annotations

import random

from fsrs.scheduler import DEFAULT_PARAMETERS
from textual.widgets import Input

from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import StudySession
from purgequiz.store.profile import open_profile
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.settings import SettingsScreen, parse_form
from purgequiz.tui.screens.study import StudyScreen
from purgequiz.tui.themes import DEFAULT_THEME, theme_for, theme_problems
from tests.tui.conftest import answer, choice_deck, install, make_app, press, screen_text, settle


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
        app.screen.query_one("#typed_after_learning").value = False
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "textual-light"
    with open_profile("Anna") as profile:
        settings = profile.settings
        assert (settings.new_per_day, settings.learning_steps) == (5, (2, 15))
        assert settings.desired_retention == 0.85
        assert settings.theme == "textual-light" and not settings.typed_after_learning
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await press(pilot, "s")
        assert app.screen.query_one("#theme").value == "textual-light"
        assert app.screen.query_one("#typed_after_learning").value is False


async def test_theme_preview_is_undone_by_cancel(clock) -> None:
    """Choosing a theme shows it at once; Esc goes back to the saved one and saves nothing."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        app.screen.query_one("#theme").value = "nord"
        await settle(pilot)
        assert app.theme == "nord"
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen) and app.theme == DEFAULT_THEME
    with open_profile("Anna") as profile:
        assert profile.settings.theme == ""


async def test_switch_off_asks_a_known_card_as_multiple_choice(clock) -> None:
    """With the progression switched off in the settings, a card in review is multiple choice."""
    deck = choice_deck(1)
    install(deck)
    with open_profile("Anna") as profile:
        session = StudySession(deck, profile, clock(), random.Random(1))
        session.next_card(clock())
        session.grade_flashcard(Rating.Easy, clock(), 2000)  # straight to review, due in 8 days
    clock.advance(days=9)
    for switch, mode in ((True, "typed"), (False, "choice")):
        app = make_app(clock, profile="Anna")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await press(pilot, "s")
            app.screen.query_one("#typed_after_learning").value = switch
            await press(pilot, "ctrl+s", "enter")
            assert isinstance(app.screen, StudyScreen)
            assert app.screen.presented.mode == mode
            if mode == "choice":
                await answer(pilot)
                assert "Answer: Yezhov" in screen_text(app)
            await press(pilot, "q")


def test_theme_names_are_checked_by_the_app() -> None:
    """Only the app's own themes are used; an unknown stored name falls back to the default."""
    from purgequiz.learn.settings import Settings

    assert theme_for(Settings(theme="nord")) == "nord"
    assert theme_for(Settings(theme="no-such-theme")) == DEFAULT_THEME
    assert theme_for(Settings()) == DEFAULT_THEME
    assert theme_problems("nord") == []
    assert "no-such-theme" in theme_problems("no-such-theme")[0]


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
    changes, problems = parse_form(
        {
            "desired_retention": "0.9",
            "new_per_day": "x",
            "reviews_per_day": "200",
            "learning_steps": "",
            "day_starts_at": "4",
            "daily_goal": "3.5",
        }
    )
    assert changes["desired_retention"] == 0.9 and changes["reviews_per_day"] == 200
    assert len(problems) == 3


async def test_theme_from_the_command_palette_is_kept(clock) -> None:
    """A theme chosen in the command palette lists only the app's themes and is saved."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await settle(pilot)
        await press(pilot, *"theme")
        await settle(pilot)
        await press(pilot, "enter")  # the "Theme" command: the list of themes
        listed = " ".join(screen_text(app).split())
        assert "solarized-light" in listed and "dracula" not in listed
        await press(pilot, *"gruvbox")
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "gruvbox"
        assert app.profile.settings.theme == "gruvbox"
    with open_profile("Anna") as profile:
        assert profile.settings.theme == "gruvbox"


async def test_the_settings_say_which_parameters_schedule_and_saving_keeps_fitted_ones(
    clock,
) -> None:
    """The settings screen says whether FSRS's defaults or parameters fitted by `purgequiz
    optimize` schedule the cards; saving other settings keeps the fitted ones."""
    own = (0.1, 0.5, 1.1, *DEFAULT_PARAMETERS[3:])
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        assert "FSRS's defaults" in " ".join(screen_text(app).split())
        await press(pilot, "escape")
    with open_profile("Anna") as profile:
        assert profile.update_settings(parameters=own) == []
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        shown = " ".join(screen_text(app).split())
        assert "fitted to your answers" in shown
        assert "purgequiz optimize --reset" in shown
        await fill(pilot, new_per_day="7")
        await press(pilot, "ctrl+s")
    with open_profile("Anna") as profile:
        assert profile.settings.new_per_day == 7
        assert profile.settings.parameters == own
