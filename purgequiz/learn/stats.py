"""Figures for the home screen: a deck's state, today's line, the streak of study days.

They are counted from the card ids of a deck and the profile's card states. A profile may
keep its states in their stored form (``CardProgress.to_dict()``) and offer them as
``profile.card_states().stored()``; the figures then read only the fields they need from it,
so that the home screen never builds an object per card (a profile may have thousands).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

from msgspec import Struct

from purgequiz.learn.days import day_end, study_day
from purgequiz.learn.records import ProgressStore
from purgequiz.learn.scheduler import CardProgress, State

if TYPE_CHECKING:  # the home screen counts from card ids: no need to load the deck model
    from purgequiz.decks.model import Deck

__all__ = [
    "MASTERED_DAYS",
    "DeckStats",
    "Figures",
    "StoredStates",
    "Today",
    "deck_stats",
    "streak",
]

MASTERED_DAYS = 21.0  # a card counts as mastered once its stability reaches three weeks


class DeckStats(Struct, frozen=True):
    cards: int
    new: int
    learning: int
    due_today: int
    suspended: int
    mastered: int
    mastery: float


class Today(Struct, frozen=True):
    """``due_today`` counts as the decks' "due today" do (over every card of the profile);
    ``due_now`` is the part of it that is due already."""

    due_now: int
    reviews_done: int
    streak: int
    daily_goal: int
    goal_met: bool
    due_today: int = 0
    new_left: int = 0  # new cards the daily limit still lets in today


def streak(days: Iterable[str], today: date) -> int:
    """Study days in a row ending today (or yesterday, when today has no reviews yet)."""
    studied = set(days)
    day = today if today.isoformat() in studied else today - timedelta(days=1)
    count = 0
    while day.isoformat() in studied:
        count += 1
        day -= timedelta(days=1)
    return count


class _Seen(NamedTuple):
    """What the figures need of a card that has been studied (or, still new, was asked for
    today: an exam's missed cards), worked out once for their moment."""

    learning: bool
    suspended: bool
    due_today: bool  # due before the study day ends, and not buried for the rest of it
    due_now: bool  # due already, and not buried now
    mastered: bool
    new: bool = False  # never studied, but given a due date (asked for): counted as new


_LEARNING = frozenset((int(State.Learning), int(State.Relearning)))
_REVIEW = int(State.Review)
_FIRST_PHASE = int(State.Learning)
_make_seen = tuple.__new__  # _Seen(...) without the generated __new__: thousands are made


@runtime_checkable
class StoredStates(Protocol):
    """Card states that can also be read in their stored form (the store's give that)."""

    def stored(self) -> Mapping[str, Mapping[str, Any]]: ...


def _seen(state: CardProgress | Mapping[str, Any], now: datetime, end: datetime) -> _Seen | None:
    """None for a new card (never reviewed) not asked for; ``end`` is when the study day
    ends."""
    new = False
    if isinstance(state, CardProgress):
        if state.is_new and state.due is None:
            return None
        new = state.is_new
        learning, review, suspended = state.is_learning, state.is_review, state.suspended
        due, buried, stability = state.due, state.buried_until, state.stability or 0.0
    else:
        get = state.get
        if not get("reps", 0):
            if get("due") is None:
                return None
            new = True
        phase = int(get("state", _FIRST_PHASE))
        learning, review, suspended = phase in _LEARNING, phase == _REVIEW, bool(get("suspended"))
        due, buried = get("due"), get("buried_until")
        due = datetime.fromisoformat(due) if due else None
        buried = datetime.fromisoformat(buried) if buried else None
        stability = get("stability") or 0.0
    due_today = due_now = False
    if not suspended and due is not None:
        due_today = due < end and (buried is None or buried < end)
        due_now = due <= now and (buried is None or buried <= now)
    if new:  # asked for while still new: due, and nothing else
        return _make_seen(_Seen, (False, suspended, due_today, due_now, False, True))
    return _make_seen(
        _Seen,
        (learning, suspended, due_today, due_now, review and stability >= MASTERED_DAYS, False),
    )


class Figures:
    """The home screen's figures for one profile at one moment: each state is read once.

    "Due today" means the same for a deck and for today's line: due before the study day ends,
    leaving out suspended cards and cards buried for the rest of the day.
    """

    def __init__(self, profile: ProgressStore, now: datetime) -> None:
        self.profile = profile
        self.now = now
        settings = profile.settings
        self.end = end = day_end(now, settings.zone(), settings.day_starts_at)
        states: Mapping[str, CardProgress | Mapping[str, Any]] = profile.card_states()
        if isinstance(states, StoredStates):  # the stored form: quicker than making records
            states = states.stored()
        self.seen: dict[str, _Seen] = {}
        for card_id, state in states.items():
            seen = _seen(state, now, end)
            if seen is not None:
                self.seen[card_id] = seen

    def deck(self, deck: Deck | Iterable[str]) -> DeckStats:
        # a Deck, or its cards' ids
        ids = list(deck) if isinstance(deck, Iterable) else [card.id for card in deck.cards]
        seen = self.seen
        learning = due = suspended = mastered = studied = 0
        for card_id in ids:
            state = seen.get(card_id)
            if state is None:
                continue
            if state.new:  # a new card asked for today: new, and due
                due += state.due_today
                continue
            studied += 1
            if state.suspended:
                suspended += 1
                continue
            learning += state.learning
            due += state.due_today
            mastered += state.mastered
        total = len(ids)
        return DeckStats(
            total,
            total - studied,
            learning,
            due,
            suspended,
            mastered,
            mastered / total if total else 0.0,
        )

    def today(self) -> Today:
        now, settings = self.now, self.profile.settings
        today = study_day(now, settings.zone(), settings.day_starts_at)
        seen = self.seen.values()
        due_now = sum(state.due_now for state in seen)
        due_today = sum(state.due_today for state in seen)
        counts = self.profile.day_counts(today.isoformat())
        done = counts.reviews
        return Today(
            due_now,
            done,
            streak(self.profile.study_days(), today),
            settings.daily_goal,
            done >= settings.daily_goal,
            due_today,
            max(0, settings.new_per_day - counts.new),
        )


def deck_stats(deck: Deck | Iterable[str], profile: ProgressStore, now: datetime) -> DeckStats:
    """A deck's figures (``deck`` may also be given as its cards' ids)."""
    return Figures(profile, now).deck(deck)
