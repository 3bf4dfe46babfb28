"""Chronology: the deck's ordering cards, one after another; after each, the right order with
the dates and how many pairs of events were in the right order; the total at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from purgequiz.learn.chronology import event_dates, order_score, ordering_cards, start_chronology
from purgequiz.learn.session import Result
from purgequiz.tui.screens.practice import (
    Choice,
    PracticeData,
    cards_line,
    choose_deck,
)
from purgequiz.tui.screens.practice_quiz import QuizOutcome, QuizScreen, RoundResults
from purgequiz.tui.text import percent, plain, styled

if TYPE_CHECKING:
    from purgequiz.decks.model import Deck
    from purgequiz.facts.model import FactBase
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.home import HomeScreen

__all__ = ["RULE", "ChronologyScreen", "choose_chronology"]

RULE = (
    "Each round scores the pairs of events in the right order (of every two events, is the "
    "earlier one first?): all of them less the Kendall tau distance, the pairs the wrong way "
    "round. The events in their right place are counted too."
)


def score_line(result: Result) -> Text:
    score = order_score(result.order, result.card.items)
    return styled(
        (f"{score.points} of {score.pairs} pairs in the right order", "bold"),
        (
            f"  ·  Kendall tau distance {score.distance}  ·  "
            f"{score.in_place} of {score.events} events in place",
            "dim",
        ),
    )


class ChronologyScreen(QuizScreen):
    """Put each set of events in order; Enter after the answer goes on."""

    def __init__(
        self, deck: Deck, profile: Profile, *, title: str, facts: FactBase | None = None
    ) -> None:
        super().__init__(deck, profile, start_chronology, title=title)
        self.facts = facts  # for the dates of the events

    def points(self) -> tuple[int, int]:
        scores = [order_score(r.order, r.card.items) for r in self.results]
        return sum(s.points for s in scores), sum(s.pairs for s in scores)

    def status(self) -> Text:
        points, pairs = self.points()
        at = min(len(self.results) + 1, self.total())
        return styled(
            ("round ", "dim"),
            (f"{at} of {self.total()}", "bold"),
            ("  ·  score ", "dim"),
            (f"{points} of {pairs}", "bold"),
        )

    def score(self) -> int | None:
        return self.points()[0]

    def feedback(self, result: Result) -> list[Widget]:
        card = result.card
        dates = event_dates(card.fact_ids, card.items, self.facts.facts) if self.facts else None
        given = result.order
        shown: list[Widget] = [
            Static(
                styled(("You did not know this one.", "bold"))
                if result.dont_know
                else score_line(result),
                classes="verdict",
            ),
            Static(plain(card.prompt), classes="feedback-prompt"),
            Static(styled(("The right order", "bold"), (" (✓ in its place, ✗ not):", "dim"))),
        ]
        for place, item in enumerate(card.items, 1):
            had = given.index(item) + 1 if item in given else None
            mark = "" if not given else "✓" if had == place else "✗"
            note = f"  (you had it at {had})" if given and had != place else ""
            when = f"{dates[place - 1]}: " if dates else ""  # as the study screen's feedback
            shown.append(
                Horizontal(
                    Static(styled((mark, "bold")), classes="order-mark"),
                    Static(
                        styled((f"{place}. ", "bold"), (when, "bold"), item, (note, "dim")),
                        classes="order-item",
                    ),
                    classes="order-line",
                )
            )
        if not dates:
            shown.append(Static(plain(card.explanation), classes="explanation"))
        for citation in card.sources:
            shown.append(Static(styled(("Source: ", "dim"), citation.line()), classes="citation"))
        shown.append(Static(plain("Enter: next · q: end"), classes="hint"))
        return shown


def choose_chronology(home: HomeScreen, data: PracticeData) -> None:
    """Ask which deck, then play its chronology."""
    choices = [
        Choice(cards_line(deck.title, len(ordering_cards(deck)), "set"), deck)
        for deck in data.decks
        if ordering_cards(deck)
    ]
    choose_deck(
        home,
        "Chronology: which deck",
        "Five sets of events from the deck, each to put in order by date. "
        "Enter chooses, Esc goes back.",
        choices,
        "No deck has events to put in order.",
        lambda deck: play_chronology(home, deck, data.facts),
    )


def play_chronology(home: HomeScreen, deck: Deck, facts: FactBase | None) -> None:
    def ended(outcome: QuizOutcome | None) -> None:
        if outcome is None:
            return
        scores = [(r.card.prompt, order_score(r.order, r.card.items)) for r in outcome.results]
        points = sum(s.points for _, s in scores)
        pairs = sum(s.pairs for _, s in scores)
        share = percent(points / pairs if pairs else 0.0)
        total = styled(
            ("Score  ", "dim"), (f"{points} of {pairs} pairs in the right order ({share})", "bold")
        )
        rounds = [(prompt, f"{s.points} of {s.pairs}") for prompt, s in scores]
        home.app.push_screen(
            RoundResults(f"Chronology: {deck.title}", total, RULE, rounds, outcome.time_up)
        )

    home.app.push_screen(
        ChronologyScreen(deck, home.profile, title=f"Chronology: {deck.title}", facts=facts),
        ended,
    )
