"""Home: the decks with their figures, today's line, and the ways to start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from msgspec import Struct
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static

from purgequiz import paths
from purgequiz.decks.catalog import Catalog, DeckEntry, all_cards_deck, load_catalog, load_deck
from purgequiz.learn.bests import challenge_best
from purgequiz.learn.stats import DeckStats, Figures, Today
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.decklist import DeckList
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.decks.model import Deck
    from purgequiz.learn.session import Summary
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.study import SessionOutcome
    from purgequiz.tui.screens.summary import AfterSummary

__all__ = ["HomeFigures", "HomeScreen", "gather"]


class HomeFigures(Struct, frozen=True):
    catalog: Catalog
    stats: tuple[DeckStats, ...]
    today: Today
    bests: tuple[int | None, ...] = ()  # each deck's best challenge score, if any

    @property
    def new_cards(self) -> bool:
        """Whether a deck has cards not studied yet."""
        return any(stats.new for stats in self.stats)


def gather(profile: Profile, now: datetime, catalog: Catalog | None = None) -> HomeFigures:
    """Every deck's figures and today's line (reads the deck index; run it in a worker)."""
    catalog = catalog if catalog is not None else load_catalog()
    figures = Figures(profile, now)
    stats = tuple(figures.deck(entry.card_ids) for entry in catalog.decks)
    kept = profile.bests()
    bests = tuple(challenge_best(kept, entry.id) for entry in catalog.decks)
    return HomeFigures(catalog, stats, figures.today(), bests)


def today_text(today: Today, new_cards: bool = False) -> Text:
    """Today's line; ``new_cards``: whether a deck has new cards to learn."""
    goal = "goal met" if today.goal_met else f"goal {today.daily_goal}"
    days = "day" if today.streak == 1 else "days"
    # "today" counts as the deck rows' "due today" do; "now" is the part of it due already
    due = (
        (("Due now ", "dim"), (str(today.due_now), "bold"), (" (", "dim"))
        + ((f"{today.due_today} today", "bold"), (")", "dim"))
        if today.due_now or today.due_today
        else (("New cards to learn: ", "bold"), ("Enter", "dim"))
        if new_cards and today.new_left
        else (("Nothing due: ", "bold"), ("p to practise", "dim"))
    )
    return styled(
        *due,
        ("   Reviews today ", "dim"),
        (f"{today.reviews_done}", "bold"),
        (f" ({goal})", "dim"),
        ("   Streak ", "dim"),
        (f"{today.streak} {days}", "bold"),
    )


