"""Figures for the home screen: a deck's state, today's line, the streak of study days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from purgequiz.generate.model import Deck
from purgequiz.learn.queue import day_end, study_day

__all__ = ["MASTERED_DAYS", "DeckStats", "SyncReport", "Today", "deck_stats", "streak",
           "sync_deck", "today_line"]

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
    due_now: int
    reviews_done: int
    streak: int
    daily_goal: int
    goal_met: bool


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


def deck_stats(deck: Deck, profile, now: datetime) -> DeckStats:
    settings = profile.settings
    end = day_end(now, settings.zone(), settings.day_starts_at)
    states = profile.card_states()
    new = learning = due = suspended = mastered = 0
    for card in deck.cards:
        state = states.get(card.id)
        if state is None or state.is_new:
            new += 1
            continue
        if state.suspended:
            suspended += 1
            continue
        learning += state.is_learning
        due += bool(state.due and state.due < end)
        mastered += state.is_review and (state.stability or 0) >= MASTERED_DAYS
    total = len(deck.cards)
    return DeckStats(total, new, learning, due, suspended, mastered,
                     mastered / total if total else 0.0)


def today_line(profile, now: datetime) -> Today:
    settings = profile.settings
    today = study_day(now, settings.zone(), settings.day_starts_at)
    due_now = sum(1 for s in profile.card_states().values()
                  if not s.is_new and not s.suspended and s.due and s.due <= now
                  and not s.buried(now))
    done = profile.day_counts(today.isoformat()).reviews
    return Today(due_now, done, streak(profile.study_days(), today), settings.daily_goal,
                 done >= settings.daily_goal)


def sync_deck(deck: Deck, profile) -> SyncReport:
    """How a (re)generated deck meets the profile: progress follows card ids, nothing is lost."""
    states = profile.card_states()
    ids = {card.id for card in deck.cards}
    kept = sum(1 for cid in ids if cid in states and not states[cid].is_new)
    gone = tuple(sorted(cid for cid, s in states.items() if cid not in ids and not s.is_new))
    return SyncReport(kept, len(ids) - kept, gone)
