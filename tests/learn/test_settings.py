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


@pytest.mark.parametrize("version", [1, 3, None, "2", 2.0, True])
def test_settings_of_another_version_are_refused(version: object):
    """Settings of any version but the current one (a version 1 document among them: before
    the theme and the switch) are refused, naming the version, not read with defaults."""
    old = {
        k: v for k, v in Settings().to_dict().items() if k not in ("theme", "typed_after_learning")
    }
    with pytest.raises(ValueError) as refused:
        Settings.from_dict({**old, "v": version})
    assert str(refused.value) == (
        f"the settings have version {version!r}; this purgequiz reads only settings of version 2"
    )


def test_changed_refuses_unknown_names():
    """changed() names the settings it does not know."""
    with pytest.raises(ValueError, match="unknown setting\\(s\\): colour"):
        Settings().changed(colour="red")