class HomeScreen(Screen[None]):
    """The decks of ``profile``. It owns the flow of a session: it pushes the study screen,
    then the summary with the study screen's outcome, then (if asked) the next session."""

    # Short words: with d and the palette's key, the footer just fits 80 columns.
    BINDINGS = [
        Binding("enter", "study", "study", show=False),  # said in the line above the decks
        Binding("p", "practice", "practice", tooltip="Quick practice, cram, exam, chronology …"),
        Binding("s", "settings", "settings"),
        Binding("h", "held", "held cards", tooltip="Suspended, buried, flagged, leech cards"),
        # l, b and t are said on the line under the decks (the footer has no room for them)
        Binding("l", "timeline", "timeline", show=False),
        Binding("b", "browse", "browse", show=False),
        Binding("question_mark", "help", "help"),
        Binding("t", "statistics", "statistics", show=False),
        Binding("d", "problems", "problems", tooltip="Why deck files could not be read"),
        Binding("q", "app.quit", "quit"),
    ]

    class Ready(Message):
        """The decks and today's figures are on screen (the startup benchmark waits for it)."""

    def __init__(self, profile: Profile, figures: HomeFigures | None = None) -> None:
        """With ``figures`` the screen is built complete; without, it counts them in the
        background."""
        super().__init__(classes="home-screen")
        self.profile = profile
        self.figures: HomeFigures | None = None
        self._given = figures
        self.loading = False  # a deck is being read for a session
        self._resumed = False

    def compose(self) -> ComposeResult:
        given = self._given
        with Vertical(id="home"):
            yield Static(self._title(), id="home-title")
            yield Static(
                today_text(given.today, given.new_cards)
                if given
                else plain("Counting today's cards…"),
                id="today",
            )
            yield Static(
                styled(("Decks", "bold"), ("   ↑/↓ choose · Enter study", "dim")), classes="section"
            )
            decks = (
                DeckList(given.catalog.decks, given.stats, given.bests, id="decks")
                if given
                else DeckList(id="decks")
            )
            # Hidden without decks, and then not focusable: its Enter would hide "study".
            decks.display = decks.can_focus = given is None or bool(given.catalog.decks)
            yield decks
            yield Static(self._problems(given) if given else "", id="deck-problems")
            # the keys the footer has no room for, where a student looking for more finds them
            yield Static(
                styled(
                    ("t", "bold"),
                    (" statistics   ", "dim"),
                    ("l", "bold"),
                    (" timeline   ", "dim"),
                    ("b", "bold"),
                    (" browse cards, facts and people", "dim"),
                ),
                id="more-keys",
            )
        yield KeyBar()

    def _title(self) -> Text:
        return styled(("purgequiz", "bold"), ("  ·  ", "dim"), self.profile.display_name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """d (the deck files' problems) is offered only when a deck file has problems."""
        if action == "problems":
            return self.figures is not None and bool(self.figures.catalog.problems)
        return True

    def on_mount(self) -> None:
        given, self._given = self._given, None
        if given is None:
            self.reload()
            return
        self.figures = given
        quiz_app(self).catalog = given.catalog
        self._ready(self.query_one("#decks", DeckList))

    def on_screen_resume(self) -> None:
        if self._resumed and self.figures is not None:  # back from another screen
            self.reload()
        self._resumed = True

    def reload(self) -> None:
        app = quiz_app(self)
        profile = self.profile
        in_background(self, lambda: gather(profile, app.now(), app.catalog), self._show)

    @staticmethod
    def _problems(figures: HomeFigures) -> Text:
        lines = []
        if not figures.catalog.decks:
            lines.append(
                "There are no decks yet. Deck files (.json) placed in "
                f"{paths.user_decks_dir()} appear here."
            )
        count = len(figures.catalog.problems)
        if count:
            files = "file" if count == 1 else "files"
            lines.append(f"{count} deck {files} could not be read; press d to see why.")
        return plain("\n".join(lines))

    def _show(self, figures: HomeFigures) -> None:
        first = self.figures is None
        self.figures = figures
        quiz_app(self).catalog = figures.catalog
        self.query_one("#today", Static).update(today_text(figures.today, figures.new_cards))
        decks = self.query_one("#decks", DeckList)
        decks.show(figures.catalog.decks, figures.stats, figures.bests)
        decks.display = decks.can_focus = bool(figures.catalog.decks)
        self.query_one("#deck-problems", Static).update(self._problems(figures))
        self.refresh_bindings()  # d is offered only with problems to show
        if first:
            self._ready(decks)

    def _ready(self, decks: DeckList) -> None:
        if decks.display:
            decks.focus()
        self.post_message(self.Ready())

    def _highlighted(self) -> DeckEntry | None:
        return self.query_one("#decks", DeckList).highlighted_entry

    @on(OptionList.OptionSelected, "#decks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.query_one("#decks", DeckList).entry(event.option_index)
        if entry is not None:
            self.study(entry)

    def study(self, deck: Deck | DeckEntry, limit: int | None = None) -> None:
        """Start a session; a listed deck is read from its file first (in the background)."""
        if isinstance(deck, DeckEntry):
            if not self.loading:
                self.loading = True
                entry = deck
                in_background(self, lambda: load_deck(entry), self._loaded(limit), self._unreadable)
            return
        from purgequiz.tui.screens.study import StudyScreen

        def ended(outcome: SessionOutcome | None) -> None:
            if outcome is not None and outcome.summary is not None:
                self._summarise(outcome.summary, deck, limit)

        self.app.push_screen(StudyScreen(deck, self.profile, limit), ended)

    def _summarise(self, summary: Summary, deck: Deck, limit: int | None) -> None:
        """The summary of the session just ended; from it, another session of the same deck."""
        from purgequiz.tui.screens.summary import SummaryScreen

        def chosen(choice: AfterSummary | None) -> None:
            if choice == "study again":
                self.study(deck, limit)

        self.app.push_screen(SummaryScreen(summary, deck.title), chosen)

    def _loaded(self, limit: int | None) -> Callable[[Deck], None]:
        def loaded(deck: Deck) -> None:
            self.loading = False
            self.study(deck, limit)

        return loaded

    def _unreadable(self, error: BaseException) -> None:
        from purgequiz.tui.screens.dialogs import NoticeDialog

        self.loading = False
        problems = getattr(error, "problems", None) or [friendly(error)]
        self.app.push_screen(
            NoticeDialog(
                "This deck cannot be opened",
                [f"{getattr(error, 'file', '')}:"] + [f"• {p}" for p in problems],
            )
        )
        quiz_app(self).catalog = None  # a deck file changed: list the decks afresh (on resume)

    def action_study(self) -> None:
        if self.figures is None:  # still counting: the decks are not listed yet
            return
        deck = self._highlighted()
        if deck is None:
            self.app.notify("There is no deck to study yet.", markup=False)
            return
        self.study(deck)

    def action_quick(self) -> None:
        from purgequiz.tui.screens.study import QUICK_PRACTICE

        if self.figures is None or self.loading:  # still counting, or a deck is being read
            return
        if not self.figures.catalog.decks:
            self.app.notify("There is no deck to practise yet.", markup=False)
            return
        self.loading = True
        entries = self.figures.catalog.decks

        def gather() -> Deck:
            return all_cards_deck(tuple(load_deck(entry) for entry in entries))

        in_background(self, gather, self._loaded(QUICK_PRACTICE), self._unreadable)

    def action_practice(self) -> None:
        from purgequiz.tui.screens.practice import open_practice

        if self.figures is not None and not self.loading:  # the decks are listed, none is read
            open_practice(self)

    def action_settings(self) -> None:
        from purgequiz.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.profile))

    def action_held(self) -> None:
        from purgequiz.tui.screens.held import HeldScreen

        self.app.push_screen(HeldScreen(self.profile))

    def action_timeline(self) -> None:
        """The dated facts, successions and accounts; it may hand back one fact's cards."""
        from purgequiz.tui.screens.timeline import TimelineScreen

        def chosen(deck: Deck | None) -> None:
            if deck is not None:
                self.study(deck)

        self.app.push_screen(TimelineScreen(), chosen)

    def action_browse(self) -> None:
        from purgequiz.tui.screens.browse import BrowseScreen

        self.app.push_screen(BrowseScreen(self.profile))

    def action_statistics(self) -> None:
        from purgequiz.tui.screens.statistics import StatisticsScreen

        self.app.push_screen(StatisticsScreen(self.profile))

    def action_help(self) -> None:
        from purgequiz.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_problems(self) -> None:
        from purgequiz.tui.screens.dialogs import NoticeDialog

        if self.figures is None or not self.figures.catalog.problems:
            self.app.notify("Every deck file was read without problems.", markup=False)
            return
        self.app.push_screen(
            NoticeDialog(
                "Deck files that could not be read",
                [problem.message() for problem in self.figures.catalog.problems],
            )
        )
