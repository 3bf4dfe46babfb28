"""What ``learning.py`` compares: purgequiz's own study session, and five other ways to choose
the next card, each behind the same small interface (:class:`Teacher`).

Every teacher shows a card by purgequiz's presentation rule (multiple choice until the card
has "graduated" in that teacher's own sense, then typed; ordering, matching and flashcard
cards as always) and meets new cards in the order purgequiz's queue gives that student, at
most 20 new cards and 200 reviews a day, as purgequiz's defaults.

* **purgequiz**: :class:`~purgequiz.learn.session.StudySession` itself, one a sitting, on an
  in-memory profile: its queue, presentation, grading and FSRS, untouched.
* **Leitner**: five boxes reviewed every 1, 2, 4, 8 and 16 days; a right answer moves a card
  up a box, a wrong one (or "I don't know") back to the first; graduated from box 2 up.
* **SM-2**: as Anki schedules without FSRS: learning steps 1 and 10 minutes, graduating
  interval 1 day, easy interval 4 days, starting ease 2.5; in review Again lapses (ease
  −0.20, relearning step 10 minutes, then 1 day), Hard ×1.2 (ease −0.15), Good × ease (half
  the days overdue counted), Easy × ease × 1.3 (ease +0.15), ease never under 1.3, each
  interval at least one day longer than the one below it. Its ratings are purgequiz's
  grading of the same answers (:func:`purgequiz.learn.grading.grade`) but for the rule that
  a right pick on a new card is Hard (Anki's own cards are not multiple choice): a student
  grading themself would say Good.
* **Fixed**: each card is reviewed 1, 3, 7, 14, 30 and 60 days after it was first studied,
  whatever the answers.
* **Cramming**: nothing until the last five days before the test, then every sitting uses the
  whole budget: the cards answered right the fewest times first (new cards in order), a
  missed card again after three others.
* **Oracle**: sees the hidden memory. A card is due when its true recall would fall below
  90 % before the next sitting (or before the test); due cards come in the order of the
  expected gain of a review in log stability, then new cards; each card at most once a day
  (a same-day repeat gains little, and the oracle knows it).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from learning_memory import KNOWN, Outcome, Student, growth

from purgequiz.decks.model import Card, Deck
from purgequiz.learn.grading import PICKED, grade
from purgequiz.learn.memory import MemoryProfile
from purgequiz.learn.presentation import mode_for
from purgequiz.learn.queue import LEARN_AHEAD, StudyQueue
from purgequiz.learn.scheduler import CardProgress, Rating, State
from purgequiz.learn.session import Presented, StudySession
from purgequiz.learn.settings import Settings

NEW_PER_DAY = 20
REVIEWS_PER_DAY = 200
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Shown:
    card: Card
    mode: str
    choices: int  # how many choices are shown (multiple choice)


class Teacher(Protocol):
    name: str

    def begin(self, now: datetime, day: int) -> None: ...
    def next(self, now: datetime) -> Shown | None: ...
    def predicted(self, card_id: str, now: datetime) -> float | None: ...
    def answered(self, outcome: Outcome, now: datetime) -> None: ...
    def end(self, now: datetime) -> None: ...


def choice_count(card: Card) -> int:
    return len(set(card.choices) | {card.answer})


def new_order(deck: Deck, settings: Settings, seed: int) -> list[Card]:
    """The order purgequiz's queue gives new cards for a profile of this seed."""
    return list(StudyQueue(deck.cards, settings, seed=seed).cards)


