"""After a session: how it went, what was hardest, when the next card is due; continue or home."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from purgequiz.decks.model import Deck
from purgequiz.learn.session import Summary
from purgequiz.tui.text import duration, percent, plain, relative, styled

__all__ = ["SummaryScreen"]


class SummaryScreen(Screen[None]):
    BINDINGS = [Binding("c", "continue", "continue"), Binding("h,q,escape", "home", "home")]

    def __init__(self, summary: Summary, deck: Deck, profile, limit: int | None = None) -> None:
        super().__init__(classes="summary-screen")
        self.summary = summary
        self.deck = deck
        self.profile = profile
        self.limit = limit

    def compose(self) -> ComposeResult:
        s = self.summary
        now = self.app.now()
        with VerticalScroll(id="summary"):
            yield Static(plain("Session finished"), classes="screen-title")
            yield Static(plain(self.deck.title), classes="deck-title")
            yield Static(styled(("Cards reviewed  ", "dim"), (str(s.reviewed), "bold")))
            yield Static(
                styled(
                    ("Accuracy        ", "dim"),
                    (f"{percent(s.accuracy)} ({s.correct} of {s.reviewed})", "bold"),
                )
            )
            yield Static(styled(("Time            ", "dim"), (duration(s.time_ms), "bold")))
            yield Static(styled(("Next card due   ", "dim"), (relative(s.next_due, now), "bold")))
            days = "day" if s.streak == 1 else "days"
            yield Static(styled(("Study streak    ", "dim"), (f"{s.streak} {days}", "bold")))
            if s.hardest:
                yield Static(plain("Worth another look:"), classes="section")
                for card in s.hardest:
                    yield Static(styled("• ", card.prompt), classes="hardest")
        with Horizontal(classes="buttons"):
            yield Button("Continue studying (c)", id="continue", compact=True)
            yield Button("Home (h)", id="home", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#continue").focus()

    def action_continue(self) -> None:
        from purgequiz.tui.screens.study import StudyScreen

        self.app.switch_screen(StudyScreen(self.deck, self.profile, self.limit))

    def action_home(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        self.action_continue()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_home()
