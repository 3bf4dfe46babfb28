"""Figures for the home screen: a deck's state, today's line, the streak of study days.

They are counted from the card ids of a deck and the profile's card states. A profile may
keep its states in their stored form (``CardProgress.to_dict()``) and offer them as
``profile.card_states().stored()``; the figures then read only the fields they need from it,
so that the home screen never builds an object per card (a profile may have thousands).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from purgequiz.learn.queue import day_end, study_day
from purgequiz.learn.scheduler import CardProgress, State

if TYPE_CHECKING:  # the home screen counts from card ids: no need to load the deck model
    from purgequiz.generate.model import Deck

__all__ = ["MASTERED_DAYS", "DeckStats", "Figures", "SyncReport", "Today", "deck_stats",
           "streak", "sync_deck", "today_line"]

MASTERED_DAYS = 21.0  # a card counts as mastered once its stability reaches three weeks


@dataclass(frozen=True)
class DeckStats:
    cards: int
    new: int
    learning: int
    due_today: int
    suspended: int
    mastered: int
    mastery: float


@dataclass(frozen=True)
class Today:
    """``due_today`` counts as the decks' "due today" do (over every card of the profile);
    ``due_now`` is the part of it that is due already."""

    due_now: int
    reviews_done: int
    streak: int
    daily_goal: int
    goal_met: bool
    due_today: int = 0


@dataclass(frozen=True)
class SyncReport:
    kept: int  # cards of the deck with progress
    new: int  # cards of the deck without progress
    gone: tuple[str, ...]  # cards with progress that the deck no longer has (history kept)


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
    """What the figures need of a card state that has been studied (as in CardProgress)."""

    learning: bool
    review: bool
    suspended: bool
    due: datetime | None
    stability: float
    buried_until: datetime | None


_LEARNING = frozenset((int(State.Learning), int(State.Relearning)))
_REVIEW = int(State.Review)
_FIRST_PHASE = int(State.Learning)
_make_seen = tuple.__new__  # _Seen(...) without the generated __new__: thousands are made


def _seen(state: CardProgress | Mapping[str, Any]) -> _Seen | None:
    """None for a new card (never reviewed)."""
    if isinstance(state, CardProgress):
        if state.is_new:
            return None
        return _Seen(state.is_learning, state.is_review, state.suspended, state.due,
                     state.stability or 0.0, state.buried_until)
    get = state.get
    if not get("reps", 0):
        return None
    phase = int(get("state", _FIRST_PHASE))
    due, buried = get("due"), get("buried_until")
    return _make_seen(_Seen, (phase in _LEARNING, phase == _REVIEW, bool(get("suspended")),
                              datetime.fromisoformat(due) if due else None,
                              get("stability") or 0.0,
                              datetime.fromisoformat(buried) if buried else None))


class Figures:
    """The home screen's figures for one profile at one moment: each state is read once."""

    def __init__(self, profile, now: datetime) -> None:
        self.profile = profile
        self.now = now
        settings = profile.settings
        self.end = day_end(now, settings.zone(), settings.day_starts_at)
        states = profile.card_states()
        stored = getattr(states, "stored", None)
        if callable(stored):
            states = stored()
        self.seen: dict[str, _Seen] = {}
        for card_id, state in states.items():
            seen = _seen(state)
            if seen is not None:
                self.seen[card_id] = seen

    def _due_today(self, state: _Seen) -> bool:
        """Due before the study day ends, and not suspended or buried for the rest of it."""
        return bool(not state.suspended and state.due and state.due < self.end
                    and not (state.buried_until is not None and state.buried_until >= self.end))

    def deck(self, deck: Deck | Iterable[str]) -> DeckStats:
        cards = getattr(deck, "cards", None)  # a Deck, or its cards' ids
        ids = [card.id for card in cards] if cards is not None else list(deck)
        seen, due_today = self.seen, self._due_today
        learning = due = suspended = mastered = studied = 0
        for card_id in ids:
            state = seen.get(card_id)
            if state is None:
                continue
            studied += 1
            if state.suspended:
                suspended += 1
                continue
            learning += state.learning
            due += due_today(state)
            mastered += state.review and state.stability >= MASTERED_DAYS
        total = len(ids)
        return DeckStats(total, total - studied, learning, due, suspended, mastered,
                         mastered / total if total else 0.0)

    def today(self) -> Today:
        now, settings = self.now, self.profile.settings
        today = study_day(now, settings.zone(), settings.day_starts_at)
        due_now = sum(1 for s in self.seen.values()
                      if not s.suspended and s.due and s.due <= now
                      and not (s.buried_until is not None and s.buried_until > now))
        due_today = sum(1 for s in self.seen.values() if self._due_today(s))
        done = self.profile.day_counts(today.isoformat()).reviews
        return Today(due_now, done, streak(self.profile.study_days(), today),
                     settings.daily_goal, done >= settings.daily_goal, due_today)


def deck_stats(deck: Deck | Iterable[str], profile, now: datetime) -> DeckStats:
    """A deck's figures (``deck`` may also be given as its cards' ids)."""
    return Figures(profile, now).deck(deck)


def today_line(profile, now: datetime) -> Today:
    return Figures(profile, now).today()


def sync_deck(deck: Deck, profile) -> SyncReport:
    """How a (re)generated deck meets the profile: progress follows card ids, nothing is lost."""
    states = profile.card_states()
    ids = {card.id for card in deck.cards}
    kept = sum(1 for cid in ids if cid in states and not states[cid].is_new)
    gone = tuple(sorted(cid for cid, s in states.items() if cid not in ids and not s.is_new))
    return SyncReport(kept, len(ids) - kept, gone)
