"""Home: the decks with their figures, today's line, and the ways to start."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ListView, Static

from purgequiz import paths
from purgequiz.generate.model import Deck
from purgequiz.learn import DeckStats, Today, deck_stats, today_line
from purgequiz.tui.background import in_background
from purgequiz.tui.catalog import Catalog, all_cards_deck, load_catalog
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.deckrow import DeckRow

__all__ = ["HomeScreen"]


@dataclass(frozen=True)
class Figures:
    catalog: Catalog
    stats: tuple[DeckStats, ...]
    today: Today


def today_text(today: Today) -> object:
    goal = "goal met" if today.goal_met else f"goal {today.daily_goal}"
    days = "day" if today.streak == 1 else "days"
    return styled(("Due now ", "dim"), (str(today.due_now), "bold"),
                  ("   Reviews today ", "dim"), (f"{today.reviews_done}", "bold"),
                  (f" ({goal})", "dim"),
                  ("   Streak ", "dim"), (f"{today.streak} {days}", "bold"))


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "study", "study", show=True),
        Binding("p", "quick", "quick practice"),
        Binding("s", "settings", "settings"),
        Binding("question_mark", "help", "help"),
        Binding("d", "problems", "deck problems", show=False),
        Binding("q", "app.quit", "quit"),
    ]

    class Ready(Message):
        """The decks and today's figures are on screen (the startup benchmark waits for it)."""

    def __init__(self, profile, start_deck: Deck | None = None) -> None:
        super().__init__(classes="home-screen")
        self.profile = profile
        self.start_deck = start_deck
        self.figures: Figures | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(styled(("purgequiz", "bold"), ("  ·  ", "dim"),
                                self.profile.display_name), id="home-title")
            yield Static(plain("Counting today's cards…"), id="today")
            yield Static(styled(("Decks", "bold"), ("   ↑/↓ choose · Enter study", "dim")),
                         classes="section")
            yield ListView(id="decks")
            yield Static("", id="deck-problems")
        yield Footer()

    def on_mount(self) -> None:
        if self.start_deck is not None:
            deck, self.start_deck = self.start_deck, None
            self.study(deck)
        self.reload()

    def on_screen_resume(self) -> None:
        if self.figures is not None:
            self.reload()

    def reload(self) -> None:
        app = self.app
        profile = self.profile

        def gather() -> Figures:
            catalog = app.catalog if app.catalog is not None else load_catalog()
            now = app.now()
            stats = tuple(deck_stats(deck, profile, now) for deck in catalog.decks)
            return Figures(catalog, stats, today_line(profile, now))

        in_background(self, gather, self._show)

    def _show(self, figures: Figures) -> None:
        first = self.figures is None
        self.figures = figures
        self.app.catalog = figures.catalog
        self.query_one("#today", Static).update(today_text(figures.today))
        decks = self.query_one("#decks", ListView)
        index = decks.index or 0
        decks.clear()
        rows = [DeckRow(deck, stats) for deck, stats in
                zip(figures.catalog.decks, figures.stats, strict=True)]
        if rows:
            decks.extend(rows)
            decks.index = min(index, len(rows) - 1)
        else:
            decks.display = False
        problems = self.query_one("#deck-problems", Static)
        count = len(figures.catalog.problems)
        lines = []
        if not rows:
            lines.append("There are no decks yet. Deck files (.json) placed in "
                         f"{paths.user_decks_dir()} appear here.")
        if count:
            files = "file" if count == 1 else "files"
            lines.append(f"{count} deck {files} could not be read; press d to see why.")
        problems.update(plain("\n".join(lines)))
        if first:
            decks.focus()
            self.post_message(self.Ready())

    def _highlighted(self) -> Deck | None:
        decks = self.query_one("#decks", ListView)
        item = decks.highlighted_child
        return item.deck if isinstance(item, DeckRow) else None

    @on(ListView.Selected, "#decks")
    def _selected(self, event: ListView.Selected) -> None:
        event.stop()
        if isinstance(event.item, DeckRow):
            self.study(event.item.deck)

    def study(self, deck: Deck, limit: int | None = None) -> None:
        from purgequiz.tui.screens.study import StudyScreen

        self.app.push_screen(StudyScreen(deck, self.profile, limit))

    def action_study(self) -> None:
        deck = self._highlighted()
        if deck is None:
            self.app.notify("There is no deck to study yet.", markup=False)
            return
        self.study(deck)

    def action_quick(self) -> None:
        from purgequiz.tui.screens.study import QUICK_PRACTICE

        if self.figures is None or not self.figures.catalog.decks:
            self.app.notify("There is no deck to practise yet.", markup=False)
            return
        self.study(all_cards_deck(self.figures.catalog.decks), limit=QUICK_PRACTICE)

    def action_settings(self) -> None:
        from purgequiz.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.profile))

    def action_help(self) -> None:
        from purgequiz.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_problems(self) -> None:
        from purgequiz.tui.screens.dialogs import NoticeDialog

        if self.figures is None or not self.figures.catalog.problems:
            self.app.notify("Every deck file was read without problems.", markup=False)
            return
        self.app.push_screen(NoticeDialog(
            "Deck files that could not be read",
            [problem.message() for problem in self.figures.catalog.problems]))
