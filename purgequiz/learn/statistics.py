"""A profile's statistics, as data: what the statistics screen draws and `purgequiz stats`
prints, computed once, here, from what the store keeps (pure: the moment is passed in).

They are counted from the daily totals (reviews per day, the calendar, time studied), the
card states (the due forecast, counts by state, mastery per topic) and the review log's tally
(:mod:`purgequiz.learn.tally`: true retention per week, the cards most often missed and the
wrong choices most often picked). Days are study days (see :mod:`purgequiz.learn.days`): a
late evening, before the hour the study day starts, still counts as the day before.

* **True retention** of a week: the share of the answers to cards that were in review (learnt
  already, and due again) that were right. Answers to new cards and to cards still being
  learnt are left out: those are expected to be missed now and then.
* **Mastered**: a card in review whose stability (the number of days after which it would
  still be remembered nine times in ten) has reached :data:`MASTERED_DAYS`, and that is not
  suspended; as the home screen counts it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from purgequiz.decks.cardindex import CardIndex
from purgequiz.learn.days import study_day
from purgequiz.learn.records import DayCounts
from purgequiz.learn.stats import MASTERED_DAYS, streak
from purgequiz.learn.tally import ReviewTally

__all__ = [
    "FORECAST_DAYS",
    "HISTORY_DAYS",
    "MASTERED_DAYS",
    "RETENTION_WEEKS",
    "SPANS",
    "STATISTICS_FORMAT",
    "TOP",
    "CardCounts",
    "Day",
    "Due",
    "Missed",
    "Statistics",
    "TimeSpent",
    "TopicMastery",
    "Week",
    "WrongChoice",
    "compute",
    "share_words",
    "time_words",
]

STATISTICS_FORMAT = "purgequiz.statistics"
STATISTICS_VERSION = 1
SPANS = (30, 90, 365)  # the spans of reviews per day, in days
HISTORY_DAYS = SPANS[-1]
FORECAST_DAYS = 30
RETENTION_WEEKS = 52
TOP = 10  # cards most often missed, wrong choices most often picked

_LEARNING, _REVIEW, _RELEARNING = 1, 2, 3  # fsrs's states, as stored


@dataclass(frozen=True)
class Day:
    """One study day's answers (all of them, new cards included), right ones and time."""

    day: date
    reviews: int
    correct: int
    time_ms: int


@dataclass(frozen=True)
class Due:
    """How many cards fall due on one study day (the first day: today, and overdue)."""

    day: date
    cards: int


@dataclass(frozen=True)
class Week:
    """Answers to cards in review in one week (Monday to Sunday, by study day)."""

    start: date
    answers: int
    right: int

    @property
    def share(self) -> float | None:
        return self.right / self.answers if self.answers else None


@dataclass(frozen=True)
class TopicMastery:
    topic: str  # its id
    title: str
    cards: int
    mastered: int


@dataclass(frozen=True)
class CardCounts:
    """Every card of the listed decks and every card the profile holds progress for.

    ``new``, ``learning``, ``review`` and ``relearning`` add up to ``total``; ``suspended``,
    ``buried`` (for the rest of a study day) and ``leech`` are marks some of them carry."""

    total: int
    new: int
    learning: int
    review: int
    relearning: int
    suspended: int
    buried: int
    leech: int
    mastered: int


@dataclass(frozen=True)
class TimeSpent:
    answers: int
    time_ms: int


@dataclass(frozen=True)
class Missed:
    """A card answered wrongly ``wrong`` times out of ``answers``."""

    card_id: str
    prompt: str  # "" for a card no listed deck holds now
    answers: int
    wrong: int


@dataclass(frozen=True)
class WrongChoice:
    """A wrong choice picked ``times`` times on a multiple-choice card."""

    card_id: str
    prompt: str
    answer: str  # the right one
    given: str
    times: int


