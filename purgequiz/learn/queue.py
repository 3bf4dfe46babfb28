"""The session queue: which card comes next, today's limits, and the study day.

* The study day begins at ``day_starts_at`` o'clock local time in the profile's zone (default
  04:00), computed with ``zoneinfo`` so it stays at that wall-clock hour across DST changes
  (such days last 23 or 25 hours).
* Order: learning cards that are due, earliest first; then review cards due before the end of
  the study day, earliest first, up to ``reviews_per_day``; then new cards, up to
  ``new_per_day``. When nothing else is left, a learning card due within 20 minutes is shown
  early. A new card given a due date was asked for (the missed cards of an exam, see
  :func:`purgequiz.learn.practice.due_now`): from that date it comes first among the new
  cards, even past the day's limit (it counts in the day's new cards once answered).
* New cards come in the profile's own order for the deck (:mod:`purgequiz.learn.order`),
  fixed by the profile's seed: kinds, question families and topics are mixed, and related cards
  (siblings, look-alike figures, a card and one that gives its answer away) are kept apart. The
  order is the same at every start, whatever has been studied, so today's counts keep their
  meaning.
* Suspended cards and cards buried until later are left out; once a card is answered, buried
  or suspended, its siblings and the new cards that it gives away or that give it away
  (:mod:`purgequiz.learn.reveals`) wait until the end of the study day (the session buries
  them). A card that combines several facts (an ordering, a matching) is a sibling only of
  cards of the very same facts, else most ordering cards would wait every day.
* Never back to back: the card just shown, nor a card confusable with it (either card lists
  the other in ``confusable``). The same card may return at once only when nothing else is
  left; a confusable card waits for another card to come between.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from purgequiz.decks.model import Card
from purgequiz.learn.days import day_end, study_day
from purgequiz.learn.order import look_alikes, new_card_order
from purgequiz.learn.reveals import reveal_pairs
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings

__all__ = ["LEARN_AHEAD", "Counts", "StudyQueue"]

LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True)
class Counts:
    new: int
    learning: int
    review: int


def confusable_pairs(cards: Iterable[Card]) -> dict[str, set[str]]:
    pairs: dict[str, set[str]] = {}
    for card in cards:
        for other in card.confusable:
            pairs.setdefault(card.id, set()).add(other)
            pairs.setdefault(other, set()).add(card.id)
    return pairs


def sibling_map(cards: Iterable[Card]) -> dict[str, set[str]]:
    """The siblings that wait for the next day once a card is answered, as the deck lists
    them, but for a card that combines several facts (an ordering, a matching): it shares one
    of them with many cards, and burying along those links kept most ordering cards away
    every day, so it is a sibling only of cards of the very same facts."""
    cards = list(cards)
    facts = {card.id: frozenset(card.fact_ids) for card in cards}
    pairs: dict[str, set[str]] = {}
    for card in cards:
        for other in card.siblings:
            if other == card.id:
                continue
            mine, theirs = facts[card.id], facts.get(other, frozenset())
            if mine != theirs and (len(mine) > 1 or len(theirs) > 1):
                continue
            pairs.setdefault(card.id, set()).add(other)
            pairs.setdefault(other, set()).add(card.id)
    return pairs


def _merged(*relations: Mapping[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for relation in relations:
        for card_id, others in relation.items():
            out.setdefault(card_id, set()).update(others)
    return out


class StudyQueue:
    """Chooses the next card from the deck and the profile's progress; pure and clock-driven.

    ``seed`` (the profile's) fixes the order of new cards.
    """

    def __init__(self, cards: Iterable[Card], settings: Settings, *, seed: int) -> None:
        deck = list(cards)
        self.order = {card.id: index for index, card in enumerate(deck)}
        self.settings = settings
        self.zone = settings.zone()
        self.confusable = confusable_pairs(deck)
        self.siblings = sibling_map(deck)
        self.reveals = reveal_pairs(deck)
        # what waits for the next day: reveals between cards of one fact each (an ordering
        # card reveals, or is revealed by, many cards; burying along those links kept about
        # half the ordering cards away after a dozen answers)
        several = {card.id for card in deck if len(card.fact_ids) > 1}
        self.reveals_buried = {
            card_id: others - several
            for card_id, others in self.reveals.items()
            if card_id not in several
        }
        alike = look_alikes(deck)
        kin = _merged(self.siblings, self.confusable, self.reveals, alike)
        by_id = {card.id: card for card in deck}
        # kept in the order new cards come in: the new pool is then read off in order
        self.cards = [by_id[card_id] for card_id in new_card_order(deck, seed, kin, alike)]

    def day(self, now: datetime) -> date:
        return study_day(now, self.zone, self.settings.day_starts_at)

    def day_end(self, now: datetime) -> datetime:
        return day_end(now, self.zone, self.settings.day_starts_at)

    def _active(
        self, progress: Mapping[str, CardProgress], now: datetime
    ) -> Iterator[tuple[Card, CardProgress | None]]:
        for card in self.cards:
            state = progress.get(card.id)
            if state is not None and (state.suspended or state.buried(now)):
                continue
            yield card, state

    def pools(
        self, progress: Mapping[str, CardProgress], now: datetime, new_done: int, reviews_done: int
    ) -> tuple[list[str], list[str], list[str], list[str]]:
        """(learning due now, learning due later today, reviews due today, new) card ids."""
        end = self.day_end(now)
        learning_now: list[str] = []
        learning_later: list[str] = []
        reviews: list[str] = []
        new: list[str] = []
        asked: list[str] = []  # new cards asked for today (an exam's missed cards)
        for card, state in self._active(progress, now):
            if state is None or state.is_new:
                if state is not None and state.due is not None and state.due < end:
                    asked.append(card.id)
                else:
                    new.append(card.id)
            elif state.is_learning:
                due = state.due or now
                (learning_now if due <= now else learning_later).append(card.id)
            elif (state.due or now) < end:
                reviews.append(card.id)
        due_of = {cid: progress[cid].due or now for cid in learning_now + learning_later + reviews}
        learning_now.sort(key=lambda cid: (due_of[cid], self.order[cid]))
        learning_later.sort(key=lambda cid: (due_of[cid], self.order[cid]))
        reviews.sort(key=lambda cid: (due_of[cid], self.order[cid]))
        reviews = reviews[: max(0, self.settings.reviews_per_day - reviews_done)]
        new = asked + new[: max(0, self.settings.new_per_day - new_done)]
        return learning_now, [c for c in learning_later if due_of[c] < end], reviews, new

    def counts(
        self, progress: Mapping[str, CardProgress], now: datetime, new_done: int, reviews_done: int
    ) -> Counts:
        learning_now, learning_later, reviews, new = self.pools(
            progress, now, new_done, reviews_done
        )
        return Counts(len(new), len(learning_now) + len(learning_later), len(reviews))

    def upcoming(
        self,
        progress: Mapping[str, CardProgress],
        now: datetime,
        new_done: int,
        reviews_done: int,
        count: int,
    ) -> list[str]:
        """The ids of the first ``count`` cards due now, in the order :meth:`next` takes them
        (learning, reviews, new, then learning cards due within ``LEARN_AHEAD``)."""
        learning_now, learning_later, reviews, new = self.pools(
            progress, now, new_done, reviews_done
        )
        ahead = [c for c in learning_later if (progress[c].due or now) <= now + LEARN_AHEAD]
        return (learning_now + reviews + new + ahead)[:count]

    def within(self, card_ids: Iterable[str]) -> StudyQueue:
        """This queue kept to ``card_ids``; siblings and confusables stay those of the whole
        deck, so a card answered still sends its siblings outside the set to tomorrow."""
        keep = set(card_ids)
        narrowed = copy.copy(self)
        narrowed.cards = [card for card in self.cards if card.id in keep]
        return narrowed

    def new_held_back(
        self, progress: Mapping[str, CardProgress], now: datetime, new_done: int
    ) -> int:
        """How many new cards today's limit of new cards keeps back (after ``new_done``)."""
        end = self.day_end(now)
        new = sum(
            1
            for _, state in self._active(progress, now)
            if state is None or (state.is_new and (state.due is None or state.due >= end))
        )
        return max(0, new - max(0, self.settings.new_per_day - new_done))

    def next(
        self,
        progress: Mapping[str, CardProgress],
        now: datetime,
        new_done: int,
        reviews_done: int,
        last: str | None = None,
    ) -> str | None:
        """The id of the card to show next, or None when nothing is left for now."""
        learning_now, learning_later, reviews, new = self.pools(
            progress, now, new_done, reviews_done
        )
        blocked = self.confusable.get(last, set()) if last else set()
        ahead = [c for c in learning_later if (progress[c].due or now) <= now + LEARN_AHEAD]
        for pool in (learning_now, reviews, new, ahead):
            for card_id in pool:
                if card_id != last and card_id not in blocked:
                    return card_id
        if last is not None and last in learning_now + reviews + new + ahead:
            others = [c for c in learning_now + reviews + new + ahead if c != last]
            if not others:
                return last
        return None

    def next_due(self, progress: Mapping[str, CardProgress], now: datetime) -> datetime | None:
        """When the earliest learning card of today comes back (for "next card in 3m")."""
        _, later, _, _ = self.pools(progress, now, 0, 0)
        return min((due for c in later if (due := progress[c].due)), default=None)
