"""How a card is shown: the mode follows memory.

The rule, in order:

1. ``flashcards_only`` in the settings: every card is a flashcard (self-graded).
2. A true/false card is always ``truefalse``; an ordering card is always ``ordering``; a
   matching card is always ``matching``; a flashcard card (an explanation to recall in
   one's own words, such as a cause or an author's reading) is always ``flashcard``.
3. A question or cloze card is asked as multiple choice (``choice``, recognition) while it is
   new, learning or relearning after a lapse, and as a typed answer (``typed``, recall) once
   it is known: it has graduated to the review state. With ``typed_after_learning`` off in the
   settings a known card stays multiple choice. A card without choices is typed from the
   start; a card whose answer is long free text (``text`` with more than four words) stays
   multiple choice.
4. The user may always switch the current card to ``flashcard``.

Choices and ordering items are shuffled afresh at each showing with the session's Random.
"""

from __future__ import annotations

import random
from typing import Literal

from purgequiz.decks.model import Card
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings

__all__ = ["MODES", "Mode", "mode_for", "shuffled_choices", "shuffled_items", "typeable"]

Mode = Literal["choice", "typed", "flashcard", "truefalse", "ordering", "matching"]
MODES: tuple[str, ...] = ("choice", "typed", "flashcard", "truefalse", "ordering", "matching")


def typeable(card: Card) -> bool:
    """Whether the answer is short enough to be typed and matched."""
    return card.typeable


def mode_for(card: Card, progress: CardProgress | None, settings: Settings) -> Mode:
    if settings.flashcards_only:
        return "flashcard"
    if card.kind == "truefalse":
        return "truefalse"
    if card.kind == "ordering":
        return "ordering"
    if card.kind == "matching":
        return "matching"
    if card.kind == "flashcard":
        return "flashcard"
    known = progress is not None and progress.is_review
    if not card.choices:
        return "typed" if typeable(card) else "flashcard"
    if known and settings.typed_after_learning and typeable(card):
        return "typed"
    return "choice"


def shuffled_choices(card: Card, rng: random.Random) -> tuple[str, ...]:
    choices = list(dict.fromkeys(card.choices))
    if card.answer not in choices:
        choices.append(card.answer)
    rng.shuffle(choices)
    return tuple(choices)


def shuffled_items(card: Card, rng: random.Random) -> tuple[str, ...]:
    """The ordering items, or a matching card's right-hand side, in a shuffled order that
    differs from the answer when it can."""
    items = list(card.matches if card.kind == "matching" else card.items)
    if len(set(items)) < 2:
        return tuple(items)
    while True:
        rng.shuffle(items)
        if items != list(card.items):
            return tuple(items)
