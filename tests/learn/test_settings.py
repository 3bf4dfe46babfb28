"""Settings: validation in plain words, the stored form and its versions."""

import pytest

from purgequiz.learn.settings import SETTINGS_VERSION, Settings


def test_defaults_have_no_problems():
    """The default settings are valid, with the typed progression on and the app's theme."""
    settings = Settings()
    assert settings.problems() == []
    assert settings.typed_after_learning is True and settings.theme == ""


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"typed_after_learning": "yes"}, "typed after learning must be on or off"),
        ({"flashcards_only": 1}, "flashcards only must be on or off"),
        ({"theme": 7}, "the theme must be a theme's name"),
        ({"theme": "x" * 65}, "at most 64 printable characters"),
        ({"theme": "dark\n"}, "at most 64 printable characters"),
        ({"theme": " nord"}, "at most 64 printable characters"),
    ],
)
def test_bad_switch_and_theme_are_explained(changes, message):
    """A switch that is not a bool or a theme that is not a plain name gets one message."""
    problems = Settings().changed(**changes).problems()
    assert len(problems) == 1 and message in problems[0]


def test_any_plain_theme_name_is_a_setting():
    """The engine keeps any plain theme name; which names exist is the app's business."""
    assert Settings(theme="gruvbox").problems() == []
    assert Settings(theme="a-theme-from-elsewhere").problems() == []


def test_stored_form_round_trips_with_its_version():
    """to_dict carries the schema version and from_dict gives the same settings back."""
    settings = Settings(theme="nord", typed_after_learning=False, learning_steps=(2, 15))
    data = settings.to_dict()
    assert data["v"] == SETTINGS_VERSION == 2
    assert data["theme"] == "nord" and data["typed_after_learning"] is False
    assert Settings.from_dict(data) == settings


def test_version_1_settings_load_with_the_new_defaults():
    """Settings stored before the theme and the switch existed load, taking their defaults."""
    old = {
        "v": 1,
        "desired_retention": 0.85,
        "learning_steps": [1, 10],
        "relearning_steps": [10],
        "maximum_interval": 36500,
        "fuzzing": True,
        "new_per_day": 5,
        "reviews_per_day": 200,
        "day_starts_at": 4,
        "timezone": "UTC",
        "daily_goal": 30,
        "flashcards_only": False,
    }
    settings = Settings.from_dict(old)
    assert (settings.new_per_day, settings.desired_retention) == (5, 0.85)
    assert (settings.theme, settings.typed_after_learning) == ("", True)


def test_changed_refuses_unknown_names():
    """changed() names the settings it does not know."""
    with pytest.raises(ValueError, match="unknown setting\\(s\\): colour"):
        Settings().changed(colour="red")
