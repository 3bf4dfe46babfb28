"""The purgequiz study app: opens the profile and shows its home screen, which owns the flow."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import RenderableType
from textual import events, on
from textual.actions import ActionParseResult
from textual.app import App, ComposeResult, SystemCommand
from textual.dom import DOMNode
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Static

from purgequiz.decks.catalog import Catalog, find_deck
from purgequiz.tui import profiles
from purgequiz.tui.background import friendly, in_background, on_store_thread, start_now
from purgequiz.tui.colour import COLOURLESS, colour_wanted
from purgequiz.tui.screens.home import HomeFigures, HomeScreen, gather
from purgequiz.tui.text import plain
from purgequiz.tui.themes import ProfileThemes, theme_for, theme_problems
from purgequiz.tui.widgets.too_small import fit
from purgequiz.visible import visible

if TYPE_CHECKING:
    from purgequiz.store.profile import Profile

__all__ = ["PurgeQuizApp"]

STYLES = Path(__file__).resolve().parent / "styles"
Opened = tuple["Profile", HomeFigures | None]  # a profile opened before start, its figures


class PurgeQuizApp(App[None]):
    """``clock`` (aware UTC datetimes) and ``rng`` are injected so tests are deterministic.

    Screens reach what they need of it (the clock, the catalog, ...) typed, through
    :func:`purgequiz.tui.host.quiz_app`.
    """

    CSS_PATH = [STYLES / "app.tcss", STYLES / "home.tcss"]  # study.tcss: with StudyScreen
    TITLE = "purgequiz"
    ENABLE_COMMAND_PALETTE = True
    # Each screen gets the class -narrow below 60 columns: the styles then stack what sits
    # side by side (see app.tcss and study.tcss); widgets/too_small.py has the least size.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-normal")]  # noqa: RUF012 - Textual's

    def __init__(
        self,
        profile: str | None = None,
        deck: str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        self.profile_name = profile
        self.deck_spec = deck
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()
        self.profile: Profile | None = None  # None until one is open, and once it is closed
        self.catalog: Catalog | None = None
        self._started: Future[Opened] | None = None  # the job opening the named profile
        self._opening: Profile | None = None  # opened by a job whose result has not arrived
        self.close_problems: list[str] = []  # why closing the profile could not save all
        self.quitting = False  # set by exit(): what is still queued is then ignored

    def now(self) -> datetime:
        return self.clock()

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """Quit. Keys typed just before it and results arriving after it then do nothing
        (see :meth:`run_action` and :func:`~purgequiz.tui.background.in_background`)."""
        self.quitting = True
        super().exit(result, return_code, message)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run a key's or a click's action, unless the app is quitting.

        Keys typed quickly arrive together: with "q s", the settings screen would be opened
        after the app was told to quit, and the shutdown would tear it down half-built.
        """
        if self.quitting:
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def on_load(self) -> None:
        """With a profile named, start opening it on the store's thread at once: Textual sets
        the app up meanwhile. Its home screen is shown once it is open (:meth:`on_mount`)."""
        if self.profile_name is not None:
            self._started = start_now(self._open_job(self.profile_name))

    def compose(self) -> ComposeResult:
        """The screen under all others: while a named profile opens, it says so."""
        if self.profile_name is not None:
            yield Static(plain(f"Opening {self.profile_name}'s progress…"), id="opening")

    def on_mount(self) -> None:
        """The order of start-up: open the profile (or let the student choose one), then show
        its home screen, then (with ``play --deck``) the deck's session."""
        started, self._started = self._started, None
        if started is None:
            self._choose()
            return
        name = self.profile_name

        def opened(result: Opened) -> None:
            self._opening = None
            self._opened(*result)

        in_background(self, started, opened, lambda error: self._choose(name, friendly(error)))

    def _choose(self, name: str | None = None, problem: str | None = None) -> None:
        from purgequiz.tui.screens.profile import ProfileScreen  # not needed at every start

        def chosen(profile: Profile | None) -> None:
            if profile is not None:  # else the app is quitting (Esc on the profile screen)
                self._opened(profile)

        self.push_screen(ProfileScreen(name, problem=problem), chosen)

    def _open_job(self, name: str) -> Callable[[], Opened]:
        """Open the profile and count the home screen's figures, in one job for the store's
        thread."""
        clock = self.now

        def job() -> Opened:
            profile = self._opening = profiles.open_profile(name)
            profiles.remember(profile.display_name)
            try:
                return profile, gather(profile, clock())
            except Exception:  # noqa: BLE001 - the home screen counts again and reports it
                return profile, None

        return job

    def _opened(self, profile: Profile, figures: HomeFigures | None = None) -> None:
        """The profile is open: its home screen comes, complete, and then what needs it."""
        self.profile = profile
        self.theme = theme_for(profile.settings)
        if figures is not None:
            self.catalog = figures.catalog
        home = HomeScreen(profile, figures)
        self.push_screen(home)
        if self.profile_name is not None and profile.display_name != self.profile_name:
            from purgequiz.explain import SAME

            self.notify(
                f"{self.profile_name} is the profile {profile.display_name}: {SAME}.",
                title="Profile opened",
                markup=False,
            )
        if self.deck_spec is not None:  # `play --deck`: its session over the home screen
            self._study_named_deck(home)
        recovered = profile.recovered
        if recovered:
            from purgequiz.explain import recovery
            from purgequiz.tui.screens.dialogs import NoticeDialog

            self.push_screen(
                NoticeDialog(
                    "Your progress file was repaired",
                    [recovery(item) for item in recovered]
                    + ["Nothing more needs doing; you can keep studying."],
                )
            )

    def _study_named_deck(self, home: HomeScreen) -> None:
        spec, catalog = self.deck_spec, self.catalog
        if spec is None:
            return
        in_background(self, lambda: find_deck(spec, catalog), home.study, self._bad_deck)

    def _bad_deck(self, error: BaseException) -> None:
        from purgequiz.tui.screens.dialogs import NoticeDialog

        problems = getattr(error, "problems", None) or [friendly(error)]
        self.push_screen(
            NoticeDialog(
                "This deck cannot be opened",
                [f"{getattr(error, 'file', self.deck_spec)}:"]
                + [f"• {p}" for p in problems]
                + ["The other decks are listed on the home screen."],
            )
        )

    # NO_COLOR (https://no-color.org): set to anything but the empty string, the app draws
    # no colour at all, only bold, reverse, underline and dim (see tui/colour.py). Textual
    # sets its ``no_color`` (which selects the :nocolor style rules) once, as it starts, and
    # also for an empty NO_COLOR: the convention's rule is kept instead.
    @property
    def no_color(self) -> bool:
        return self._without_colour

    @no_color.setter
    def no_color(self, textual_guess: bool) -> None:
        self._without_colour = not colour_wanted()

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        return [*filters, COLOURLESS] if self.no_color else filters

    # A terminal smaller than the app can be used in: each screen, as it appears and whenever
    # the terminal is resized, is covered by a notice asking for a larger window (see
    # widgets/too_small.py); what is under it is kept as it was.
    @on(events.Mount)
    def _fit_each_screen(self) -> None:
        self.screen_change_signal.subscribe(self, lambda screen: fit(screen, self.size))

    def on_resize(self, event: events.Resize) -> None:
        fit(self.screen, event.size)

    # Text from files reaches the titles and notifications only as text: control characters
    # are shown as escapes, whoever sets them.
    def validate_title(self, title: object) -> str:
        return visible(str(title))

    def validate_sub_title(self, sub_title: object) -> str:
        return visible(str(sub_title))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        super().notify(
            visible(str(message), newlines=True),
            title=visible(str(title)),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def search_themes(self) -> None:
        """The palette's "Theme" command: the app's themes, and the one chosen is kept."""
        from textual.command import CommandPalette

        self.push_screen(
            CommandPalette(providers=[ProfileThemes], placeholder="Search for themes…")
        )

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
                self.notify(
                    "\n".join(problems),
                    title="The theme was not saved",
                    severity="warning",
                    markup=False,
                )

        in_background(self, lambda: profile.update_settings(theme=name), saved)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, HomeScreen):
            yield SystemCommand("Study", "Study the highlighted deck", screen.action_study)
            yield SystemCommand("Quick practice", "Ten cards from all decks", screen.action_quick)
            yield SystemCommand(
                "Practice",
                "Cram, exam, chronology, match, challenge: recorded, schedule unchanged",
                screen.action_practice,
            )
            yield SystemCommand(
                "Settings", "Change this profile's settings", screen.action_settings
            )
            yield SystemCommand(
                "Held cards",
                "Suspended, buried, flagged and leech cards; bring them back",
                screen.action_held,
            )
            yield SystemCommand(
                "Timeline",
                "Dated facts 1934-1941, who held each post, where accounts differ",
                screen.action_timeline,
            )
            yield SystemCommand(
                "Browse", "Search cards, facts and people; a card's progress", screen.action_browse
            )
            yield SystemCommand(
                "Statistics",
                "Charts of your answers, cards due and topics",
                screen.action_statistics,
            )
            yield SystemCommand("Help", "Keys and how scheduling works", screen.action_help)

    def on_unmount(self) -> None:
        self.close_profile()

    def close_profile(self) -> None:
        """Close the open profile. What goes wrong (a progress file that cannot be tidied in a
        read-only folder, say) is kept in :attr:`close_problems`, in plain words, for the
        command to print once the screen is gone."""
        profile, self.profile = self.profile, None

        def close() -> list[str]:  # on the store thread, after any job still opening one
            from purgequiz.store.errors import StoreError

            problems: list[str] = []
            for each in (profile, self._opening):
                if each is not None:
                    try:
                        each.close()
                    except (StoreError, OSError) as error:  # its lock is released all the
                        problems.append(friendly(error))  # same; saved answers are kept
            self._opening = None
            return problems

        self.close_problems += on_store_thread(close)