@dataclass(frozen=True)
class Statistics:
    now: datetime
    today: date
    answers: int  # every answer ever given
    streak: int  # study days in a row up to today (or yesterday)
    days: tuple[Day, ...]  # the last HISTORY_DAYS study days, today last
    forecast: tuple[Due, ...]  # FORECAST_DAYS study days from today
    retention: tuple[Week, ...]  # from the first week with an answer to a card in review
    topics: tuple[TopicMastery, ...]
    cards: CardCounts
    time_today: TimeSpent
    time_week: TimeSpent  # today and the six days before
    time_all: TimeSpent
    missed: tuple[Missed, ...]
    wrong_choices: tuple[WrongChoice, ...]

    @property
    def empty(self) -> bool:
        """Nothing answered yet: there is nothing to draw."""
        return self.answers == 0

    def span(self, days: int) -> tuple[Day, ...]:
        """The last ``days`` study days, today last."""
        return self.days[-days:]

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form (docs/learning.md lists its keys)."""
        return {
            "format": STATISTICS_FORMAT,
            "version": STATISTICS_VERSION,
            "now": self.now.isoformat(),
            "today": self.today.isoformat(),
            "answers": self.answers,
            "streak": self.streak,
            "days": [
                {"day": d.day.isoformat(), "reviews": d.reviews, "correct": d.correct}
                for d in self.days
            ],
            "spans": [
                {
                    "days": span,
                    "reviews": sum(d.reviews for d in self.span(span)),
                    "days_studied": sum(1 for d in self.span(span) if d.reviews),
                }
                for span in SPANS
            ],
            "forecast": [{"day": d.day.isoformat(), "cards": d.cards} for d in self.forecast],
            "retention": [
                {
                    "week": w.start.isoformat(),
                    "answers": w.answers,
                    "right": w.right,
                    "share": w.share,
                }
                for w in self.retention
            ],
            "topics": [
                {"topic": t.topic, "title": t.title, "cards": t.cards, "mastered": t.mastered}
                for t in self.topics
            ],
            "cards": vars(self.cards).copy(),
            "time": {
                name: {"answers": spent.answers, "time_ms": spent.time_ms}
                for name, spent in (
                    ("today", self.time_today),
                    ("last_7_days", self.time_week),
                    ("all", self.time_all),
                )
            },
            "missed": [vars(m).copy() for m in self.missed],
            "wrong_choices": [vars(w).copy() for w in self.wrong_choices],
        }


def _when(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _card_counts(
    states: Mapping[str, Mapping[str, Any]], listed: Iterable[str], now: datetime
) -> CardCounts:
    ids = set(listed) | set(states)
    new = learning = review = relearning = suspended = buried = leech = mastered = 0
    for card_id in ids:
        state = states.get(card_id)
        if state is None:
            new += 1
            continue
        get = state.get
        held = bool(get("suspended"))
        suspended += held
        leech += bool(get("leech"))
        until = _when(get("buried_until"))
        buried += until is not None and until > now
        if not get("reps", 0):
            new += 1
            continue
        phase = int(get("state", _LEARNING))
        learning += phase == _LEARNING
        review += phase == _REVIEW
        relearning += phase == _RELEARNING
        mastered += phase == _REVIEW and not held and (get("stability") or 0.0) >= MASTERED_DAYS
    return CardCounts(
        len(ids), new, learning, review, relearning, suspended, buried, leech, mastered
    )


def _is_mastered(state: Mapping[str, Any] | None) -> bool:
    if state is None or not state.get("reps") or state.get("suspended"):
        return False
    return (
        int(state.get("state", _LEARNING)) == _REVIEW
        and (state.get("stability") or 0.0) >= MASTERED_DAYS
    )


def _topics(states: Mapping[str, Mapping[str, Any]], index: CardIndex) -> tuple[TopicMastery, ...]:
    cards: dict[str, int] = {}
    mastered: dict[str, int] = {}
    for card_id, card in index.cards.items():
        known = _is_mastered(states.get(card_id))
        for topic in dict.fromkeys(card.topics):
            cards[topic] = cards.get(topic, 0) + 1
            mastered[topic] = mastered.get(topic, 0) + known
    rows = [TopicMastery(t, index.title(t), cards[t], mastered[t]) for t in cards]
    return tuple(sorted(rows, key=lambda row: (row.title.casefold(), row.topic)))


def _forecast(
    states: Mapping[str, Mapping[str, Any]], today: date, zone: ZoneInfo, hour: int
) -> tuple[Due, ...]:
    counts = [0] * FORECAST_DAYS
    for state in states.values():
        if not state.get("reps") or state.get("suspended"):
            continue
        due = _when(state.get("due"))
        if due is None:
            continue
        until = _when(state.get("buried_until"))
        if until is not None and until > due:
            due = until  # not asked before it comes back
        offset = max((study_day(due, zone, hour) - today).days, 0)
        if offset < FORECAST_DAYS:
            counts[offset] += 1
    return tuple(Due(today + timedelta(days=i), n) for i, n in enumerate(counts))


def _retention(tally: ReviewTally, today: date) -> tuple[Week, ...]:
    this_week = today - timedelta(days=today.weekday())
    first = this_week - timedelta(weeks=RETENTION_WEEKS - 1)
    answers: dict[date, list[int]] = {}
    for text, (count, right) in tally.days.items():
        try:
            day = date.fromisoformat(text)
        except ValueError:
            continue
        week = day - timedelta(days=day.weekday())
        if count and first <= week <= this_week:
            pair = answers.setdefault(week, [0, 0])
            pair[0] += count
            pair[1] += right
    if not answers:
        return ()
    start = min(answers)
    weeks = (this_week - start).days // 7 + 1
    return tuple(
        Week(start + timedelta(weeks=i), *answers.get(start + timedelta(weeks=i), (0, 0)))
        for i in range(weeks)
    )


def _missed(tally: ReviewTally, index: CardIndex) -> tuple[Missed, ...]:
    """The TOP cards most often answered wrongly (then the larger share wrong first)."""
    top = heapq.nsmallest(
        TOP,
        (
            (-wrong, -wrong / answers, card_id)
            for card_id, (answers, wrong) in tally.cards.items()
            if wrong
        ),
    )
    rows = []
    for _, _, card_id in top:
        answers, wrong = tally.cards[card_id]
        card = index.cards.get(card_id)
        rows.append(Missed(card_id, card.prompt if card else "", answers, wrong))
    return tuple(rows)


def _wrong_choices(tally: ReviewTally, index: CardIndex) -> tuple[WrongChoice, ...]:
    """The TOP wrong choices most often picked."""
    top = heapq.nsmallest(
        TOP,
        (
            (-times, card_id, given)
            for card_id, picked in tally.picks.items()
            for given, times in picked.items()
            if times
        ),
    )
    rows = []
    for times, card_id, given in top:
        card = index.cards.get(card_id)
        rows.append(
            WrongChoice(
                card_id, card.prompt if card else "", card.answer if card else "", given, -times
            )
        )
    return tuple(rows)


def _spent(days: Iterable[DayCounts | Day]) -> TimeSpent:
    answers = time_ms = 0
    for day in days:
        answers += day.reviews
        time_ms += day.time_ms
    return TimeSpent(answers, time_ms)


def compute(
    *,
    days: Iterable[DayCounts],
    states: Mapping[str, Mapping[str, Any]],
    tally: ReviewTally,
    index: CardIndex,
    zone: ZoneInfo,
    day_starts_at: int,
    now: datetime,
) -> Statistics:
    """The statistics at ``now``: ``days`` are the daily totals, ``states`` the card states in
    their stored form (``CardProgress.to_dict()``), ``tally`` the review log's, ``index`` the
    listed cards; ``zone`` and ``day_starts_at`` say when a study day begins."""
    today = study_day(now, zone, day_starts_at)
    totals = {counts.day: counts for counts in days}
    history = []
    for back in range(HISTORY_DAYS - 1, -1, -1):
        day = today - timedelta(days=back)
        counts = totals.get(day.isoformat())
        history.append(
            Day(day, counts.reviews, counts.correct, counts.time_ms)
            if counts
            else Day(day, 0, 0, 0)
        )
    studied = [name for name, counts in totals.items() if counts.reviews > 0]
    return Statistics(
        now=now,
        today=today,
        answers=sum(counts.reviews for counts in totals.values()),
        streak=streak(studied, today),
        days=tuple(history),
        forecast=_forecast(states, today, zone, day_starts_at),
        retention=_retention(tally, today),
        topics=_topics(states, index),
        cards=_card_counts(states, index.cards, now),
        time_today=_spent(history[-1:]),
        time_week=_spent(history[-7:]),
        time_all=_spent(totals.values()),
        missed=_missed(tally, index),
        wrong_choices=_wrong_choices(tally, index),
    )


def time_words(time_ms: int) -> str:
    """A time spent, in words: "under a minute", "12 min", "3 h 05 min"."""
    minutes = time_ms // 60_000
    if minutes < 1:
        return "none" if time_ms <= 0 else "under a minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def share_words(share: float | None) -> str:
    """A share as a whole percentage ("87%"), or "–" for none."""
    return "–" if share is None else f"{round(share * 100)}%"
