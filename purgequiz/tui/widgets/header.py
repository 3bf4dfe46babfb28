"""The study screen's header: deck, session progress and what remains today."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar, Static

from purgequiz.learn.queue import Counts
from purgequiz.tui.text import plain, styled

__all__ = ["StudyHeader"]


class StudyHeader(Vertical):
    """Shows the deck title, a bar of this session's progress and the new/learning/review counts.

    Beside the title, a short status says what a key just did ("Card buried…"): shown here, it
    covers nothing of the card below, as a notification would.
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.deck_title = title
        self.practice = False  # practice counts only the cards left, all alike

    def compose(self) -> ComposeResult:
        with Horizontal(id="title-line"):
            yield Static(plain(self.deck_title), id="deck-title")
            yield Static("", id="status")
        with Horizontal(id="progress-line"):
            yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="session-bar")
            yield Static("", id="answered")
            yield Static("", id="counts")

    def show(self, answered: int, counts: Counts | None, limit: int | None = None) -> None:
        """``counts``: the cards left in this session; ``limit``: the answers it stops at."""
        remaining = (counts.new + counts.learning + counts.review) if counts else 0
        total = answered + remaining
        total = max(1, min(total, limit) if limit is not None else total)
        self.query_one("#session-bar", ProgressBar).update(total=total, progress=answered)
        self.query_one("#answered", Static).update(plain(f" {answered} answered "))
        if counts is None:
            self.query_one("#counts", Static).update("")
            return
        if self.practice:
            self.query_one("#answered", Static).update(plain(f" {answered} answered  ·  "))
            self.query_one("#counts", Static).update(
                styled(("practice, cards left ", "dim"), (str(remaining), "bold"))
            )
            return
        self.query_one("#counts", Static).update(
            styled(
                ("New ", "dim"),
                (str(counts.new), "bold"),
                ("  Learning ", "dim"),
                (str(counts.learning), "bold"),
                ("  Review ", "dim"),
                (str(counts.review), "bold"),
            )
        )

    def progress(self, done: float, total: float, answered: int, right: Text) -> None:
        """A practice's own progress: ``done`` of ``total`` on the bar (answers, or seconds),
        then how many were answered, and ``right``."""
        self.query_one("#session-bar", ProgressBar).update(total=max(1, total), progress=done)
        self.query_one("#answered", Static).update(plain(f" {answered} answered  ·  "))
        self.query_one("#counts", Static).update(right)

    def say(self, message: str) -> None:
        """Show ``message`` as the status (an empty one clears it)."""
        self.query_one("#status", Static).update(plain(message))