class PurgequizTeacher:
    """purgequiz's real study session, one per sitting."""

    name = "purgequiz (FSRS)"

    def __init__(self, deck: Deck, settings: Settings, seed: int, rng: random.Random) -> None:
        self.deck = deck
        self.profile = MemoryProfile("student", settings, seed)
        self.rng = rng
        self.session: StudySession | None = None
        self.shown: Presented | None = None
        self.mismatches = 0  # answers the app judged otherwise than the student meant them
        self.picked_first: dict[str, bool] = {}  # card → its first answer was a right pick
        self.days: dict[str, set[object]] = {}  # card → the study days it was answered on
        self.segment = ""  # the calibration group of the last prediction

    def begin(self, now: datetime, day: int) -> None:
        self.session = StudySession(self.deck, self.profile, now, self.rng)

    def _session(self) -> StudySession:
        assert self.session is not None
        return self.session

    def next(self, now: datetime) -> Shown | None:
        shown = self._session().next_card(now)
        self.shown = shown
        if shown is None:
            return None
        return Shown(shown.card, shown.mode, len(shown.choices))

    def predicted(self, card_id: str, now: datetime) -> float | None:
        """FSRS's predicted recall, for a card last studied on an earlier study day."""
        session = self._session()
        state = session.states.get(card_id)
        if state is None or state.is_new or state.last_review is None:
            return None
        if session.queue.day(state.last_review) >= session.queue.day(now):
            return None
        early = len(self.days.get(card_id, ())) <= 3
        first = (
            "first answer a right pick" if self.picked_first.get(card_id) else "other first answer"
        )
        self.segment = f"{first}, reviews 1-3" if early else "4th review day on"
        return session.scheduler.retrievability(state, now)

    def answered(self, outcome: Outcome, now: datetime) -> None:
        session, shown = self._session(), self.shown
        assert shown is not None
        if outcome.dont_know:
            result = session.dont_know(now, outcome.answer_ms)
        elif shown.mode == "flashcard":
            result = session.grade_flashcard(Rating(outcome.self_grade), now, outcome.answer_ms)
        else:
            result = session.answer(_response(shown, outcome.correct), now, outcome.answer_ms)
        self.mismatches += result.correct != outcome.correct
        card_id = shown.card.id
        if card_id not in self.picked_first:
            self.picked_first[card_id] = result.correct and shown.mode in PICKED
        self.days.setdefault(card_id, set()).add(session.queue.day(now))

    def end(self, now: datetime) -> None:
        self._session().summary(now)
        self.session = None


def _response(shown: Presented, correct: bool) -> str | bool | list[str]:
    card = shown.card
    if shown.mode == "truefalse":
        return bool(card.truth) == correct
    if shown.mode in ("ordering", "matching"):
        items = list(card.items if shown.mode == "ordering" else card.matches)
        if not correct and len(items) > 1:
            items[0], items[1] = items[1], items[0]
        return items
    if correct:
        return card.answer
    wrong = [c for c in (shown.choices or card.choices) if c != card.answer]
    return wrong[0] if wrong else "no idea"


@dataclass
class _Card:
    """A baseline's record of one card."""

    due: datetime | None = None
    learning: bool = False  # due again the same day (a learning step)
    graduated: bool = False
    seen_day: int = -1
    box: int = 0  # Leitner
    step: int = 0  # SM-2 learning step; Fixed: reviews done
    interval: float = 0.0  # SM-2, days
    ease: float = 2.5
    first: datetime | None = None
    extra: dict[str, float] = field(default_factory=dict)


class DueTeacher:
    """A scheduler by due dates: learning cards due now, then reviews due today (earliest
    first), then new cards, then learning cards due within 20 minutes; never the same card
    twice in a row while another is there."""

    name = "?"

    def __init__(self, deck: Deck, settings: Settings, seed: int) -> None:
        self.settings = settings
        self.order = new_order(deck, settings, seed)
        self.cards: dict[str, _Card] = {}
        self.day = 0
        self.new_today = 0
        self.reviews_today = 0
        self.last: str | None = None
        self.current: Card | None = None
        self.shown_mode = ""
        self.day_end = datetime.min

    def begin(self, now: datetime, day: int) -> None:
        self.day, self.new_today, self.reviews_today, self.last = day, 0, 0, None
        self.day_end = now + timedelta(hours=8)

    def _mode(self, card: Card) -> str:
        state = self.cards.get(card.id)
        proxy = (
            CardProgress(card.id, state=State.Review, reps=1) if state and state.graduated else None
        )
        return mode_for(card, proxy, self.settings)

    def _pick(self, now: datetime) -> Card | None:
        learning_now, learning_soon, reviews = [], [], []
        for card in self.order:
            state = self.cards.get(card.id)
            if state is None or state.due is None:
                continue
            if state.learning:
                if state.due <= now:
                    learning_now.append((state.due, card))
                elif state.due <= now + LEARN_AHEAD:
                    learning_soon.append((state.due, card))
            elif state.due < self.day_end and self.reviews_today < REVIEWS_PER_DAY:
                reviews.append((state.due, card))
        new = []
        if self.new_today < NEW_PER_DAY:
            new = [(now, c) for c in self.order if c.id not in self.cards][:2]
        for pool in (learning_now, reviews, new, learning_soon):
            for _, card in sorted(pool, key=lambda pair: pair[0]):
                if card.id != self.last:
                    return card
        for pool in (learning_now, reviews, new, learning_soon):
            if pool:
                return pool[0][1]
        return None

    def next(self, now: datetime) -> Shown | None:
        card = self._pick(now)
        self.current = card
        if card is None:
            return None
        self.shown_mode = self._mode(card)
        return Shown(card, self.shown_mode, choice_count(card))

    def predicted(self, card_id: str, now: datetime) -> float | None:
        return None

    def answered(self, outcome: Outcome, now: datetime) -> None:
        card = self.current
        assert card is not None
        state = self.cards.get(card.id)
        if state is None:
            state = self.cards[card.id] = _Card(first=now)
            self.new_today += 1
        elif not state.learning:
            self.reviews_today += 1
        state.seen_day = self.day
        self.schedule(card, state, outcome, now)
        self.last = card.id

    def schedule(self, card: Card, state: _Card, outcome: Outcome, now: datetime) -> None:
        raise NotImplementedError

    def end(self, now: datetime) -> None:
        pass


