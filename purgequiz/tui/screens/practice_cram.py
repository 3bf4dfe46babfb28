"""Cram: a deck, a topic or the cards you find hard, studied now whether due or not, on the
study screen; every answer is logged as practice and leaves the schedule as it was."""

from __future__ import annotations

import random
from datetime import datetime
from typing import TYPE_CHECKING

from purgequiz.decks.model import Deck
from purgequiz.learn.practice import PracticeSession, topic_counts
from purgequiz.tui.screens.practice import (
    Choice,
    ChoiceScreen,
    PracticeData,
    cards_line,
    practise,
    topic_title,
)
from purgequiz.tui.text import styled

if TYPE_CHECKING:
    from purgequiz.decks.model import Card
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.home import HomeScreen

__all__ = ["cram_choices", "choose_cram", "start_cram"]

HINT = (
    "Every card of what you choose, due or not, in a shuffled order; a card you miss comes "
    "back after three others. Your schedule is left as it was. Enter starts, Esc goes back."
)


def _deck(deck_id: str, title: str, cards: list[Card]) -> Deck:
    seen: dict[str, Card] = {}
    for card in cards:
        seen.setdefault(card.id, card)
    return Deck(deck_id, title, "", tuple(seen.values()))


def cram_choices(data: PracticeData) -> list[Choice[Deck]]:
    """The decks, then every topic of all decks, then the cards found hard (if any)."""
    everything = [card for deck in data.decks for card in deck.cards]
    choices: list[Choice[Deck]] = [Choice(styled(("Decks", "bold underline")))]
    for deck in data.decks:
        whole = _deck(deck.id, deck.title, list(deck.cards))
        choices.append(Choice(cards_line(deck.title, len(whole.cards)), whole))
    choices.append(Choice(styled(("Topics (from every deck)", "bold underline"))))
    for topic, _ in topic_counts(everything):
        title = topic_title(topic, data.facts)
        cards = [card for card in everything if topic in card.topics]
        unique = _deck(f"topic-{topic}", f"Topic: {title}", cards)
        choices.append(Choice(cards_line(title, len(unique.cards)), unique))
    hard = _deck("hard-cards", "Cards you find hard", [c for c in everything if c.id in data.hard])
    if hard.cards:
        choices.append(Choice(styled(("Your cards", "bold underline"))))
        choices.append(
            Choice(
                cards_line("Cards you find hard (forgotten at least once)", len(hard.cards)), hard
            )
        )
    return choices


def start_cram(deck: Deck, profile: Profile, now: datetime, rng: random.Random) -> PracticeSession:
    return PracticeSession(deck, profile, now, rng, mode="cram")


def choose_cram(home: HomeScreen, data: PracticeData) -> None:
    """Ask what to cram, then cram it."""

    def chosen(deck: Deck | None) -> None:
        if deck is not None:
            practise(home, Deck(deck.id, f"Cram: {deck.title}", "", deck.cards), start_cram)

    home.app.push_screen(ChoiceScreen("Cram: what to practise", HINT, cram_choices(data)), chosen)
