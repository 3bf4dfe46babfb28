"""After a session: how it went, what was hardest, when the next card is due; continue or home.

The screen is dismissed with what the student chose (:data:`AfterSummary`); whoever pushed it
starts the next session or shows home.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from purgequiz.learn.session import Summary
from purgequiz.tui.host import quiz_app
from purgequiz.tui.text import duration, percent, plain, relative, styled
from purgequiz.tui.widgets.keys import KeyBar

__all__ = ["AfterSummary", "SummaryScreen"]

AfterSummary = Literal["study again", "home"]


STYLES = Path(__file__).resolve().parent.parent / "styles"


class SummaryScreen(Screen[AfterSummary]):
    """The summary of a session of the deck titled ``deck_title``; dismissed with the
    student's choice: to study the same deck again, or to go home."""

    CSS_PATH = STYLES / "summary.tcss"

    BINDINGS = [Binding("c", "continue", "continue"), Binding("h,q,escape", "home", "home")]

    def __init__(self, summary: Summary, deck_title: str, *, practice: bool = False) -> None:
        super().__init__(classes="summary-screen")
        self.summary = summary
        self.deck_title = deck_title
        self.practice = practice  # practice: the schedule was left as it was

    def compose(self) -> ComposeResult:
        s = self.summary
        now = quiz_app(self).now()
        with VerticalScroll(id="summary"):
            yield Static(
                plain("Practice finished" if self.practice else "Session finished"),
                classes="screen-title",
            )
            yield Static(plain(self.deck_title), classes="deck-title")
            yield Static(styled(("Cards reviewed  ", "dim"), (str(s.reviewed), "bold")))
            if self.practice:
                yield Static(plain("Recorded as practice: no card's schedule was changed."))
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
            yield Button(
                "Practise again (c)" if self.practice else "Continue studying (c)",
                id="continue",
                compact=True,
            )
            yield Button("Home (h)", id="home", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#continue").focus()

    def action_continue(self) -> None:
        self.dismiss("study again")

    def action_home(self) -> None:
        self.dismiss("home")

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        self.action_continue()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_home()
