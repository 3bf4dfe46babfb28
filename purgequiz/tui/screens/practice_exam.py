"""Exam: a number of questions from a deck (20 unless asked otherwise), with no feedback until
the end; then the score, every mistake with its explanation, why the answer given is wrong and
the source, and the offer to add the missed cards to today's study (which, at the student's
request, changes their schedule). No clock unless a time limit is asked for."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from purgequiz.learn.exam import EXAM_SIZE, ExamReport, Mistake, exam_report, start_exam
from purgequiz.learn.practice import PracticeSession, due_now
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.screens.practice import (
    STYLES,
    Choice,
    PracticeData,
    cards_line,
    choose_deck,
)
from purgequiz.tui.screens.practice_quiz import QuizOutcome, QuizScreen
from purgequiz.tui.text import duration, percent, plain, styled
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.decks.model import Citation, Deck
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.home import HomeScreen

__all__ = ["ExamOptions", "ExamResults", "ExamScreen", "ExamSetup", "choose_exam", "exam_options"]

MOST_QUESTIONS = 200
MOST_MINUTES = 180


@dataclass(frozen=True)
class ExamOptions:
    questions: int = EXAM_SIZE
    limit: timedelta | None = None


def exam_options(questions: str, minutes: str) -> ExamOptions | list[str]:
    """The options typed in the exam's set-up, or what is wrong with them."""
    problems = []
    count = EXAM_SIZE
    if questions.strip():
        if not questions.strip().isdigit() or not 1 <= int(questions) <= MOST_QUESTIONS:
            problems.append(f"Questions: a whole number from 1 to {MOST_QUESTIONS}.")
        else:
            count = int(questions)
    limit = None
    if minutes.strip():
        if not minutes.strip().isdigit() or not 1 <= int(minutes) <= MOST_MINUTES:
            problems.append(
                f"Time limit: a whole number of minutes from 1 to {MOST_MINUTES}, "
                "or nothing for no limit."
            )
        else:
            limit = timedelta(minutes=int(minutes))
    return problems or ExamOptions(count, limit)


