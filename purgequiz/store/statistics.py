"""A profile's statistics (:mod:`purgequiz.learn.statistics`) from what it keeps: its daily
totals and card states (in memory), its review log's tally (store/tallies.py) and the index of
the listed cards (decks/cardindex.py). For the statistics screen and `purgequiz stats` alike.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from purgequiz.decks.cardindex import card_index
from purgequiz.learn.statistics import Statistics, compute

if TYPE_CHECKING:
    from purgequiz.decks.catalog import Catalog
    from purgequiz.store.profile import Profile

__all__ = ["profile_statistics"]


def profile_statistics(
    profile: Profile, now: datetime, catalog: Catalog | None = None
) -> Statistics:
    """``profile``'s statistics at ``now``, over the decks of ``catalog`` (every listed deck
    by default). Reads files: run it on the store's thread."""
    settings = profile.settings
    return compute(
        days=profile.days(),
        states=profile.card_states().stored(),
        tally=profile.review_tally(),
        index=card_index(catalog),
        zone=settings.zone(),
        day_starts_at=settings.day_starts_at,
        now=now,
    )
