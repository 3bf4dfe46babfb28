"""What an import keeps: the rules for merging progress from elsewhere into a profile (pure).

Card states: the one reviewed last wins (a state never reviewed loses to one that was; a card
new to the profile is taken). Reviews, flags and sessions are added unless already there
(the same id), each once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from purgequiz.learn.records import Review
from purgequiz.learn.scheduler import CardProgress

__all__ = ["Merge", "plan_merge"]


@dataclass(frozen=True)
class Merge:
    """The records an import adds or replaces."""

    states: list[CardProgress]
    reviews: list[Review]
    flags: list[dict[str, Any]]
    sessions: list[dict[str, Any]]


def _newer(incoming: CardProgress, current: CardProgress | None) -> bool:
    if current is None:
        return True
    if incoming.last_review is None:
        return False
    return current.last_review is None or incoming.last_review > current.last_review


def plan_merge(
    *,
    mine: Mapping[str, CardProgress],
    states: Iterable[CardProgress],
    reviews: Iterable[Review],
    flags: Iterable[dict[str, Any]],
    sessions: Iterable[dict[str, Any]],
    has_review: Callable[[Review], bool],
    has_flag: Callable[[str], bool],
    has_session: Callable[[dict[str, Any]], bool],
) -> Merge:
    """What of the incoming records to keep, given the profile's card states (``mine``) and
    what it already holds (the ``has_*`` questions)."""
    taken: dict[str, CardProgress] = {}
    for state in states:
        if _newer(state, taken.get(state.card_id) or mine.get(state.card_id)):
            taken[state.card_id] = state
    added: dict[str, Review] = {}
    for review in reviews:
        if review.id not in added and not has_review(review):
            added[review.id] = review
    new_flags = {flag["id"]: flag for flag in flags if not has_flag(flag["id"])}
    new_sessions = {s["id"]: s for s in sessions if not has_session(s)}
    return Merge(
        list(taken.values()),
        list(added.values()),
        list(new_flags.values()),
        list(new_sessions.values()),
    )
