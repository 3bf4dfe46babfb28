"""The simulated students of ``learning.py`` and the hidden memory each one has.

No scheduler sees any of this; each sees only what the app would see (what was answered and
how long it took). The model, all of it drawn from one seed per student:

* **A student** has a name (Faker), an ability ``a ~ N(0, 0.5)``, a pace (a multiple-choice
  answer takes 4 to 8 s when sure), and a habit of answering "I don't know" rather than
  guessing when the answer does not come (``dont_know`` between 0.2 and 0.6).
* **A card** has a difficulty ``d = 0.4 × (deck difficulty − 2) + N(0, 0.4)``, the same for
  every student; each student meets it with an ease ``e = a − d + N(0, 0.4)``.
* **Prior knowledge**: with the chance ``logistic(e − 2)`` (about one card in eight) the
  student knows the card already, with a stability of ``10 × exp(e/2)`` days (spread
  ``× exp(N(0, 0.5))``), as of the first day.
* **Forgetting curve**: the chance of recalling a card ``t`` days after it was last studied is
  ``0.9 ^ (t / S)``: ``S`` is the number of days until recall falls to 90 %. It is an
  exponential curve, not FSRS's power curve, so no scheduler is given the true shape.
* **Seeing the answer** (every answer shows it; after a guess or "I don't know" it is all the
  student has) sets ``S`` to at least ``0.3 × exp(e/2)`` days (spread ``× exp(N(0, 0.3))``):
  a card seen once is mostly gone in a day.
* **A real recall** (the answer came from memory, whatever the mode) multiplies ``S`` by
  ``1 + 40 × exp(0.3 e) × S^-0.17 × (exp(0.8 (1 − R)) − 1)``, with ``R`` the recall chance
  at that moment, spread ``× exp(N(0, 0.2))`` (never below ×1): the longer the wait, the
  larger the gain, and a repeat minutes later (``R`` near 1) adds only a few percent —
  **same-day repeats are not evidence of long-term memory**, and build little of it. At
  ``e = 0`` and ``R = 0.9`` the factor is what FSRS's default parameters give a Good answer
  on a card of middling difficulty (about ×4.3 at ``S = 1``, ×3.3 at 10, ×2.5 at 100 days).
* **A lapse** (the answer did not come) leaves ``S = max(seen, 0.3 × S^0.6)``.
* **Answering**: the student recalls with chance ``R``. Otherwise they answer "I don't know"
  (with their ``dont_know`` chance; on a typed card more often, ``(1 + dont_know) / 2``) or
  guess: a right guess has the chance 1/number of choices (4 choices: 25 %), 1/2 on
  true/false, 1/n! on ordering and matching cards, none on a typed answer. A guessed right
  answer builds memory only as seeing the answer does. A self-graded flashcard is graded
  honestly: Again when not recalled, else Good (Hard one time in six).
* **Time**: pace × the mode's factor (choice 1, true/false 0.7, typed 1.7, flashcard 1.3,
  ordering 3, matching 3.5) × ``exp(N(0, 0.3))``, × 1.8 for a guess (slower when unsure),
  × 0.6 for "I don't know"; then reading the feedback takes 2–5 s after a right answer and
  4–10 s after a wrong one. All of it counts in the daily budget.
* **Known** at a moment: recall chance ``≥ 0.9`` by this model (never-seen cards: 0).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime
from math import factorial

from faker import Faker

from purgequiz.decks.model import Card, Deck
from purgequiz.learn.simulate import PACE  # the demo's students answer at the same pace

DAY_S = 86_400.0
KNOWN = 0.9


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@dataclass
class Trace:
    """One card in one student's memory: stability in days, and when it was last studied."""

    stability: float
    last: datetime


@dataclass(frozen=True)
class Outcome:
    """How one answer went, as the app sees it (``correct``, ``dont_know``, time, and for a
    flashcard the student's own grade) and as only the benchmark knows it (``recalled``)."""

    recalled: bool
    correct: bool
    dont_know: bool
    answer_ms: int
    reading_ms: int
    self_grade: int  # 1-4 (Again..Easy), for a flashcard

    @property
    def total_ms(self) -> int:
        return self.answer_ms + self.reading_ms


