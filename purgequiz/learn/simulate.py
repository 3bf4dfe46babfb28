"""Simulated students, for ``purgequiz demo``: histories made by the real study session.

A :class:`Student` has a diligence (the chance of studying on a given day, and how many
answers a sitting aims at), a skill, a pace and a habit of flagging cards; a :class:`Lesson`
is a deck as one class meets it: each card's difficulty, how strongly each wrong choice draws
a student who does not know the answer (a false belief the class shares), and whether the card
looks wrong to some. :func:`simulate` then runs :class:`~purgequiz.learn.session.StudySession`
day after day against a profile, with a clock that moves on by each answer's time and with
answers drawn from the student's memory of the card:

* a new card is known beforehand with a chance that grows with skill and falls with the card's
  difficulty;
* a card studied before is recalled with the chance of the forgetting curve FSRS assumes
  (``(1 + t / 9S)^-1`` after ``t`` days at stability ``S``), on a stability stretched for a
  strong student and shrunk for a weak one on a hard card;
* a student who does not recall the answer guesses among the choices shown (drawn to the wrong
  choices the lesson says draw students), types a wrong choice or nothing, puts two events or
  pairs in the wrong order, or grades a flashcard Again; one who does recall it sometimes
  makes a typo when typing;
* an answer takes the student's pace times the mode's (typing takes longer than picking, an
  ordering longer still), more when unsure, with a spread.

Everything is graded, scheduled and recorded by the same code as the app's answers. Pure: the
randomness (a ``random.Random``) and the days come in from the caller.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from purgequiz.decks.model import Deck
from purgequiz.learn.days import day_end, day_start
from purgequiz.learn.presentation import Mode
from purgequiz.learn.records import ProgressStore
from purgequiz.learn.scheduler import CardProgress, Rating
from purgequiz.learn.session import Presented, StudySession

__all__ = [
    "FLAG_NOTES",
    "PACE",
    "Lesson",
    "Student",
    "draw_student",
    "keen",
    "simulate",
    "study_days",
]

# what a student writes when flagging a card (most cards are never flagged; see Lesson)
FLAG_NOTES = (
    "I think the answer is wrong.",
    "The explanation seems to say something other than the answer.",
    "Two of the choices look like the same answer to me.",
    "The question is not clear to me.",
    "This does not match what we read in class.",
)
PACE = {  # an answer's time in this mode, against the student's pace for multiple choice
    "choice": 1.0,
    "truefalse": 0.7,
    "typed": 1.7,
    "flashcard": 1.3,
    "ordering": 3.0,
    "matching": 3.5,
}
_TYPO = 0.08  # the chance of a typo in an answer typed by a student who knows it


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True)
class Student:
    """How one simulated student studies."""

    name: str
    diligence: float  # the chance of studying on a given day
    cards_per_day: int  # how many answers a sitting aims at
    skill: float  # on the scale of the cards' difficulty: 0 is an even chance on a middling card
    pace_ms: int  # a typical multiple-choice answer's time
    flagging: float  # the chance of flagging a card that looks wrong, once it was got wrong
    hour: float  # the local time of day the student usually sits down, in hours


def draw_student(name: str, rng: random.Random) -> Student:
    """A student of a class: some study nearly every day and some now and then, some answer
    most cards and some few, quickly or slowly."""
    habit = rng.random()
    if habit < 0.25:
        diligence = rng.uniform(0.85, 1.0)
    elif habit < 0.8:
        diligence = rng.uniform(0.45, 0.85)
    else:
        diligence = rng.uniform(0.12, 0.45)
    return Student(
        name=name,
        diligence=round(diligence, 3),
        cards_per_day=rng.randint(10, 45),
        skill=round(rng.gauss(0.5, 0.9), 3),
        pace_ms=rng.randint(3000, 9000),
        flagging=round(rng.uniform(0.0, 0.6), 3),
        hour=round(rng.uniform(15.0, 21.5), 2),
    )


@dataclass(frozen=True)
class CardTraits:
    difficulty: float  # added to the student's skill with its sign turned
    pull: dict[str, float]  # wrong choice → how strongly it draws a student who does not know
    looks_wrong: bool  # some students flag it


@dataclass(frozen=True)
class Lesson:
    """A deck as one class meets it (the same for every student of the class)."""

    deck: Deck
    traits: dict[str, CardTraits]

    @classmethod
    def draw(cls, deck: Deck, rng: random.Random) -> Lesson:
        """Each card's difficulty (from the deck's own 1 to 3, with a spread), a pull for each
        wrong choice (one of them often much stronger: a shared false belief), and one card
        in about thirty that looks wrong to some students."""
        traits = {}
        for card in deck.cards:
            wrong = [choice for choice in dict.fromkeys(card.choices) if choice != card.answer]
            pull = {choice: rng.uniform(0.3, 1.2) for choice in wrong}
            if wrong and rng.random() < 0.6:
                pull[rng.choice(wrong)] = rng.uniform(2.0, 5.0)
            traits[card.id] = CardTraits(
                difficulty=round((card.difficulty - 2) * 0.5 + rng.gauss(0.0, 0.7), 3),
                pull=pull,
                looks_wrong=rng.random() < 0.035,
            )
        return cls(deck, traits)


def study_days(until: date, count: int) -> list[date]:
    """The ``count`` days ending with ``until``, oldest first."""
    return [until - timedelta(days=back) for back in range(count - 1, -1, -1)]


def simulate(
    student: Student,
    lesson: Lesson,
    profile: ProgressStore,
    days: Sequence[date],
    rng: random.Random,
) -> None:
    """The student's study of ``lesson`` on ``days`` (study days in the profile's zone),
    recorded in ``profile`` as the app records it."""
    flagged: set[str] = set()  # a student flags a card once
    for day in days:
        if rng.random() >= student.diligence:
            continue
        aim = max(3, round(student.cards_per_day * rng.uniform(0.6, 1.4)))
        start = _sitting_start(student, profile, day, rng)
        _sitting(student, lesson, profile, start, aim, flagged, rng)


def _sitting_start(
    student: Student, profile: ProgressStore, day: date, rng: random.Random
) -> datetime:
    """When the student sits down on study day ``day``: about their usual hour, inside the day."""
    settings = profile.settings
    zone, hour = settings.zone(), settings.day_starts_at
    wanted = datetime.combine(day, time(0), tzinfo=zone) + timedelta(
        hours=student.hour + rng.uniform(-1.0, 1.0)
    )
    first = day_start(day, zone, hour) + timedelta(minutes=30)
    last = day_end(first, zone, hour) - timedelta(hours=2)
    return min(max(wanted.astimezone(UTC), first), last)


def _sitting(
    student: Student,
    lesson: Lesson,
    profile: ProgressStore,
    now: datetime,
    aim: int,
    flagged: set[str],
    rng: random.Random,
) -> None:
    """One sitting of up to ``aim`` answers, from ``now``; ``flagged``: the cards the student
    has flagged so far."""
    session = StudySession(lesson.deck, profile, now, rng)
    for _ in range(aim):
        shown = session.next_card(now)
        if shown is None:
            break
        traits = lesson.traits[shown.card.id]
        state = session.states.get(shown.card.id)
        knows = rng.random() < _recall(student, traits, state, now)
        elapsed = _time_taken(student, shown.mode, knows, rng)
        now += timedelta(milliseconds=elapsed)
        if shown.mode == "flashcard":
            result = session.grade_flashcard(_self_grade(knows, state, rng), now, elapsed)
        else:
            result = session.answer(_response(shown, traits, knows, rng), now, elapsed)
        if (
            not result.correct
            and traits.looks_wrong
            and shown.card.id not in flagged
            and rng.random() < student.flagging
        ):
            session.flag(rng.choice(FLAG_NOTES), now, card_id=shown.card.id)
            flagged.add(shown.card.id)
        now += timedelta(seconds=rng.uniform(2.0, 8.0))  # reading what the app says
    session.summary(now)


def _recall(
    student: Student, traits: CardTraits, state: CardProgress | None, now: datetime
) -> float:
    """The chance that the student has the answer in mind now."""
    ability = student.skill - traits.difficulty
    if state is None or state.is_new or state.last_review is None:
        return _logistic(ability - 1.0)
    days = max(0.0, (now - state.last_review).total_seconds() / 86400)
    stability = max(state.stability or 0.1, 0.01) * math.exp(0.4 * ability)
    remembered = 1.0 / (1.0 + days / (9.0 * stability))
    return min(0.99, max(0.02, remembered * _logistic(ability + 2.5)))


def _time_taken(student: Student, mode: Mode, knows: bool, rng: random.Random) -> int:
    """An answer's time in milliseconds."""
    spread = math.exp(rng.gauss(0.0, 0.4))
    taken = student.pace_ms * PACE[mode] * spread * (1.0 if knows else 1.5)
    return int(min(180_000, max(700, taken)))


