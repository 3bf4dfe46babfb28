"""How each card becomes a question of a learning platform's quiz: shared by the GIFT, Moodle
XML and QTI formats, so that all three ask a card the same way.

* A true/false card is a true/false question.
* A question or cloze card whose answer is a figure is a *numerical* question: the figure the
  source gives (a range where it gives one, ``from 35,000 to 36,500``), and each wrong choice
  as a figure worth nothing, with the card's rebuttal as its feedback.
* Any other question or cloze card with choices is *multiple choice*, as the app first asks
  it; each wrong choice carries its rebuttal as feedback.
* A question or cloze card without choices, whose answer can be typed, is a *short answer*
  with every spelling the card accepts.
* A matching card is a matching question; an ordering card an ordering question (the formats
  without one match each event with its place in the order: :func:`ordering_pairs`).
* A flashcard (a cause, an author's reading, to recall in one's own words) is an *essay*: the
  student writes the answer, the model answer is given to the teacher grading it and shown to
  the student in the feedback. So is any card that fits none of the above.

Every question's general feedback holds the card's explanation and sources
(:func:`feedback_paragraphs`); categories follow the cards' first topics (:func:`by_category`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from purgequiz.decks.model import Card, Citation, Deck, Rebuttal
from purgequiz.visible import visible

__all__ = [
    "Choice",
    "Figure",
    "FigureAnswer",
    "QuizKind",
    "as_html",
    "as_html_line",
    "by_category",
    "choices",
    "feedback_paragraphs",
    "figure_answers",
    "figure_in",
    "kind_of",
    "number",
    "ordering_pairs",
    "pairs",
    "paragraphs_html",
    "position",
    "rebuttal_paragraphs",
    "shown",
    "spellings",
]

QuizKind = Literal[
    "multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering", "essay"
]


@dataclass(frozen=True)
class Choice:
    """One choice of a multiple-choice question; a wrong one says why, when the card does."""

    text: str
    correct: bool
    rebuttal: Rebuttal | None = None


@dataclass(frozen=True)
class Figure:
    """A number, or a low–high range, as a source gives it."""

    low: Decimal
    high: Decimal

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def middle(self) -> Decimal:
        return (self.low + self.high) / 2

    @property
    def margin(self) -> Decimal:
        """How far either end lies from the middle (0 for a single number)."""
        return (self.high - self.low) / 2


@dataclass(frozen=True)
class FigureAnswer:
    """A numerical question's answer: the right figure, or a wrong choice worth nothing."""

    figure: Figure
    correct: bool
    rebuttal: Rebuttal | None = None


def number(value: Decimal) -> str:
    """'35750', '17.8', '3.5': a figure as the formats write it (no exponent, no trailing
    zeros)."""
    return format(value.normalize(), "f")


# "353,074", "500000", "1.5 million", "75" (of "75%"); a range joins two with "to" or a dash.
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|billion))?")
_BETWEEN = re.compile(r"\s*(?:to|and|-|\u2013|\u2014)\s*")
_SCALE = {None: 1, "million": 10**6, "billion": 10**9}


def figure_in(text: str) -> Figure | None:
    """The figure a text gives: one number ('500,000 soldiers', '75%', '1.5 million'), or
    two joined as a range ('from 35,000 to 36,500 officers', '3–4'); None for anything
    else."""
    found = list(_NUMBER.finditer(text))
    values = [
        Decimal(m[1].replace(",", "") + (m[2] or "")) * _SCALE[m[3] and m[3].lower()] for m in found
    ]
    if len(values) == 1:
        return Figure(values[0], values[0])
    if len(values) == 2 and _BETWEEN.fullmatch(text[found[0].end() : found[1].start()]):
        low, high = sorted(values)
        return Figure(low, high)
    return None


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if t.strip()))


def choices(card: Card) -> tuple[Choice, ...]:
    """The card's choices in the deck's order (the answer added if the deck left it out),
    each wrong one with its rebuttal."""
    texts = _unique((*card.choices, card.answer))
    return tuple(
        Choice(text, text == card.answer, None if text == card.answer else card.rebuttal(text))
        for text in texts
    )


def spellings(card: Card) -> tuple[str, ...]:
    """Every spelling the card accepts, the answer first."""
    return _unique((card.answer, *card.accept))


def _figure(card: Card) -> Figure | None:
    for text in (card.answer, *card.accept):
        found = figure_in(text)
        if found is not None:
            return found
    return None


