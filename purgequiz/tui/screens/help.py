"""Help: the keys, and how scheduling works, in plain words."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.keys import KeyBar

__all__ = ["HELP_KEYS", "HELP_SCHEDULING", "HelpScreen"]

HELP_KEYS = [
    (
        "Decks",
        [
            ("Enter", "study the highlighted deck"),
            ("p", "practice: quick practice, cram, exam, chronology, match, challenge"),
            ("s / ?", "settings / this help"),
            ("h", "held cards: bring back suspended and buried cards"),
            ("l", "timeline: dated facts, successions, conflicting accounts"),
            ("b", "browse: search cards, facts and people; a card's progress"),
            ("t", "statistics: answers per day, cards due, topics mastered"),
            ("ctrl+p", "command palette"),
            ("q", "quit (progress is always saved)"),
        ],
    ),
    (
        "Answering",
        [
            ("1-4 or ↑↓ Enter", "multiple choice (as many numbers as there are choices)"),
            (
                "type, Enter",
                "typed answer; Esc leaves the answer box so that the keys below "
                "work, Enter goes back to it",
            ),
            ("space, then 1-4", "flashcard: show the answer, then grade yourself"),
            ("t / f", "true or false"),
            ("shift+↑↓ or [ ]", "ordering: move the highlighted item; Enter checks"),
            ("↑↓, then 1-6", "matching: choose a line, then the number of its match; Enter checks"),
            ("c", "show the card as a flashcard instead (on a typed answer: Esc, then c)"),
            ("0", "I don't know: see the answer (graded Again; on a typed answer: ? and Enter)"),
        ],
    ),
    (
        "Around a card",
        [
            ("Enter / space", "next card, after the feedback"),
            ("u", "undo the last answer"),
            ("e", "change the grade just given"),
            ("b", "bury: not again until the next study day"),
            ("s", "suspend: not asked again until you bring it back (h on the home screen)"),
            (
                "f",
                "flag the card as wrong, with a note for your teacher "
                "(on a true/false card, f means False; flag after answering)",
            ),
            (
                "q / Esc",
                "end the session: its summary once you have answered a card, else back "
                "to the decks; progress is already saved",
            ),
        ],
    ),
]

HELP_SCHEDULING = [
    "Each card is shown again just before you would be likely to forget it. A card you "
    "answer well comes back after a longer and longer gap (minutes, then days, then months); "
    "a card you miss comes back soon, and its gap starts growing again from there.",
    "A new card is first asked as multiple choice. Once you know it, it is asked as a typed "
    "answer, which is harder and makes the memory stronger (this can be switched off in "
    "the settings).",
    "Your answer is graded for you: wrong is Again, right but slow is Hard, right is Good, "
    "and right and quick on a card you know well is Easy. For flashcards you grade yourself. "
    "You can always change a grade with e before moving on.",
    "The desired retention in the settings is how sure you want to be of remembering a card "
    "when it comes back: higher means more reviews. The study day starts at the hour you "
    "choose, so a late evening still counts as the same day.",
    "Your progress is saved after every answer, in your profile's folder, and stays on this "
    "computer.",
]


STYLES = Path(__file__).resolve().parent.parent / "styles"


class HelpScreen(Screen[None]):
    CSS_PATH = STYLES / "help.tcss"

    BINDINGS = [Binding("escape,q,question_mark", "close", "back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(plain("Help"), classes="screen-title")
            for section, keys in HELP_KEYS:
                yield Static(plain(section), classes="section")
                for key, what in keys:
                    with Horizontal(classes="help-key"):  # a long line wraps beside its key
                        yield Static(styled((key, "bold")), classes="help-key-name")
                        yield Static(plain(what), classes="help-key-what")
            yield Static(plain("How scheduling works"), classes="section")
            for paragraph in HELP_SCHEDULING:
                yield Static(plain(paragraph), classes="help-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