def _self_grade(knows: bool, state: CardProgress | None, rng: random.Random) -> Rating:
    if not knows:
        return Rating.Again
    roll = rng.random()
    if roll < 0.15:
        return Rating.Hard
    if roll < 0.3 and state is not None and state.is_review:
        return Rating.Easy
    return Rating.Good


def _response(
    shown: Presented, traits: CardTraits, knows: bool, rng: random.Random
) -> str | bool | list[str]:
    """What the student answers to a card shown in any mode but flashcard."""
    card = shown.card
    match shown.mode:
        case "truefalse":
            return bool(card.truth) if knows else rng.random() < 0.5
        case "ordering":
            return list(card.items) if knows else _swapped(list(card.items), rng)
        case "matching":
            return list(card.matches) if knows else _swapped(list(card.matches), rng)
        case "typed":
            if knows:
                return _typo(card.answer, rng) if rng.random() < _TYPO else card.answer
            return _drawn(traits.pull, rng) if traits.pull else ""
        case _:  # choice
            if knows:
                return card.answer
            weights = {choice: traits.pull.get(choice, 1.0) for choice in shown.choices}
            return _drawn(weights, rng)


def _drawn(weights: dict[str, float], rng: random.Random) -> str:
    choices = list(weights)
    return rng.choices(choices, weights=[weights[c] for c in choices])[0]


def _swapped(items: list[str], rng: random.Random) -> list[str]:
    """``items`` with two neighbours changed round (as it was if there are fewer than two)."""
    if len(items) >= 2:
        at = rng.randrange(len(items) - 1)
        items[at], items[at + 1] = items[at + 1], items[at]
    return items


def _typo(text: str, rng: random.Random) -> str:
    """``text`` with two neighbouring letters of its longest word changed round."""
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 4:
        return text
    at = rng.randrange(1, len(word) - 2)
    words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return " ".join(words)


def keen(student: Student) -> Student:
    """The same student, studying at least nine days in ten (a profile filled for a new user
    should show every figure, a streak among them)."""
    return replace(student, diligence=max(student.diligence, 0.9))