def _next_day(now: datetime, days: float) -> datetime:
    """``days`` days on, at the start of that day's sitting (sittings are a day apart)."""
    return now + timedelta(days=max(1.0, round(days))) - timedelta(hours=6)


class LeitnerTeacher(DueTeacher):
    name = "Leitner (5 boxes)"
    INTERVALS = (1, 2, 4, 8, 16)

    def schedule(self, card: Card, state: _Card, outcome: Outcome, now: datetime) -> None:
        state.box = min(5, state.box + 1) if outcome.correct else 1
        state.graduated = state.box >= 2
        state.due = _next_day(now, self.INTERVALS[state.box - 1])


class FixedTeacher(DueTeacher):
    name = "fixed intervals"
    DAYS = (1, 3, 7, 14, 30, 60)

    def schedule(self, card: Card, state: _Card, outcome: Outcome, now: datetime) -> None:
        state.graduated = outcome.correct
        assert state.first is not None
        if state.step < len(self.DAYS):
            target = state.first + timedelta(days=self.DAYS[state.step])
            state.due = target - timedelta(hours=6)
            state.step += 1
        else:
            state.due = now + timedelta(days=10_000)


class SM2Teacher(DueTeacher):
    name = "SM-2 (Anki default)"
    STEPS = (1, 10)  # minutes
    RELEARN = 10  # minutes

    def _rating(self, card: Card, state: _Card, outcome: Outcome) -> Rating:
        if outcome.dont_know:
            return Rating.Again
        if self.shown_mode == "flashcard":
            return Rating(outcome.self_grade)
        known = not state.learning and state.interval >= 7
        return grade(outcome.correct, outcome.answer_ms, self.shown_mode, known=known)

    def schedule(self, card: Card, state: _Card, outcome: Outcome, now: datetime) -> None:
        rating = self._rating(card, state, outcome)
        if state.interval == 0 or state.learning:  # new, learning or relearning
            relearning = state.interval > 0
            steps = (self.RELEARN,) if relearning else self.STEPS
            if state.due is None:
                state.learning = True
            if rating == Rating.Again:
                state.step = 0
                state.learning = True
                state.due = now + steps[0] * MINUTE
            elif rating == Rating.Hard:
                delay = (
                    (steps[0] + steps[1]) / 2
                    if state.step == 0 and len(steps) > 1
                    else steps[state.step]
                )
                state.learning = True
                state.due = now + delay * MINUTE
            elif rating == Rating.Good and state.step + 1 < len(steps):
                state.step += 1
                state.learning = True
                state.due = now + steps[state.step] * MINUTE
            else:
                if not relearning:
                    state.interval = 4.0 if rating == Rating.Easy else 1.0
                state.learning, state.graduated, state.step = False, True, 0
                state.due = _next_day(now, state.interval)
            return
        assert state.due is not None
        overdue = max(0.0, (now - state.due).total_seconds() / 86400)
        ivl = state.interval
        if rating == Rating.Again:
            state.ease = max(1.3, state.ease - 0.2)
            state.interval = 1.0
            state.learning, state.graduated, state.step = True, False, 0
            state.due = now + self.RELEARN * MINUTE
            return
        hard = max(ivl + 1, ivl * 1.2)
        good = max(hard + 1, (ivl + overdue / 2) * state.ease)
        easy = max(good + 1, (ivl + overdue) * state.ease * 1.3)
        if rating == Rating.Hard:
            state.interval = hard
            state.ease = max(1.3, state.ease - 0.15)
        elif rating == Rating.Good:
            state.interval = good
        else:
            state.interval = easy
            state.ease += 0.15
        state.due = _next_day(now, state.interval)


