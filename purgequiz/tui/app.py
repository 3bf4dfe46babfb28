"""The purgequiz study app: wires the screens together; the screens own the flow."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from purgequiz.tui import profiles
from purgequiz.tui.background import friendly, in_background, on_store_thread, start_now
from purgequiz.tui.catalog import Catalog, find_deck
from purgequiz.tui.screens.home import HomeFigures, HomeScreen, gather
from purgequiz.tui.startup import pause_collection, resume_collection
from purgequiz.tui.themes import ProfileThemes, theme_for, theme_problems
from purgequiz.visible import visible

__all__ = ["PurgeQuizApp"]

STYLES = Path(__file__).resolve().parent / "styles"
STARTUP_LIMIT = 5.0  # seconds: garbage collection resumes by then even if no screen is ready


class PurgeQuizApp(App[None]):
    """``clock`` (aware UTC datetimes) and ``rng`` are injected so tests are deterministic."""

    CSS_PATH = [STYLES / "app.tcss", STYLES / "home.tcss"]  # study.tcss: with StudyScreen
    TITLE = "purgequiz"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, profile: str | None = None, deck: str | None = None, *,
                 clock: Callable[[], datetime] | None = None,
                 rng: random.Random | None = None) -> None:
        pause_collection()  # until the first screen is drawn (see tui/startup.py)
        super().__init__()
        self.profile_name = profile
        self.deck_spec = deck
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()
        self.profile = None
        self.catalog: Catalog | None = None
        self._after_mount: list[Callable[[], object]] | None = []
        self._opening = None  # a profile opened by a job whose result has not arrived yet
        self.close_problems: list[str] = []  # why closing the profile could not save all
        self._waiting: HomeScreen | None = None  # the home screen shown while it opens
        self.quitting = False  # set by exit(): what is still queued is then ignored

    def now(self) -> datetime:
        return self.clock()

    def exit(self, result: None = None, return_code: int = 0, message=None) -> None:
        """Quit. Keys typed just before it and results arriving after it then do nothing
        (see :meth:`run_action` and :func:`~purgequiz.tui.background.in_background`)."""
        self.quitting = True
        super().exit(result, return_code, message)

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Run a key's or a click's action, unless the app is quitting.

        Keys typed quickly arrive together: with "q s", the settings screen would be opened
        after the app was told to quit, and the shutdown would tear it down half-built.
        """
        if self.quitting:
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def on_load(self) -> None:
        if self.profile_name is not None:  # on the store's thread at once, not after a worker
            self._open_named(self.profile_name, start_now(self._open_job(self.profile_name)))

    def get_default_screen(self) -> Screen:
        """With a profile named, the first screen is its home, drawn while the profile opens
        (the figures fill it in when they are counted); otherwise the profile screen comes."""
        if self.profile_name is None:
            return super().get_default_screen()
        self._waiting = HomeScreen(None, opening=self.profile_name)
        return self._waiting

    def on_mount(self) -> None:
        self.set_timer(STARTUP_LIMIT, resume_collection)  # whatever happens, not for long
        if self.profile_name is None:
            self._choose()
        steps, self._after_mount = self._after_mount or [], None
        for step in steps:
            step()

    def _when_mounted(self, step: Callable[[], object]) -> None:
        if self._after_mount is None:
            step()
        else:
            self._after_mount.append(step)

    def _choose(self, name: str | None = None, problem: str | None = None) -> None:
        from purgequiz.tui.screens.profile import ProfileScreen  # not needed at every start

        self.push_screen(ProfileScreen(name, problem=problem), self._opened)
        self.call_after_refresh(resume_collection)

    def _open_job(self, name: str) -> Callable[[], tuple[object, HomeFigures | None]]:
        """Open the profile and count the home screen's figures, in one job for the store's
        thread. Started as the app loads: meanwhile Textual sets the app up and draws the home
        screen without them (see :meth:`get_default_screen`); they fill it in when they come.
        """
        clock = self.now

        def job() -> tuple[object, HomeFigures | None]:
            profile = self._opening = profiles.open_profile(name)
            profiles.remember(name)
            try:
                return profile, gather(profile, clock())
            except Exception:  # noqa: BLE001 - the home screen counts again and reports it
                return profile, None

        return job

    def _open_named(self, name: str, started: Future) -> None:
        """The opened profile (or the reason it could not be) to the screens, once the app runs."""

        def done(opened: tuple[object, HomeFigures | None]) -> None:
            self._opening = None
            self._when_mounted(lambda: self._opened(*opened))

        def failed(error: BaseException) -> None:
            self._when_mounted(lambda: self._choose(name, friendly(error)))

        in_background(self, started, done, failed)

    def _opened(self, profile, figures: HomeFigures | None = None) -> None:
        self.profile = profile
        self.theme = theme_for(profile.settings)
        if figures is not None:
            self.catalog = figures.catalog
        home, self._waiting = self._waiting, None
        # `play --deck`: the deck is looked for only once the home screen holds the profile.
        then = self._study_named_deck if self.deck_spec is not None else None
        if home is not None:
            home.opened(profile, figures, then=then)
        else:
            home = HomeScreen(profile, figures)
            self.push_screen(home)
            if then is not None:
                then(home)
        recovered = getattr(profile, "recovered", ())
        if recovered:
            from purgequiz.tui.screens.dialogs import NoticeDialog

            self.push_screen(NoticeDialog(
                "Your progress file was repaired",
                [item.message for item in recovered]
                + ["Nothing more needs doing; you can keep studying."]))

    def _study_named_deck(self, home: HomeScreen) -> None:
        spec, catalog = self.deck_spec, self.catalog
        in_background(self, lambda: find_deck(spec, catalog), home.study, self._bad_deck)

    def _bad_deck(self, error: BaseException) -> None:
        from purgequiz.tui.screens.dialogs import NoticeDialog

        problems = getattr(error, "problems", None) or [friendly(error)]
        self.push_screen(NoticeDialog(
            "This deck cannot be opened",
            [f"{getattr(error, 'file', self.deck_spec)}:"] + [f"• {p}" for p in problems]
            + ["The other decks are listed on the home screen."]))

    def on_home_screen_ready(self) -> None:
        self.call_after_refresh(resume_collection)

    # Text from files reaches the titles and notifications only as text: control characters
    # are shown as escapes, whoever sets them.
    def validate_title(self, title: object) -> str:
        return visible(str(title))

    def validate_sub_title(self, sub_title: object) -> str:
        return visible(str(sub_title))

    def notify(self, message: str, *, title: str = "", **options) -> None:
        super().notify(visible(str(message), newlines=True), title=visible(str(title)),
                       **options)

    def search_themes(self) -> None:
        """The palette's "Theme" command: the app's themes, and the one chosen is kept."""
        from textual.command import CommandPalette

        self.push_screen(CommandPalette(providers=[ProfileThemes],
                                        placeholder="Search for themes…"))

    def choose_theme(self, name: str) -> None:
        """Show theme ``name`` now and keep it in the open profile's settings (in the
        background, as the settings screen saves them)."""
        if theme_problems(name):
            return
        self.theme = name
        profile = self.profile
        if profile is None or profile.settings.theme == name:
            return

        def saved(problems: list[str]) -> None:
            if problems:
                self.notify("\n".join(problems), title="The theme was not saved",
                            severity="warning", markup=False)

        in_background(self, lambda: profile.update_settings(theme=name), saved)

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
        resume_collection()
        self.close_profile()

    def close_profile(self) -> None:
        """Close the open profile. What goes wrong (a progress file that cannot be tidied in a
        read-only folder, say) is kept in :attr:`close_problems`, in plain words, for the
        command to print once the screen is gone."""
        profile, self.profile = self.profile, None

        def close() -> list[str]:  # on the store thread, after any job still opening one
            from purgequiz.store.errors import StoreError

            problems = []
            for each in (profile, self._opening):
                if each is not None:
                    try:
                        each.close()
                    except (StoreError, OSError) as error:  # its lock is released all the
                        problems.append(friendly(error))  # same; saved answers are kept
            self._opening = None
            return problems

        self.close_problems += on_store_thread(close)
