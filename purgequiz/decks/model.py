"""The deck model: cards and decks, with their stored (JSON) form.

A card's ``id`` is derived from its fact id(s) and question template, never from order or
seed, so progress survives regeneration. ``kind`` says how the card is answered:

* ``question`` and ``cloze``: one answer; shown as multiple choice (``choices``), typed
  answer (``accept`` lists every accepted spelling) or flashcard;
* ``truefalse``: ``truth`` says whether ``prompt`` is true;
* ``ordering``: ``items`` holds the events in their correct order;
* ``matching``: ``items`` holds the left-hand things and ``matches`` what each is matched
  with, in the same order (the app shuffles the right-hand side).

``family`` names the question family of the template that made the card (see
:mod:`purgequiz.generate.registry`); ``rebuttals`` says, for each wrong choice, why it is wrong,
with the fact base's own citation.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from purgequiz.facts.model import Fact, FactBase

__all__ = [
    "ANSWER_TYPES",
    "CARD_KINDS",
    "DECK_FORMAT",
    "DECK_VERSION",
    "TYPED_WORDS",
    "Card",
    "Citation",
    "Deck",
    "Rebuttal",
]

DECK_FORMAT = "purgequiz.deck"
DECK_VERSION = 2  # the only version read: a deck of another version is refused
CARD_KINDS = ("question", "cloze", "truefalse", "ordering", "matching", "flashcard")
ANSWER_TYPES = ("entity", "number", "date", "text", "boolean", "order", "pairs")
TYPED_WORDS = 4  # a text key longer than this is never asked typed


@dataclass(frozen=True)
class Citation:
    """Where a card's answer comes from, for the feedback screen."""

    id: str
    title: str
    author: str
    publication: str
    date: str | None
    paragraphs: tuple[int, ...]
    label: str | None = None  # how a student finds it: "Wright, Socialist Appeal, 5 October 1940"

    @classmethod
    def of(cls, base: FactBase, fact: Fact) -> Citation:
        """Where ``fact`` comes from, as a card cites it."""
        source = base.sources[fact.source]
        return cls(
            source.id,
            source.title,
            source.author,
            source.publication,
            source.date,
            tuple(fact.paragraphs),
            source.cite_as,
        )

    def line(self) -> str:
        """'Wright, Socialist Appeal, 5 October 1940, ¶21', or with no label the full form:
        author, “title”, publication, date, paragraphs."""
        if self.label:
            where = (
                ", " + ", ".join(f"\u00b6{p}" for p in self.paragraphs) if self.paragraphs else ""
            )
            return f"{self.label[:1].upper()}{self.label[1:]}{where}"
        label = "para." if len(self.paragraphs) == 1 else "paras."
        where = f", {label} {', '.join(map(str, self.paragraphs))}" if self.paragraphs else ""
        date = f", {self.date}" if self.date else ""
        return f"{self.author}, \u201c{self.title}\u201d, {self.publication}{date}{where}"


@dataclass(frozen=True)
class Rebuttal:
    """Why one wrong choice is wrong, in a sentence from the fact base, with its citation."""

    choice: str
    text: str
    sources: tuple[Citation, ...]


def _citation_dict(citation: Citation) -> dict[str, Any]:
    return {**asdict(citation), "paragraphs": list(citation.paragraphs)}


# A prompt that asks to pick among the choices shown makes no sense without them.
_PICKS_FROM_CHOICES = re.compile(r"\b(?:of these|of the following)\b", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    template: str
    prompt: str
    answer: str
    explanation: str
    sources: tuple[Citation, ...]
    fact_ids: tuple[str, ...]
    topics: tuple[str, ...]
    answer_type: str = "text"
    accept: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    truth: bool | None = None
    items: tuple[str, ...] = ()
    matches: tuple[str, ...] = ()
    year: int | None = None
    difficulty: int = 2
    siblings: tuple[str, ...] = ()
    confusable: tuple[str, ...] = ()
    attribution: str | None = None
    family: str = ""
    rebuttals: tuple[Rebuttal, ...] = ()

    @property
    def typeable(self) -> bool:
        """Whether a student can fairly be asked to type the key: an entity, a number or a
        date, or a text of a few words."""
        if self.kind not in ("question", "cloze"):
            return False
        if self.choices and _PICKS_FROM_CHOICES.search(self.prompt):
            return False  # "Which of these commanders…": one of several true, only among choices
        # an aside in brackets (a gloss: "(the Soviet security police)") is not typed
        words = _ASIDE.sub(" ", self.answer).split()
        return self.answer_type != "text" or len(words) <= TYPED_WORDS

    def rebuttal(self, choice: str) -> Rebuttal | None:
        """Why ``choice`` is wrong, if the card says."""
        return next((r for r in self.rebuttals if r.choice == choice), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sources"] = [_citation_dict(c) for c in self.sources]
        for name in (
            "fact_ids",
            "topics",
            "accept",
            "choices",
            "items",
            "matches",
            "siblings",
            "confusable",
        ):
            data[name] = list(getattr(self, name))
        data["rebuttals"] = {
            r.choice: {"text": r.text, "sources": [_citation_dict(c) for c in r.sources]}
            for r in self.rebuttals
        }
        return data


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    description: str
    cards: tuple[Card, ...]
    built_from: dict[str, Any] = field(default_factory=dict)

    def card(self, card_id: str) -> Card:
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": DECK_FORMAT,
            "version": DECK_VERSION,
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "built_from": self.built_from,
            "cards": [card.to_dict() for card in self.cards],
        }