class CramTeacher:
    """Everything in the last ``CRAM_DAYS`` sittings before the test."""

    name = "cramming (last 5 days)"
    CRAM_DAYS = 5

    def __init__(self, deck: Deck, settings: Settings, seed: int, days: int) -> None:
        self.settings = settings
        self.order = new_order(deck, settings, seed)
        self.days = days
        self.active = False
        self.rights: dict[str, int] = {}
        self.back: list[tuple[int, str]] = []  # (answer number, card id): missed cards
        self.seen_at: dict[str, int] = {}
        self.count = 0
        self.current: Card | None = None
        self.by_id = {c.id: c for c in self.order}

    def begin(self, now: datetime, day: int) -> None:
        self.active = day >= self.days - self.CRAM_DAYS

    def next(self, now: datetime) -> Shown | None:
        if not self.active:
            return None
        card = None
        for at, card_id in self.back:
            if at <= self.count:
                self.back.remove((at, card_id))
                card = self.by_id[card_id]
                break
        if card is None:
            waiting = {cid for _, cid in self.back}
            candidates = [c for c in self.order if c.id not in waiting]
            if not candidates:
                candidates = self.order
            card = min(
                candidates,
                key=lambda c: (self.rights.get(c.id, 0), self.seen_at.get(c.id, -1)),
            )
        self.current = card
        proxy = (
            CardProgress(card.id, state=State.Review, reps=1) if self.rights.get(card.id) else None
        )
        mode = mode_for(card, proxy, self.settings)
        return Shown(card, mode, choice_count(card))

    def predicted(self, card_id: str, now: datetime) -> float | None:
        return None

    def answered(self, outcome: Outcome, now: datetime) -> None:
        card = self.current
        assert card is not None
        self.count += 1
        self.seen_at[card.id] = self.count
        if outcome.correct:
            self.rights[card.id] = self.rights.get(card.id, 0) + 1
        else:
            self.back.append((self.count + 3, card.id))

    def end(self, now: datetime) -> None:
        self.back.clear()


class OracleTeacher:
    """Sees the student's hidden memory (see the module docstring)."""

    name = "oracle (sees the memory)"

    def __init__(
        self, deck: Deck, settings: Settings, seed: int, student: Student, test: datetime
    ) -> None:
        self.settings = settings
        self.order = new_order(deck, settings, seed)
        self.student = student
        self.test = test
        self.today: set[str] = set()
        self.new_today = 0
        self.right: set[str] = set()
        self.current: Card | None = None

    def begin(self, now: datetime, day: int) -> None:
        self.today, self.new_today = set(), 0

    def _gain(self, card_id: str, now: datetime) -> float:
        """The expected gain of a review now in log stability, by the hidden model."""
        student = self.student
        trace = student.memory[card_id]
        r = student.recall(card_id, now)
        s = trace.stability
        up = growth(student.ease[card_id], s, r)
        down = max(student.seen[card_id], 0.3 * s**0.6)
        return r * math.log1p(up) + (1 - r) * (math.log(down) - math.log(s))

    def next(self, now: datetime) -> Shown | None:
        student = self.student
        horizon = min(now + DAY, self.test)
        due = []
        for card in self.order:
            if card.id in self.today or card.id not in student.memory:
                continue
            trace = student.memory[card.id]
            days = (horizon - trace.last).total_seconds() / 86400
            if KNOWN ** (days / trace.stability) < KNOWN:
                due.append((self._gain(card.id, now), card))
        if due:
            card = max(due, key=lambda pair: pair[0])[1]
        elif self.new_today < NEW_PER_DAY:
            fresh = [c for c in self.order if c.id not in student.memory]
            if not fresh:
                return None
            card = fresh[0]
        else:
            return None
        self.current = card
        proxy = CardProgress(card.id, state=State.Review, reps=1) if card.id in self.right else None
        return Shown(card, mode_for(card, proxy, self.settings), choice_count(card))

    def predicted(self, card_id: str, now: datetime) -> float | None:
        return None

    def answered(self, outcome: Outcome, now: datetime) -> None:
        card = self.current
        assert card is not None
        if card.id not in self.student.memory:
            self.new_today += 1
        self.today.add(card.id)
        if outcome.correct:
            self.right.add(card.id)
        else:
            self.right.discard(card.id)

    def end(self, now: datetime) -> None:
        pass
