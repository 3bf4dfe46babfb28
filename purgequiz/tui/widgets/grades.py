"""The four self-grades of a flashcard, each labelled with the interval it would give."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

from purgequiz.learn.scheduler import Rating

__all__ = ["GRADE_NAMES", "GradeBar"]

GRADE_NAMES = {Rating.Again: "Again", Rating.Hard: "Hard", Rating.Good: "Good", Rating.Easy: "Easy"}


class GradeBar(Horizontal):
    """Buttons 1–4 (Again, Hard, Good, Easy) with the next interval under each name."""

    @dataclass
    class Graded(Message):
        rating: Rating

    def __init__(self, previews: dict[Rating, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.previews = previews

    def compose(self) -> ComposeResult:
        for rating, name in GRADE_NAMES.items():
            label = Text(f"{int(rating)} {name}", end="")
            interval = self.previews.get(rating)
            if interval:
                label.append(f"  {interval}", style="dim")
            yield Button(
                label,
                id=f"grade-{int(rating)}",
                classes=f"grade grade-{name.lower()}",
                compact=True,
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        rating = Rating(int((event.button.id or "grade-3").rsplit("-", 1)[1]))
        self.post_message(self.Graded(rating))
