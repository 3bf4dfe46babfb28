"""The purgequiz study app: wires the screens together; the screens own the flow."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from purgequiz.tui.background import friendly, in_background, on_store_thread
from purgequiz.tui.catalog import Catalog, find_deck
from purgequiz.tui.screens.dialogs import NoticeDialog
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.profile import ProfileScreen
from purgequiz.tui.themes import theme_for

__all__ = ["PurgeQuizApp"]

STYLES = Path(__file__).resolve().parent / "styles"


class PurgeQuizApp(App[None]):
    """``clock`` (aware UTC datetimes) and ``rng`` are injected so tests are deterministic."""

    CSS_PATH = [STYLES / "app.tcss", STYLES / "home.tcss", STYLES / "study.tcss"]
    TITLE = "purgequiz"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, profile: str | None = None, deck: str | None = None, *,
                 clock: Callable[[], datetime] | None = None,
                 rng: random.Random | None = None) -> None:
        super().__init__()
        self.profile_name = profile
        self.deck_spec = deck
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()
        self.profile = None
        self.catalog: Catalog | None = None

    def now(self) -> datetime:
        return self.clock()

    def on_mount(self) -> None:
        self.push_screen(ProfileScreen(self.profile_name), self._opened)

    def _opened(self, profile) -> None:
        self.profile = profile
        self.theme = theme_for(profile.settings)
        if self.deck_spec is None:
            self._home(None)
        else:
            spec = self.deck_spec
            in_background(self, lambda: find_deck(spec), self._home, self._bad_deck)
        recovered = getattr(profile, "recovered", ())
        if recovered:
            self.push_screen(NoticeDialog(
                "Your progress file was repaired",
                [item.message for item in recovered]
                + ["Nothing more needs doing; you can keep studying."]))

    def _home(self, deck) -> None:
        self.push_screen(HomeScreen(self.profile, start_deck=deck))

    def _bad_deck(self, error: BaseException) -> None:
        self._home(None)
        problems = getattr(error, "problems", None) or [friendly(error)]
        self.push_screen(NoticeDialog(
            "This deck cannot be opened",
            [f"{getattr(error, 'file', self.deck_spec)}:"] + [f"• {p}" for p in problems]
            + ["The other decks are listed on the home screen."]))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, HomeScreen):
            yield SystemCommand("Study", "Study the highlighted deck", screen.action_study)
            yield SystemCommand("Quick practice", "Ten cards from all decks",
                                screen.action_quick)
            yield SystemCommand("Settings", "Change this profile's settings",
                                screen.action_settings)
            yield SystemCommand("Help", "Keys and how scheduling works", screen.action_help)

    def on_unmount(self) -> None:
        self.close_profile()

    def close_profile(self) -> None:
        profile, self.profile = self.profile, None
        if profile is not None:
            on_store_thread(profile.close)