def figure_answers(card: Card) -> tuple[FigureAnswer, ...]:
    """A numerical question's answers: the right figure first, then each wrong choice that
    gives a figure, with its rebuttal. Empty when the card's answer gives no figure."""
    right = _figure(card)
    if right is None:
        return ()
    answers = [FigureAnswer(right, True)]
    for choice in choices(card):
        figure = figure_in(choice.text)
        if choice.correct or figure is None:
            continue
        if figure == right or any(a.figure == figure for a in answers):
            continue
        answers.append(FigureAnswer(figure, False, choice.rebuttal))
    return tuple(answers)


def kind_of(card: Card) -> QuizKind:
    """The question a card becomes (the module's docstring gives the rules)."""
    if card.kind == "truefalse" and card.truth is not None:
        return "truefalse"
    if card.kind == "ordering":
        return "ordering" if len(_unique(card.items)) >= 2 else "essay"
    if card.kind == "matching":
        paired = len(card.items) == len(card.matches) and len(card.items) >= 2
        return "matching" if paired else "essay"
    if card.kind not in ("question", "cloze"):
        return "essay"
    if card.answer_type == "number" and card.typeable and _figure(card) is not None:
        return "numerical"
    if len(choices(card)) >= 2:
        return "multichoice"
    if card.typeable and spellings(card):
        return "shortanswer"
    return "essay"


def position(place: int) -> str:
    """'1st', '2nd', '3rd', '4th', … '11th', '21st'."""
    if 10 <= place % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


def ordering_pairs(card: Card) -> tuple[tuple[str, str], ...]:
    """An ordering card as a matching, for the formats that have no ordering question: each
    event matched with its place in the order ('1st', '2nd', …)."""
    return tuple((item, position(place)) for place, item in enumerate(card.items, start=1))


def pairs(card: Card) -> tuple[tuple[str, str], ...]:
    """A matching question's pairs: a matching card's items and matches, or an ordering
    card's events and places (:func:`ordering_pairs`)."""
    if card.kind == "ordering":
        return ordering_pairs(card)
    return tuple(zip(card.items, card.matches, strict=True))


# -- text -------------------------------------------------------------------------------------


def shown(text: str) -> str:
    """``text`` with its control characters written as visible escapes (``\\x1b``), line
    breaks and tabs kept: no format can hold a raw escape sequence (XML cannot even hold
    most control characters)."""
    return "\t".join(visible(part, newlines=True) for part in text.split("\t"))


def as_html(text: str) -> str:
    """Deck text as HTML that shows it as it is: ``<``, ``>`` and ``&`` escaped, line breaks
    kept as ``<br>``."""
    return html.escape(shown(text), quote=False).replace("\n", "<br>")


def as_html_line(text: str) -> str:
    """Deck text as HTML on one line (for a menu's entry): as :func:`as_html`, with each line
    break a space."""
    return html.escape(shown(text), quote=False).replace("\n", " ")


def paragraphs_html(paragraphs: Iterable[str]) -> str:
    """Plain paragraphs as HTML paragraphs."""
    return "".join(f"<p>{as_html(p)}</p>" for p in paragraphs)


def _source_lines(sources: Iterable[Citation]) -> list[str]:
    return [f"Source: {citation.line()}" for citation in sources]


def feedback_paragraphs(card: Card, kind: QuizKind | None = None) -> list[str]:
    """A question's general feedback, as plain paragraphs: the model answer for an essay
    (nothing else shows it), the explanation, and one line per source. ``kind`` is the
    question the card is asked as, when a format cannot ask it as :func:`kind_of` says."""
    essay = (kind or kind_of(card)) == "essay"
    paragraphs = [f"Answer: {card.answer}"] if essay else []
    if card.explanation.strip():
        paragraphs.append(card.explanation)
    return paragraphs + _source_lines(card.sources)


def rebuttal_paragraphs(rebuttal: Rebuttal | None) -> list[str]:
    """Why a wrong choice is wrong, with its sources, as plain paragraphs (none if the card
    does not say)."""
    if rebuttal is None:
        return []
    return [rebuttal.text, *_source_lines(rebuttal.sources)]


def by_category(deck: Deck) -> list[tuple[tuple[str, ...], list[Card]]]:
    """The deck's cards grouped by category, in the order the categories first appear: the
    deck's title, then the card's first topic (a card without topics sits under the title)."""
    groups: dict[tuple[str, ...], list[Card]] = {}
    title = deck.title.strip() or deck.id
    for card in deck.cards:
        topic = next((t for t in card.topics if t.strip()), None)
        path = (title, topic) if topic is not None else (title,)
        groups.setdefault(path, []).append(card)
    return list(groups.items())