@dataclass
class Student:
    """A simulated student and the memory only the benchmark sees."""

    name: str
    ability: float
    pace_ms: int
    dont_know: float
    ease: dict[str, float]
    seen: dict[str, float]  # the stability that seeing the answer gives, per card
    memory: dict[str, Trace] = field(default_factory=dict)

    def recall(self, card_id: str, now: datetime) -> float:
        """The chance of recalling the card at ``now``."""
        trace = self.memory.get(card_id)
        if trace is None:
            return 0.0
        days = max(0.0, (now - trace.last).total_seconds() / DAY_S)
        return float(KNOWN ** (days / trace.stability))

    def answer(
        self, card: Card, mode: str, choices: int, now: datetime, rng: random.Random
    ) -> Outcome:
        """The student's answer to ``card`` shown in ``mode`` (with ``choices`` choices)."""
        recalled = rng.random() < self.recall(card.id, now)
        spread = math.exp(rng.gauss(0.0, 0.3))
        base = self.pace_ms * PACE.get(mode, 1.0) * spread
        dont_know = correct = False
        self_grade = 1
        if recalled:
            correct = True
            self_grade = 2 if rng.random() < 1 / 6 else 3
        elif mode == "flashcard":
            base *= 1.8
        else:
            idk = (1 + self.dont_know) / 2 if mode == "typed" else self.dont_know
            if rng.random() < idk:
                dont_know = True
                base *= 0.6
            else:
                correct = rng.random() < guess_chance(card, mode, choices)
                base *= 1.8
        answer_ms = int(min(180_000, max(700, base)))
        reading = rng.uniform(2.0, 5.0) if correct else rng.uniform(4.0, 10.0)
        return Outcome(recalled, correct, dont_know, answer_ms, int(reading * 1000), self_grade)

    def study(self, card_id: str, now: datetime, recalled: bool, rng: random.Random) -> None:
        """What an answer (and its feedback, which shows the answer) does to the memory."""
        seen = self.seen[card_id] * math.exp(rng.gauss(0.0, 0.3))
        trace = self.memory.get(card_id)
        if trace is None:
            self.memory[card_id] = Trace(seen, now)
            return
        r = self.recall(card_id, now)
        s = trace.stability
        if recalled:
            gain = growth(self.ease[card_id], s, r)
            s = max(s * (1.0 + gain) * math.exp(rng.gauss(0.0, 0.2)), s)
        else:
            s = 0.3 * s**0.6
        self.memory[card_id] = Trace(max(s, seen), now)

    def copy(self) -> Student:
        """The same student with the same memory as now (each scheduler starts from this)."""
        return Student(
            self.name,
            self.ability,
            self.pace_ms,
            self.dont_know,
            self.ease,
            self.seen,
            {k: Trace(t.stability, t.last) for k, t in self.memory.items()},
        )


def growth(ease: float, stability: float, recall: float) -> float:
    """How much a real recall adds to the stability, as a fraction of it."""
    return 40.0 * math.exp(0.3 * ease) * stability**-0.17 * (math.exp(0.8 * (1 - recall)) - 1)


def guess_chance(card: Card, mode: str, choices: int) -> float:
    """The chance that a guess is right."""
    if mode == "choice":
        return 1.0 / max(1, choices)
    if mode == "truefalse":
        return 0.5
    if mode == "ordering":
        return 1.0 / factorial(max(1, len(card.items)))
    if mode == "matching":
        return 1.0 / factorial(max(1, len(card.matches)))
    return 0.0


def card_difficulties(deck: Deck, seed: int) -> dict[str, float]:
    """Each card's difficulty, the same for every student."""
    rng = random.Random(f"cards-{seed}")
    return {c.id: 0.4 * (c.difficulty - 2) + rng.gauss(0.0, 0.4) for c in deck.cards}


def draw_students(deck: Deck, count: int, seed: int, start: datetime) -> list[Student]:
    """``count`` students with their hidden memories as of ``start``, from ``seed``."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    difficulty = card_difficulties(deck, seed)
    students = []
    for index in range(count):
        rng = random.Random(f"student-{seed}-{index}")
        ability = rng.gauss(0.0, 0.5)
        ease = {cid: ability - d + rng.gauss(0.0, 0.4) for cid, d in difficulty.items()}
        seen = {cid: 0.3 * math.exp(e / 2) for cid, e in ease.items()}
        student = Student(
            name=fake.name(),
            ability=ability,
            pace_ms=rng.randint(4000, 8000),
            dont_know=rng.uniform(0.2, 0.6),
            ease=ease,
            seen=seen,
        )
        for cid, e in ease.items():
            if rng.random() < logistic(e - 2.0):
                stability = 10.0 * math.exp(e / 2 + rng.gauss(0.0, 0.5))
                student.memory[cid] = Trace(stability, start)
        students.append(student)
    return students
