"""The themes the app offers, and the theme a profile's settings ask for.

The theme's name is stored with the profile's other settings (``learn.Settings.theme``, a plain
string); which names exist is the app's business, so they are checked here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.theme import ThemeProvider

if TYPE_CHECKING:  # the app imports this at start-up: no need to load the engine for it
    from purgequiz.learn.settings import Settings

__all__ = ["DEFAULT_THEME", "THEMES", "ProfileThemes", "theme_for", "theme_problems"]

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "solarized-light")
DEFAULT_THEME = THEMES[0]


def theme_for(settings: Settings) -> str:
    """The theme to use: the profile's own, or the default when it is unset or unknown here."""
    return settings.theme if settings.theme in THEMES else DEFAULT_THEME


def theme_problems(name: str) -> list[str]:
    """A plain message when ``name`` is not one of the app's themes."""
    if name in THEMES:
        return []
    return [f"the theme must be one of {', '.join(THEMES)} (it is {name!r})"]


class ProfileThemes(ThemeProvider):
    """The command palette's themes: the app's own, each chosen through ``app.choose_theme``
    (which keeps it in the profile's settings, as the settings screen does)."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        app = self.app
        return [
            (name, partial(app.choose_theme, name))  # type: ignore[attr-defined]
            for name in THEMES
            if name in app.available_themes
        ]
