"""A small class made by hand for the class report's tests: three students whose every answer
is written out below, so that each figure of the report can be worked out on paper.

The deck ``mini`` has three cards: ``q1`` (army; right answer "Tukhachevsky", wrong choices
"Blyukher", "Yegorov", "Uborevich", with a rebuttal of "Blyukher"), ``q2`` (army and nkvd; right
answer "Beria", wrong choices "Yagoda", "Frinovsky", "Zakovsky") and ``f3`` (nkvd, a flashcard).
Chen also answered ``zz``, a card that is in no deck.

Anna (exported 5 March 2025 at 10:00 UTC):
  1 Mar  q1 choice  right  new       4 s
  3 Mar  q1 typed   right  review    6 s
  3 Mar  q2 choice  WRONG  learning  5 s   picked Yagoda
  4 Mar  q2 choice  WRONG  review    5 s   picked Yagoda
  5 Mar  f3 flash   right  review    3 s
  states: q1 in review, stability 30 (mastered); q2 relearning, 1 lapse; f3 in review,
  stability 10 (not mastered). Flagged q2: "<b>wrong</b> & worse".
Boris (exported 6 March 2025 at 09:00 UTC):
  2 Mar  q1 choice  WRONG  new       7 s   picked Blyukher
  2 Mar  q1 choice  right  learning  3 s
  4 Mar  q2 choice  WRONG  new       9 s   picked Yagoda
  states: q1 and q2 learning, no lapses.
Chen (exported 5 March 2025 at 12:00 UTC):
  5 Mar  q1 choice  right  review    2 s
  5 Mar  zz choice  WRONG  new       1 s   picked "foo"
  states: q1 in review, stability 25, 2 lapses (mastered); zz relearning, 1 lapse.
"""

from __future__ import annotations

import itertools
from typing import Any

from purgequiz.decks.model import Card, Citation, Deck, Rebuttal

SOURCE = Citation("s1", "A source", "An author", "A journal", "1990", (1,))
_IDS = itertools.count(1)


def _card(card_id: str, answer: str, wrong: tuple[str, ...], topics: tuple[str, ...]) -> Card:
    return Card(
        id=card_id,
        kind="question" if wrong else "flashcard",
        template="t",
        prompt=f"Prompt of {card_id}?",
        answer=answer,
        explanation="Because.",
        sources=(SOURCE,),
        fact_ids=(f"f-{card_id}",),
        topics=topics,
        answer_type="entity",
        choices=(answer, *wrong) if wrong else (),
        rebuttals=(Rebuttal("Blyukher", "It was Tukhachevsky, not Blyukher.", (SOURCE,)),)
        if card_id == "q1"
        else (),
    )


MINI = Deck(
    "mini",
    "A mini deck",
    "",
    (
        _card("q1", "Tukhachevsky", ("Blyukher", "Yegorov", "Uborevich"), ("army",)),
        _card("q2", "Beria", ("Yagoda", "Frinovsky", "Zakovsky"), ("army", "nkvd")),
        _card("f3", "Because of the war scare", (), ("nkvd",)),
    ),
)
TOPICS = {"army": "The army purge", "nkvd": "The NKVD"}


def state(card_id: str, phase: int, stability: float, lapses: int = 0) -> dict[str, Any]:
    """A card state: ``phase`` 1 learning, 2 review, 3 relearning."""
    return {
        "v": 1,
        "card_id": card_id,
        "state": phase,
        "step": None if phase == 2 else 0,
        "stability": stability,
        "difficulty": 5.0,
        "due": "2025-03-10T10:00:00+00:00",
        "last_review": "2025-03-04T10:00:00+00:00",
        "reps": 3,
        "lapses": lapses,
        "suspended": False,
        "buried_until": None,
        "leech": False,
    }


def review(
    card_id: str,
    day: str,
    mode: str,
    correct: bool,
    seconds: int,
    *,
    was_review: bool = False,
    was_new: bool = False,
    given: str = "",
    hour: int = 10,
) -> dict[str, Any]:
    return {
        "v": 1,
        "id": f"r{next(_IDS)}",
        "card_id": card_id,
        "day": day,
        "reviewed_at": f"{day}T{hour:02d}:00:00+00:00",
        "mode": mode,
        "rating": 3 if correct else 1,
        "correct": correct,
        "near_miss": False,
        "given": given,
        "elapsed_ms": seconds * 1000,
        "was_new": was_new,
        "was_review": was_review,
        "after": state(card_id, 1, 1.0),
    }


def export(
    name: str,
    exported_at: str,
    reviews: list[dict[str, Any]],
    cards: list[dict[str, Any]],
    flags: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    return {
        "format": "purgequiz.progress-export",
        "version": 1,
        "profile": name,
        "exported_at": exported_at,
        "settings": {
            "v": 2,
            "timezone": "UTC",
            "day_starts_at": 4,
        },
        "cards": cards,
        "reviews": reviews,
        "days": [],
        "sessions": [],
        "flags": list(flags),
        "bests": {},
    }


def flag(card_id: str, note: str, created_at: str) -> dict[str, Any]:
    return {
        "v": 1,
        "id": f"flag-{next(_IDS)}",
        "card_id": card_id,
        "deck_id": "mini",
        "note": note,
        "created_at": created_at,
        "prompt": f"Prompt of {card_id}?",
    }


def anna(name: str = "Anna", note: str = "<b>wrong</b> & worse") -> dict[str, Any]:
    return export(
        name,
        "2025-03-05T10:00:00+00:00",
        [
            review("q1", "2025-03-01", "choice", True, 4, was_new=True),
            review("q1", "2025-03-03", "typed", True, 6, was_review=True, given="Tukhachevsky"),
            review("q2", "2025-03-03", "choice", False, 5, given="Yagoda", hour=11),
            review("q2", "2025-03-04", "choice", False, 5, was_review=True, given="Yagoda"),
            review("f3", "2025-03-05", "flashcard", True, 3, was_review=True, hour=8),
        ],
        [state("q1", 2, 30.0), state("q2", 3, 2.0, lapses=1), state("f3", 2, 10.0)],
        [flag("q2", note, "2025-03-04T10:01:00+00:00")],
    )


def boris() -> dict[str, Any]:
    return export(
        "Boris",
        "2025-03-06T09:00:00+00:00",
        [
            review("q1", "2025-03-02", "choice", False, 7, was_new=True, given="Blyukher"),
            review("q1", "2025-03-02", "choice", True, 3, given="Tukhachevsky", hour=11),
            review("q2", "2025-03-04", "choice", False, 9, was_new=True, given="Yagoda"),
        ],
        [state("q1", 1, 1.0), state("q2", 1, 0.5)],
    )


def chen() -> dict[str, Any]:
    return export(
        "Chen",
        "2025-03-05T12:00:00+00:00",
        [
            review("q1", "2025-03-05", "choice", True, 2, was_review=True, given="Tukhachevsky"),
            review("zz", "2025-03-05", "choice", False, 1, was_new=True, given="foo", hour=11),
        ],
        [state("q1", 2, 25.0, lapses=2), state("zz", 3, 1.0, lapses=1)],
    )