class ExamSetup(ModalScreen[ExamOptions | None]):
    """How many questions, and a time limit if wanted; Enter starts, Esc goes back."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, deck_title: str, graded: int) -> None:
        super().__init__(classes="dialog-screen")
        self.deck_title = deck_title
        self.graded = graded

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(f"Exam: {self.deck_title}"), classes="dialog-title")
            yield Static(
                plain(
                    f"The deck has {self.graded} questions the app can mark. You see no answer "
                    "until the end."
                ),
                classes="dialog-line",
            )
            with Horizontal(classes="exam-field"):
                yield Static(plain("Questions"), classes="exam-label")
                yield Input(
                    str(min(EXAM_SIZE, self.graded)), id="questions", max_length=3, compact=True
                )
            with Horizontal(classes="exam-field"):
                yield Static(plain("Time limit"), classes="exam-label")
                yield Input(
                    placeholder="minutes, or empty: none", id="minutes", max_length=3, compact=True
                )
            yield Static("", id="exam-problems")
            with Horizontal(classes="buttons"):
                yield Button("Start (Enter)", id="start", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#questions", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _start(self) -> None:
        chosen = exam_options(
            self.query_one("#questions", Input).value, self.query_one("#minutes", Input).value
        )
        if isinstance(chosen, list):
            self.query_one("#exam-problems", Static).update(plain("\n".join(chosen)))
            return
        self.dismiss(chosen)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._start()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self._start()
        else:
            self.dismiss(None)


class ExamScreen(QuizScreen):
    """The questions, one after another; nothing is said of an answer until the end."""

    def status(self) -> Text:
        asked = self.total()
        at = min(len(self.results) + 1, asked)
        time = self.time_text()
        return styled(
            ("question ", "dim"),
            (f"{at} of {asked}", "bold"),
            (f"  ·  {time}" if time else "", "bold"),
        )

    def score(self) -> int | None:
        return sum(result.correct for result in self.results)


def mistake_lines(number: int, mistake: Mistake) -> list[Static]:
    """A mistake as the results show it: the question, what was given, the answer, why the
    answer given is wrong (when the card says), the explanation and the sources."""
    card = mistake.card
    if not mistake.answered:
        given = styled(("Not answered", "dim"))
    elif mistake.dont_know:
        given = styled(("You did not know it", "dim"))
    else:
        given = styled(("Your answer: ", "dim"), mistake.given)
    lines = [
        Static(styled((f"{number}. ", "bold"), (card.prompt, "bold")), classes="mistake"),
        Static(given, classes="mistake-line"),
        Static(styled(("Answer: ", "bold"), card.answer), classes="mistake-line"),
    ]
    rebuttal = mistake.rebuttal
    if rebuttal is not None:
        why = styled((f"Why not {rebuttal.choice}: ", "bold"), rebuttal.text)
        lines.append(Static(why, classes="mistake-line"))
        lines += [source_line(citation) for citation in rebuttal.sources]
    lines.append(Static(plain(card.explanation), classes="mistake-line"))
    lines += [source_line(citation) for citation in mistake.sources]
    return lines


def source_line(citation: Citation) -> Static:
    return Static(styled(("Source: ", "dim"), citation.line()), classes="mistake-line")


class ExamResults(Screen[None]):
    """The exam's score and every mistake; a adds the missed cards to today's study."""

    CSS_PATH = STYLES / "practice.tcss"
    BINDINGS = [
        Binding("a", "add", "add missed to today"),
        Binding("h,q,escape", "home", "home"),
    ]

    def __init__(self, report: ExamReport, deck_title: str, profile: Profile, outcome: QuizOutcome):
        super().__init__(classes="exam-results")
        self.report = report
        self.deck_title = deck_title
        self.profile = profile
        self.outcome = outcome
        self.added = False

    def compose(self) -> ComposeResult:
        report = self.report
        with VerticalScroll(id="exam-results"):
            yield Static(plain(f"Exam: {self.deck_title}"), classes="screen-title")
            yield Static(
                styled(
                    ("Score  ", "dim"),
                    (f"{report.right} of {report.asked} right ({percent(report.score)})", "bold"),
                )
            )
            time_ms = sum(result.elapsed_ms for result in self.outcome.results)
            yield Static(styled(("Time   ", "dim"), (duration(time_ms), "bold")))
            if self.outcome.time_up:
                yield Static(plain("The time was up: questions not answered count as not right."))
            elif report.answered < report.asked:
                yield Static(plain("Questions not answered count as not right."))
            yield Static(
                plain("Recorded as practice: no card's schedule was changed."), classes="hint"
            )
            if report.mistakes:
                yield Static(plain("What to look at again"), classes="section")
            for number, mistake in enumerate(report.mistakes, 1):
                yield from mistake_lines(number, mistake)
        with Horizontal(classes="buttons"):
            if report.mistakes:
                count = len(report.missed)
                cards = "card" if count == 1 else "cards"
                yield Button(
                    f"Add the {count} missed {cards} to today's study (a)", id="add", compact=True
                )
            yield Button("Home (h)", id="home", compact=True)
        if report.mistakes:
            yield Static(
                plain("Adding them changes their schedule: they become due now."),
                id="add-note",
                classes="hint",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#exam-results").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add":
            return bool(self.report.mistakes) and not self.added
        return True

    def action_add(self) -> None:
        if self.added or not self.report.mistakes:
            return
        self.added = True
        self.refresh_bindings()
        profile, missed, now = self.profile, self.report.missed, quiz_app(self).now()

        def add() -> int:
            states = due_now(profile.card_states(), missed, now)
            profile.save_states(states)
            return len(states)

        def added(count: int) -> None:
            cards = "card is" if count == 1 else "cards are"
            self.query_one("#add-note", Static).update(
                plain(f"Added: {count} {cards} due now, in today's study (Enter on its deck).")
            )
            self.query_one("#add", Button).disabled = True

        def failed(error: BaseException) -> None:
            self.added = False
            self.refresh_bindings()
            self.app.notify(
                friendly(error), title="The cards were not added", severity="error", markup=False
            )

        in_background(self, add, added, failed)

    def action_home(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#add")
    def _add(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_home()


# -- the flow ---------------------------------------------------------------------------------


def graded_count(deck: Deck) -> int:
    """How many of the deck's cards an exam may ask (those the app marks itself)."""
    return sum(1 for card in deck.cards if card.kind != "flashcard")


def choose_exam(home: HomeScreen, data: PracticeData) -> None:
    """Ask which deck, then how many questions and how long, then hold the exam."""
    choices = [
        Choice(cards_line(deck.title, graded_count(deck), "question"), deck)
        for deck in data.decks
        if graded_count(deck)
    ]

    def set_up(deck: Deck) -> None:
        def ready(options: ExamOptions | None) -> None:
            if options is not None:
                hold_exam(home, deck, options)

        home.app.push_screen(ExamSetup(deck.title, graded_count(deck)), ready)

    choose_deck(
        home,
        "Exam: which deck",
        "Questions from the deck, answered one after another; your score, and what to look "
        "at again, at the end. Enter chooses, Esc goes back.",
        choices,
        "No deck has questions the app can mark.",
        set_up,
    )


def hold_exam(home: HomeScreen, deck: Deck, options: ExamOptions) -> None:
    def start(deck: Deck, profile: Profile, now: datetime, rng: random.Random) -> PracticeSession:
        return start_exam(deck, profile, now, rng, options.questions)

    def ended(outcome: QuizOutcome | None) -> None:
        if outcome is None:
            return
        asked = [outcome.session.cards[card_id] for card_id in outcome.session.asked]
        report = exam_report(asked, outcome.results)
        home.app.push_screen(ExamResults(report, deck.title, home.profile, outcome))

    home.app.push_screen(
        ExamScreen(deck, home.profile, start, title=f"Exam: {deck.title}", limit=options.limit),
        ended,
    )
