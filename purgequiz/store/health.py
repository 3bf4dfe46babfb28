"""A profile's health: every progress file read and checked, and repaired on request.

Opening a profile already repairs what it reads, but it reads the review log only when
needed. :func:`check_profile` reads everything without changing anything (a damaged file, a
missing month of the log, daily totals that disagree with the log, states missing for cards
that were answered); :func:`repair_profile` opens the profile, reads every month (each
damaged file is kept aside and rebuilt from what is good) and counts the daily totals again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from purgequiz import paths
from purgequiz.learn.records import DayCounts, Review
from purgequiz.store.directory import find_profile
from purgequiz.store.errors import Disagreement, ProfileNotFound, Recovery
from purgequiz.store.lock import lock_profile
from purgequiz.store.names import check_name
from purgequiz.store.profile import _days_table, _shard, open_profile
from purgequiz.store.storage import COLD_PREFIX, JournalStorage, check_entry, read_file

__all__ = ["Health", "check_profile", "repair_profile"]


@dataclass
class Health:
    """What was found (and, after a repair, done) in one profile."""

    name: str
    folder: Path
    problems: list[Recovery | Disagreement] = field(default_factory=list)
    repaired: list[Recovery | Disagreement] = field(default_factory=list)
    cards: int = 0
    reviews: int = 0
    days: int = 0
    kept_aside: list[Path] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def _folder(name: str) -> tuple[str, Path]:
    """The profile ``name`` stands for (see :func:`find_profile`): its name and folder."""
    found = find_profile(name)
    if found is None or not found.path.is_dir():
        raise ProfileNotFound(check_name(name), paths.profiles_dir())
    return found.name, found.path


def _kept_aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.damaged-*") if p.is_file())


def _log(storage: JournalStorage) -> list[Review]:
    reviews = []
    for name in sorted(n for n in storage.names() if n.startswith(COLD_PREFIX)):
        reviews += [Review.from_dict(doc) for doc in (storage.table(name) or {}).values()]
    return reviews


def _disagreements(storage: JournalStorage, reviews: list[Review]) -> list[Disagreement]:
    """Daily totals that differ from the log, and answered cards without a state."""
    counted: dict[str, DayCounts] = {}
    for review in reviews:
        counted.setdefault(review.day, DayCounts(review.day)).add(review)
    problems: list[Disagreement] = []
    for day, counts in sorted(counted.items()):
        stored = (storage.table(_days_table(day)) or {}).get(day)
        if stored is None or DayCounts.from_dict(stored) != counts:
            problems.append(Disagreement(day=day))
    states = {card for _, table in storage.hot_tables("cards/") for card in table}
    # an answer in practice leaves a card never studied without a state
    missing = sorted({r.card_id for r in reviews if not r.practice} - states)
    if missing:
        problems.append(Disagreement(missing=len(missing), first=missing[0]))
    return problems


def check_profile(name: str) -> Health:
    """Read every file of a profile and report what is wrong; nothing is changed."""
    clean, folder = _folder(name)
    check_entry(folder, folder=True)
    lock = lock_profile(clean, folder)
    try:
        read_file(folder / "profile.json")  # readable, as opening needs it
        storage = JournalStorage(folder, read_only=True)
        storage.load_all()
        reviews = _log(storage)
        health = Health(
            clean,
            folder,
            cards=sum(len(t) for _, t in storage.hot_tables("cards/")),
            reviews=len(reviews),
            days=len({r.day for r in reviews}),
        )
        health.problems += storage.recoveries
        if not storage.snapshot_lost:
            health.problems += _disagreements(storage, reviews)
        health.kept_aside = _kept_aside(folder)
        return health
    finally:
        lock.release()


def repair_profile(name: str) -> Health:
    """Open a profile, read all of it (repairing what is damaged), count the days again."""
    clean, _ = _folder(name)
    with open_profile(clean, create=False) as profile:
        storage = profile.storage
        assert storage is not None
        storage.load_all()
        health = Health(clean, profile.path)
        health.repaired += profile.recovered
        reviews = _log(storage)
        found = _disagreements(storage, reviews)
        states = {card for _, table in storage.hot_tables("cards/") for card in table}
        latest: dict[str, Review] = {}
        for review in sorted(reviews, key=lambda r: r.reviewed_at):
            if not review.practice:  # practice changed no state
                latest[review.card_id] = review
        if found:
            days: dict[str, DayCounts] = {}
            for review in reviews:
                days.setdefault(review.day, DayCounts(review.day)).add(review)
            with storage.batch():
                storage.commit(
                    [
                        {"o": "p", "t": _days_table(day), "k": day, "d": counts.to_dict()}
                        for day, counts in days.items()
                    ]
                )
                storage.commit(
                    [
                        {"o": "p", "t": _shard(card), "k": card, "d": review.after}
                        for card, review in latest.items()
                        if card not in states
                    ]
                )
            health.repaired += found
        storage.compact()
        health.cards = len(states | set(latest))
        health.reviews = len(reviews)
        health.days = len({r.day for r in reviews})
    health.kept_aside = _kept_aside(health.folder)
    return health
