"""Match: pair people with the posts they took or held and with those they replaced: the
deck's matching cards, then rounds made from its posts facts; after each, the right pairs and
how many were matched rightly; the total at the end."""

from __future__ import annotations

import random
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from purgequiz.learn.pairing import (
    fact_rounds,
    matching_cards,
    pairs_right,
    start_match,
    total_pairs,
)
from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.presentation import shuffled_items
from purgequiz.learn.queue import Counts
from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import Presented, Result
from purgequiz.tui.screens.practice import (
    Choice,
    PracticeData,
    cards_line,
    choose_deck,
)
from purgequiz.tui.screens.practice_quiz import QuizOutcome, QuizScreen, Response, RoundResults
from purgequiz.tui.text import percent, plain, styled

if TYPE_CHECKING:
    from purgequiz.decks.model import Card, Deck
    from purgequiz.facts.model import FactBase
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.home import HomeScreen

__all__ = ["RULE", "MatchScreen", "choose_match", "match_rounds"]

RULE = (
    "Each pair matched rightly scores one. The deck's cards that match people with posts are "
    "recorded as practice; the rounds made from its facts on posts count in this score, which "
    "the session keeps."
)


def match_rounds(deck: Deck, facts: FactBase | None) -> tuple[int, int]:
    """(the deck's matching cards, the rounds its posts facts make): what a match asks."""
    made = len(fact_rounds(deck, facts, random.Random(0))) if facts is not None else 0
    return len(matching_cards(deck)), made


class MatchScreen(QuizScreen):
    """The rounds one after another; after each, the right pairs (Enter goes on)."""

    def __init__(
        self, deck: Deck, profile: Profile, *, title: str, facts: FactBase | None = None
    ) -> None:
        super().__init__(deck, profile, start_match, title=title)
        self.facts = facts
        self.made: list[Card] | None = None  # the rounds made from facts still to ask
        self.made_total = 0

    def next_presented(self, session: PracticeSession, now: datetime) -> Presented | None:
        """The deck's matching cards first, then the rounds made from its facts."""
        if self.made is None:  # the first call: the rounds made from facts, drawn once
            self.made = fact_rounds(self.deck, self.facts, session.rng) if self.facts else []
            self.made_total = len(self.made)
        shown = session.next_card(now)
        if shown is not None or not self.made:
            return shown
        card = self.made.pop(0)
        return Presented(
            card=card,
            mode="matching",
            choices=(),
            items=shuffled_items(card, session.rng),
            counts=Counts(0, 0, len(self.made) + 1),
            is_new=False,
            leech=False,
            flagged=False,
        )

    def respond(
        self,
        session: PracticeSession,
        presented: Presented,
        response: Response | None,
        now: datetime,
        elapsed_ms: int,
    ) -> Result:
        if presented.card.id in session.cards:  # one of the deck's cards: logged
            return super().respond(session, presented, response, now, elapsed_ms)
        card = presented.card
        given = tuple(str(r) for r in response) if isinstance(response, tuple) else ()
        right = given == card.matches
        return Result(
            card=card,
            correct=right,
            near_miss=False,
            rating=Rating.Good if right else Rating.Again,
            next_due=now,
            interval="",
            expected=card.answer,
            given="; ".join(f"{a} → {b}" for a, b in zip(card.items, given, strict=False)),
            closer_to=None,
            became_leech=False,
            elapsed_ms=elapsed_ms,
            order=given,
            dont_know=response is None,
            practice=True,
        )

    def total(self) -> int:
        session = self.session
        asked = len(session.asked) if session is not None else 0
        return max(1, asked + self.made_total)

    def points(self) -> tuple[int, int]:
        return (
            sum(pairs_right(r.order, r.card) for r in self.results),
            total_pairs(r.card for r in self.results),
        )

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
        card, given = result.card, result.order
        right = pairs_right(given, card)
        shown: list[Widget] = [
            Static(
                styled(("You did not know this one.", "bold"))
                if result.dont_know
                else styled((f"{right} of {len(card.items)} pairs right", "bold")),
                classes="verdict",
            ),
            Static(plain(card.prompt), classes="feedback-prompt"),
            Static(styled(("The right pairs", "bold"), (" (✓ matched so, ✗ not):", "dim"))),
        ]
        for place, (item, match) in enumerate(zip(card.items, card.matches, strict=False)):
            mark, note = "", ""
            if given:
                mark = "✓" if given[place] == match else "✗"
                note = "" if mark == "✓" else f"  (you matched: {given[place]})"
            line = styled((item, "bold"), " → ", match, (note, "dim"))
            shown.append(
                Horizontal(
                    Static(styled((mark, "bold")), classes="order-mark"),
                    Static(line, classes="order-item"),
                    classes="order-line",
                )
            )
        shown.append(Static(plain(card.explanation), classes="explanation"))
        for citation in card.sources:
            shown.append(Static(styled(("Source: ", "dim"), citation.line()), classes="citation"))
        shown.append(Static(plain("Enter: next · q: end"), classes="hint"))
        return shown


def choose_match(home: HomeScreen, data: PracticeData) -> None:
    """Ask which deck, then play its match."""
    choices = []
    for deck in data.decks:
        cards, made = match_rounds(deck, data.facts)
        if cards + made:
            choices.append(Choice(cards_line(deck.title, cards + made, "round"), deck))
    choose_deck(
        home,
        "Match: which deck",
        "People to pair with the posts they took or held and with those they replaced: the "
        "deck's cards of posts, then rounds made from its facts. Enter chooses, Esc goes "
        "back.",
        choices,
        "No deck has people and posts to match.",
        lambda deck: play_match(home, deck, data.facts),
    )


def play_match(home: HomeScreen, deck: Deck, facts: FactBase | None) -> None:
    def ended(outcome: QuizOutcome | None) -> None:
        if outcome is None:
            return
        rounds = [
            (r.card.prompt, pairs_right(r.order, r.card), len(r.card.items))
            for r in outcome.results
        ]
        points = sum(right for _, right, _ in rounds)
        pairs = sum(count for _, _, count in rounds)
        share = percent(points / pairs if pairs else 0.0)
        total = styled(("Score  ", "dim"), (f"{points} of {pairs} pairs right ({share})", "bold"))
        home.app.push_screen(
            RoundResults(
                f"Match: {deck.title}",
                total,
                RULE,
                [(prompt, f"{right} of {count}") for prompt, right, count in rounds],
                outcome.time_up,
            )
        )

    home.app.push_screen(
        MatchScreen(deck, home.profile, title=f"Match: {deck.title}", facts=facts), ended
    )
