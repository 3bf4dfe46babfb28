"""Progress export and import (JSON): for moving machines and for the teacher's class report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from purgequiz.learn.records import DayCounts, Review
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings
from purgequiz.store.profile import Profile, _days_table, _review_table, _shard

__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "ImportReport", "export_profile", "import_into"]

EXPORT_FORMAT = "purgequiz.progress-export"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ImportReport:
    cards: int  # card states taken from the file (newer than ours or new to us)
    reviews: int  # reviews added
    flags: int
    sessions: int


def export_profile(profile: Profile) -> dict[str, Any]:
    """Everything of a profile as one JSON-ready object."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "profile": profile.display_name,
        "exported_at": datetime.now(UTC).isoformat(),
        "settings": profile.settings.to_dict(),
        "cards": [s.to_dict() for _, s in sorted(profile.card_states().items())],
        "reviews": [r.to_dict() for r in profile.reviews()],
        "days": [d.to_dict() for d in profile.days()],
        "sessions": profile.sessions(),
        "flags": profile.flags(),
        "bests": profile.bests(),
    }


def check_export(data: Any, file: str) -> list[str]:
    """Problems with an export file's content, naming the file."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        return [f"{file} is not a purgequiz progress export"]
    if data.get("version") != EXPORT_VERSION:
        return [f"{file} has export version {data.get('version')!r}; this purgequiz reads "
                f"version {EXPORT_VERSION}"]
    problems = []
    for name in ("cards", "reviews", "flags", "sessions"):
        if not isinstance(data.get(name, []), list):
            problems.append(f"{file}: '{name}' must be a list")
    return problems


def import_into(profile: Profile, data: dict[str, Any], *,
                take_settings: bool = False) -> ImportReport:
    """Merge an export into a profile: newer card states win, reviews and flags are added."""
    problems = check_export(data, "the import")
    if problems:
        raise ValueError("; ".join(problems))
    storage = profile.storage
    assert storage is not None
    states = profile.card_states()
    cards = reviews = flags = sessions = 0
    touched_days: set[str] = set()
    with storage.batch():
        if take_settings and isinstance(data.get("settings"), dict):
            settings = Settings.from_dict(data["settings"])
            if not settings.problems():
                profile._put("settings", "settings", settings.to_dict())
                profile._settings = settings
        for doc in data.get("cards", []):
            incoming = CardProgress.from_dict(doc)
            mine = states.get(incoming.card_id)
            newer = mine is None or (incoming.last_review and (
                mine.last_review is None or incoming.last_review > mine.last_review))
            if newer:
                states[incoming.card_id] = incoming
                profile._put(_shard(incoming.card_id), incoming.card_id, incoming.to_dict())
                cards += 1
        for doc in data.get("reviews", []):
            review = Review.from_dict(doc)
            table = _review_table(review)
            if review.id in (storage.table(table) or {}):
                continue
            profile._put(table, review.id, review.to_dict())
            touched_days.add(review.day)
            reviews += 1
        for doc in data.get("flags", []):
            if isinstance(doc, dict) and doc.get("id") and \
                    doc["id"] not in (storage.table("flags") or {}):
                profile._put("flags", doc["id"], doc)
                flags += 1
        for doc in data.get("sessions", []):
            if isinstance(doc, dict) and doc.get("id") and doc.get("started_at"):
                table = f"sessions/{doc['started_at'][:7]}"
                if doc["id"] not in (storage.table(table) or {}):
                    profile._put(table, doc["id"], doc)
                    sessions += 1
        for day in sorted(touched_days):
            counts = DayCounts(day)
            for review in profile.reviews(day):
                counts.add(review)
            profile._days[day] = counts
            profile._put(_days_table(day), day, counts.to_dict())
    return ImportReport(cards, reviews, flags, sessions)
