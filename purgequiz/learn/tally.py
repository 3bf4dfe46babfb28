"""What the statistics need from the review log, counted in one pass: per study day, the
answers to cards in review and how many were right; per card, its answers and how many were
wrong; per card, each wrong choice picked and how often.

A tally is counted month by month of the log and the months' tallies are added up, so that
a month that no longer changes need not be read again (the store keeps its tally, see
:mod:`purgequiz.store.tallies`). Reviews are read in their stored form (``Review.to_dict()``),
only the fields used here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["COUNTED_FIELDS", "TALLY_VERSION", "ReviewTally", "tally_reviews", "tally_rows"]

TALLY_VERSION = 2  # 2: answers in practice left out of the days' retention
# the fields of a review that :meth:`ReviewTally.count` reads
COUNTED_FIELDS = ("card_id", "day", "correct", "was_review", "mode", "given", "practice")


@dataclass
class ReviewTally:
    """``days``: study day (ISO) → [answers to cards in review, right ones], answers in
    practice left out (they are not asked when the schedule says, so they do not measure the
    schedule's retention);
    ``cards``: card id → [answers, wrong ones]; ``picks``: card id → wrong choice → times."""

    days: dict[str, list[int]] = field(default_factory=dict)
    cards: dict[str, list[int]] = field(default_factory=dict)
    picks: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, review: Mapping[str, Any]) -> None:
        """Count one review (its stored form)."""
        self.count_fields(*(review.get(name) for name in COUNTED_FIELDS))

    def count_fields(
        self,
        card_id: Any,
        day: Any,
        correct: Any,
        was_review: Any,
        mode: Any,
        given: Any,
        practice: Any,
    ) -> None:
        """Count one review given as the values of its :data:`COUNTED_FIELDS`, in order
        (None for a field it does not have)."""
        right = bool(correct)
        card_id = "" if card_id is None else str(card_id)
        if was_review and not practice:
            counts = self.days.setdefault("" if day is None else str(day), [0, 0])
            counts[0] += 1
            counts[1] += right
        card = self.cards.setdefault(card_id, [0, 0])
        card[0] += 1
        card[1] += not right
        if not right and mode == "choice" and isinstance(given, str) and given:
            picked = self.picks.setdefault(card_id, {})
            picked[given] = picked.get(given, 0) + 1

    def add(self, other: ReviewTally) -> None:
        """Add ``other``'s counts to these."""
        for table, more in ((self.days, other.days), (self.cards, other.cards)):
            for key, (first, second) in more.items():
                mine = table.get(key)
                if mine is None:
                    table[key] = [first, second]
                else:
                    mine[0] += first
                    mine[1] += second
        for card_id, picked in other.picks.items():
            mine_picks = self.picks.setdefault(card_id, {})
            for given, times in picked.items():
                mine_picks[given] = mine_picks.get(given, 0) + times

    def to_dict(self) -> dict[str, Any]:
        return {"v": TALLY_VERSION, "days": self.days, "cards": self.cards, "picks": self.picks}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewTally:
        """The tally ``to_dict`` gave; ValueError if ``data`` is not one."""
        if not isinstance(data, Mapping) or data.get("v") != TALLY_VERSION:
            raise ValueError("not a tally of this version")
        days, cards, picks = data.get("days"), data.get("cards"), data.get("picks")
        if not (isinstance(days, dict) and isinstance(cards, dict) and isinstance(picks, dict)):
            raise ValueError("a tally holds days, cards and picks")
        for table in (days, cards):
            for key, pair in table.items():
                if not (isinstance(key, str) and _pair(pair)):
                    raise ValueError("a count is a pair of whole numbers")
        for key, picked in picks.items():
            if not (isinstance(key, str) and isinstance(picked, dict)):
                raise ValueError("the picks of a card are a table")
            for given, times in picked.items():
                if not (isinstance(given, str) and _whole(times)):
                    raise ValueError("a pick is counted with a whole number")
        return cls(days, cards, picks)


def _whole(value: object) -> bool:
    return type(value) is int and value >= 0


def _pair(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_whole(v) for v in value)


def tally_reviews(reviews: Iterable[Mapping[str, Any]]) -> ReviewTally:
    """The tally of ``reviews`` (their stored form)."""
    tally = ReviewTally()
    for review in reviews:
        tally.count(review)
    return tally


def tally_rows(rows: Iterable[Sequence[Any]]) -> ReviewTally:
    """The tally of reviews given as the values of their :data:`COUNTED_FIELDS`, in order."""
    tally = ReviewTally()
    for row in rows:
        tally.count_fields(*row)
    return tally
