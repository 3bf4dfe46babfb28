"""Challenge: 60 seconds to answer as many of a deck's questions rightly as you can; a run of
right answers scores more; the best score of each deck is kept and shown on the home screen."""

from __future__ import annotations

import random
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from purgequiz.learn.bests import challenge_best
from purgequiz.learn.challenge import (
    CHALLENGE_TIME,
    MOST_POINTS,
    ChallengeScore,
    start_challenge,
)
from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.session import Result
from purgequiz.tui.screens.practice import (
    Choice,
    PracticeData,
    cards_line,
    choose_deck,
)
from purgequiz.tui.screens.practice_exam import graded_count
from purgequiz.tui.screens.practice_quiz import QuizOutcome, QuizScreen, RoundResults
from purgequiz.tui.text import plain, styled

if TYPE_CHECKING:
    from purgequiz.decks.model import Deck
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.home import HomeScreen

__all__ = ["RULE", "ChallengeScreen", "choose_challenge"]

SECONDS = int(CHALLENGE_TIME.total_seconds())
RULE = (
    f"{SECONDS} seconds. A right answer scores 1 point, plus 1 for each right answer just "
    f"before it, up to {MOST_POINTS} (a run of right answers scores 1, 2, 3, 4, 5, 5 …); a wrong "
    'answer or "I don\'t know" scores nothing and ends the run. Only here does speed count: '
    "the answers are recorded as practice and change no schedule."
)


class ChallengeScreen(QuizScreen):
    """The questions against the clock; each answer is said right or wrong on the next card."""

    def __init__(self, deck: Deck, profile: Profile, *, title: str) -> None:
        super().__init__(deck, profile, self._start, title=title, limit=CHALLENGE_TIME)
        self.tally = ChallengeScore()
        self.best: int | None = None  # the deck's best before this challenge
        self.last: tuple[Result, int] | None = None  # the last answer and what it scored

    def _start(
        self, deck: Deck, profile: Profile, now: datetime, rng: random.Random
    ) -> PracticeSession:
        self.best = challenge_best(profile.bests(), deck.id)  # on the store's thread
        return start_challenge(deck, profile, now, rng)

    def bar(self) -> tuple[float, float]:
        """The time gone, of the time there is."""
        left = self.clock.left(self.now()) if self.clock is not None else None
        whole = CHALLENGE_TIME.total_seconds()
        return whole - (left.total_seconds() if left is not None else whole), whole

    def status(self) -> Text:
        return styled(
            ("score ", "dim"),
            (str(self.tally.points), "bold"),
            ("  ·  run ", "dim"),
            (str(self.tally.run), "bold"),
            ("  ·  ", "dim"),
            (self.time_text(), "bold"),
        )

    def answered(self, result: Result) -> None:
        self.last = (result, self.tally.add(result.correct))

    def above_card(self) -> list[Static]:
        if self.last is None:
            best = "no best yet" if self.best is None else f"your best: {self.best}"
            return [Static(plain(f"Go! Answer as many as you can ({best})."), classes="hint")]
        result, gained = self.last
        if result.correct:
            run = f" (run of {self.tally.run})" if self.tally.run > 1 else ""
            line = styled(("Right", "bold"), f": +{gained}{run}.")
        else:
            line = styled(("Not right", "bold"), ": the answer was ", result.expected, ".")
        return [Static(line, classes="challenge-last")]

    def score(self) -> int | None:
        return self.tally.points


def choose_challenge(home: HomeScreen, data: PracticeData) -> None:
    """Ask which deck, then hold the challenge."""
    choices = [
        Choice(cards_line(deck.title, graded_count(deck), "question"), deck)
        for deck in data.decks
        if graded_count(deck)
    ]
    choose_deck(
        home,
        "Challenge: which deck",
        f"{SECONDS} seconds to answer as many of the deck's questions rightly as you can; "
        "a run of right answers scores more. The clock starts with the first question. "
        "Enter chooses, Esc goes back.",
        choices,
        "No deck has questions the app can mark.",
        lambda deck: hold_challenge(home, deck),
    )


def hold_challenge(home: HomeScreen, deck: Deck) -> None:
    screen = ChallengeScreen(deck, home.profile, title=f"Challenge: {deck.title}")

    def ended(outcome: QuizOutcome | None) -> None:
        if outcome is None:
            return
        tally, best = screen.tally, screen.best
        if best is None or tally.points > best:
            verdict = "A new personal best for this deck!" if tally.points else ""
        else:
            verdict = f"Your best for this deck: {best}."
        total = styled(
            ("Score  ", "dim"),
            (f"{tally.points} point{'' if tally.points == 1 else 's'}", "bold"),
            (
                f"  ({tally.right} right of {tally.answered}, longest run {tally.longest_run})",
                "dim",
            ),
            (f"\n{verdict}" if verdict else "", "bold"),
        )
        end = "The time was up." if outcome.time_up else "The challenge ended before the time."
        home.app.push_screen(
            RoundResults(f"Challenge: {deck.title}", total, f"{end} {RULE}", [], outcome.time_up)
        )

    home.app.push_screen(screen, ended)
