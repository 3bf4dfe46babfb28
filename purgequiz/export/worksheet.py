"""A deck as a printable worksheet: what it holds, before it is written as HTML or Markdown.

The worksheet numbers the deck's cards as questions, each with what a student needs to
answer it on paper: lettered choices, lines to write on (as many as the expected answer
needs), items to number, two columns to pair, or a box to tick. The answer key gives, for
each question, what to look for on the sheet (the letter, the numbers in the boxes), the
answer, its explanation, why each wrong choice is wrong, and where the answer comes from.
Each cited document is listed once, numbered, with the questions that draw on it.

Every text is the deck's own, with its runs of white space (tabs, line breaks) made single
spaces and any other control character written as a visible escape: the formats that write
a worksheet escape it for their own syntax. Items to order and matches to pair are shuffled
in a way seeded by the card's id, so the same deck always gives the same sheet.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from purgequiz.decks.model import Card, Citation, Deck
from purgequiz.visible import visible

__all__ = [
    "CHARS_PER_LINE",
    "KEY_HEADING",
    "MAX_LINES",
    "KeyEntry",
    "Question",
    "Source",
    "Worksheet",
    "letter",
    "plain",
    "worksheet",
]

KEY_HEADING = "Answer key"
CHARS_PER_LINE = 45  # handwriting on one line across an A4 page
MAX_LINES = 8
SHORT_ANSWER = 30  # an answer of at most this many characters gets a short line


@dataclass(frozen=True)
class Question:
    """One card as it is asked on paper.

    ``how`` says how it is answered: ``choose`` (circle one of ``choices``, lettered A, B…),
    ``write`` (on ``lines`` lines, a ``short`` one for a name or a date), ``truefalse``
    (tick a box), ``order`` (number ``items``, shown shuffled) or ``match`` (write beside
    each of ``items`` the letter of one of ``matches``, shown shuffled).
    """

    number: int
    prompt: str
    how: str
    hint: str  # what to do, in a few words: "Circle one letter."
    choices: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    matches: tuple[str, ...] = ()
    lines: int = 0
    short: bool = False


@dataclass(frozen=True)
class KeyEntry:
    """The answer to one question."""

    number: int
    mark: str  # what to look for on the sheet: "B", "True", or the boxes' "3, 1, 4, 2"
    answer: str  # the card's answer (empty for true or false: the mark says it)
    explanation: str
    why_not: tuple[str, ...]  # "Not C (October 1937): it happened in…", per wrong choice
    sources: str  # "Source 1, ¶39; source 2, ¶10, ¶32"
    boxes: bool = False  # the mark is what the boxes hold, from the top (ordering, matching)


@dataclass(frozen=True)
class Source:
    """A document the deck cites, once, with the questions that draw on it."""

    number: int
    label: str  # how explanations name it: "Wright, Socialist Appeal, 5 October 1940"
    reference: str  # author, “title”, publication, date
    questions: tuple[int, ...]


@dataclass(frozen=True)
class Worksheet:
    title: str
    description: str
    questions: tuple[Question, ...]
    sources: tuple[Source, ...]
    key: tuple[KeyEntry, ...]


def plain(text: str) -> str:
    """``text`` as a worksheet shows it: white space runs as one space, controls visible."""
    return visible(" ".join(text.split()))


def letter(index: int) -> str:
    """The letter of the choice at ``index``: A, B, … Z, then AA, AB…"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def worksheet(deck: Deck) -> Worksheet:
    """The worksheet of ``deck``: its cards as numbered questions, in the deck's order."""
    documents = _documents(deck)
    numbers = {doc_id: n for n, doc_id in enumerate(documents, 1)}
    questions, key = [], []
    for number, card in enumerate(deck.cards, 1):
        question, entry = _ask(card, number)
        questions.append(question)
        key.append(replace(entry, sources=_where(card.sources, numbers)))
    sources = tuple(
        Source(
            number=numbers[doc_id],
            label=plain(replace(citation, paragraphs=()).line()) if citation.label else "",
            reference=plain(replace(citation, label=None, paragraphs=()).line()),
            questions=tuple(
                n
                for n, card in enumerate(deck.cards, 1)
                if any(s.id == doc_id for s in card.sources)
            ),
        )
        for doc_id, citation in documents.items()
    )
    return Worksheet(
        title=plain(deck.title),
        description=plain(deck.description),
        questions=tuple(questions),
        sources=sources,
        key=tuple(key),
    )


def _documents(deck: Deck) -> dict[str, Citation]:
    """Each document the deck cites, by id, in the order the questions first cite it."""
    found: dict[str, Citation] = {}
    for card in deck.cards:
        for citation in card.sources:
            found.setdefault(citation.id, citation)
    return found


def _where(citations: tuple[Citation, ...], numbers: dict[str, int]) -> str:
    """'Source 1, ¶8, ¶18; source 2, ¶10': a card's citations by document number."""
    paragraphs: dict[int, set[int]] = {}
    for citation in citations:
        paragraphs.setdefault(numbers[citation.id], set()).update(citation.paragraphs)
    parts = [
        f"source {n}" + "".join(f", \u00b6{p}" for p in sorted(paragraphs[n]))
        for n in sorted(paragraphs)
    ]
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _shuffled(count: int, card: Card) -> list[int]:
    """The positions 0…count-1 in an order seeded by the card's id, never the given order
    (which would give the answer away) when there is more than one."""
    order = list(range(count))
    random.Random(f"worksheet:{card.id}").shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _ask(card: Card, number: int) -> tuple[Question, KeyEntry]:
    """The question a card makes, and its key entry (its sources filled in later)."""
    prompt, answer = plain(card.prompt), plain(card.answer)
    entry = KeyEntry(number, "", answer, plain(card.explanation), (), "")
    if card.kind == "truefalse" and card.truth is not None:
        question = Question(number, prompt, "truefalse", "Tick one box.")
        return question, replace(entry, mark="True" if card.truth else "False", answer="")
    if card.kind == "ordering" and card.items:
        order = _shuffled(len(card.items), card)
        question = Question(
            number,
            prompt,
            "order",
            f"Number them 1 to {len(order)} in the boxes.",
            items=tuple(plain(card.items[i]) for i in order),
        )
        return question, replace(entry, mark=", ".join(str(i + 1) for i in order), boxes=True)
    if card.kind == "matching" and card.items and len(card.matches) == len(card.items):
        order = _shuffled(len(card.matches), card)
        question = Question(
            number,
            prompt,
            "match",
            "Write in each box the letter of its match.",
            items=tuple(plain(item) for item in card.items),
            matches=tuple(plain(card.matches[i]) for i in order),
        )
        mark = ", ".join(letter(order.index(i)) for i in range(len(card.items)))
        return question, replace(entry, mark=mark, boxes=True)
    if card.choices:
        choices = tuple(plain(choice) for choice in card.choices)
        question = Question(number, prompt, "choose", "Circle one letter.", choices=choices)
        mark = letter(card.choices.index(card.answer)) if card.answer in card.choices else ""
        why_not = tuple(
            f"Not {letter(i)} ({plain(choice)}): {plain(rebuttal.text)}"
            for i, choice in enumerate(card.choices)
            if (rebuttal := card.rebuttal(choice)) is not None
        )
        return question, replace(entry, mark=mark, why_not=why_not)
    lines = max(1, min(MAX_LINES, math.ceil(len(answer) / CHARS_PER_LINE)))
    short = len(answer) <= SHORT_ANSWER
    return Question(number, prompt, "write", "", lines=lines, short=short), entry
