"""What a quiz format must hold for a card, stated from the deck alone, for the GIFT, Moodle
XML and QTI tests to compare what they read back with."""

from __future__ import annotations

import html
import re

from purgequiz.decks.model import Card, Deck, Rebuttal
from purgequiz.generate.numbers import Figure


def kind(card: Card) -> str:
    """The question a card must become: true/false, ordering and matching as themselves, a
    figure typed as a number, other questions with choices as multiple choice, typeable ones
    without as short answer, and the rest (flashcards above all) as essays."""
    if card.kind == "truefalse":
        return "truefalse"
    if card.kind in ("ordering", "matching"):
        return card.kind
    if card.kind == "flashcard":
        return "essay"
    if card.answer_type == "number" and card.typeable:
        return "numerical"
    if card.choices:
        return "multichoice"
    return "shortanswer" if card.typeable else "essay"


def general(card: Card) -> list[str]:
    """The general feedback's paragraphs: the model answer for an essay, the explanation,
    one line per source."""
    answer = [f"Answer: {card.answer}"] if kind(card) == "essay" else []
    return answer + [card.explanation] + [f"Source: {c.line()}" for c in card.sources]


def why(rebuttal: Rebuttal | None) -> list[str]:
    """A wrong choice's feedback: the rebuttal and its sources."""
    if rebuttal is None:
        return []
    return [rebuttal.text] + [f"Source: {c.line()}" for c in rebuttal.sources]


def written(low: float, high: float, text: str) -> bool:
    """Whether a choice or answer ``text`` gives the figure low–high, as the generator writes
    figures ('from 35,000 to 36,500', '1.5 million', '75')."""
    return Figure(low, high).number_text() in text


def plain(low: float, high: float) -> str:
    """'1500000', '17.8', '35000-36500': a figure in digits, as the app accepts it typed."""

    def digits(value: float) -> str:
        return str(int(value)) if float(value).is_integer() else str(value)

    return digits(low) if low == high else f"{digits(low)}-{digits(high)}"


def places(card: Card) -> list[tuple[str, str]]:
    """An ordering card as the formats without ordering ask it: each event with its place."""
    names = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"]
    return list(zip(card.items, names, strict=False))


def categories(deck: Deck, card: Card) -> list[str]:
    """The category names a card falls under, each on one line: the deck's title, then its
    first topic."""
    names = [deck.title, card.topics[0]] if card.topics else [deck.title]
    return [" ".join(name.split()) for name in names]


def category_path(path: str) -> list[str]:
    """A Moodle category path split into names as Moodle splits it (a doubled slash is a
    slash within a name), each shown as Moodle shows a name (its entities read)."""
    return [html.unescape(n.replace("//", "/").strip()) for n in re.split(r"(?<!/)/(?!/)", path)]
