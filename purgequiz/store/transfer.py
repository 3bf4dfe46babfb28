"""Progress export and import (JSON): for moving machines and for the teacher's class report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import msgspec

from purgequiz.learn.merge import plan_merge
from purgequiz.learn.records import DayCounts, Review
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings
from purgequiz.store.profile import Profile
from purgequiz.store.schema import (
    Export,
    FlagDoc,
    Invalid,
    SessionDoc,
    check,
    check_settings,
    review_table,
)

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "Exportable",
    "ImportReport",
    "check_export",
    "export_profile",
    "import_into",
]

EXPORT_FORMAT = "purgequiz.progress-export"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ImportReport:
    cards: int  # card states taken from the file (newer than ours or new to us)
    reviews: int  # reviews added
    flags: int
    sessions: int


class Exportable(Protocol):
    """What an export reads of a profile: a :class:`Profile`, or a profile kept in memory
    (:class:`purgequiz.learn.memory.MemoryProfile`, which ``purgequiz demo`` fills)."""

    @property
    def display_name(self) -> str: ...

    @property
    def settings(self) -> Settings: ...

    def card_states(self) -> Mapping[str, CardProgress]: ...

    def reviews(self) -> Iterable[Review]: ...

    def days(self) -> list[DayCounts]: ...

    def sessions(self) -> list[dict[str, Any]]: ...

    def flags(self) -> list[dict[str, Any]]: ...

    def bests(self) -> dict[str, Any]: ...


def _log_order(review: Review) -> tuple[str, str, str]:
    """Where a review comes in the log: its table (study day, ten minutes), then its time."""
    return (
        review_table({"day": review.day, "reviewed_at": review.reviewed_at}),
        review.reviewed_at,
        review.id,
    )


def export_profile(profile: Exportable, *, exported_at: datetime | None = None) -> dict[str, Any]:
    """Everything of a profile as one JSON-ready object, exported now (or ``exported_at``);
    the reviews in the order of the log on disk."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "profile": profile.display_name,
        "exported_at": (exported_at or datetime.now(UTC)).astimezone(UTC).isoformat(),
        "settings": profile.settings.to_dict(),
        "cards": [s.to_dict() for _, s in sorted(profile.card_states().items())],
        "reviews": [r.to_dict() for r in sorted(profile.reviews(), key=_log_order)],
        "days": [d.to_dict() for d in profile.days()],
        "sessions": profile.sessions(),
        "flags": profile.flags(),
        "bests": profile.bests(),
    }


def check_export(data: Any) -> None:
    """Raise :class:`Invalid` (saying where) unless ``data`` is a whole, valid export."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise Invalid("this is not a purgequiz progress export")
    if data.get("version") != EXPORT_VERSION:
        raise Invalid(
            f"this export has version {data.get('version')!r}; this purgequiz "
            f"reads version {EXPORT_VERSION}"
        )
    check(data, Export)
    if data.get("settings") is not None:
        try:
            check_settings(data["settings"])
        except Invalid as error:
            raise Invalid(f"settings: {error}") from None
    kept = {state["card_id"] for state in data.get("cards", [])}
    for number, review in enumerate(data.get("reviews", [])):
        if review["after"]["card_id"] != review["card_id"]:
            raise Invalid(f"reviews[{number}]: the state after it is of another card")
        # a profile keeps a state for every card answered in study (practice changes none)
        if review["card_id"] not in kept and not review.get("practice"):
            raise Invalid(
                f"reviews[{number}]: card {review['card_id']!r} was answered, but the export "
                "holds no state for it"
            )


def _known(doc: dict[str, Any], shape: type[msgspec.Struct]) -> dict[str, Any]:
    """``doc`` with only the fields ``shape`` knows (a file's extra keys are not kept)."""
    return {name: doc[name] for name in ("v", *shape.__struct_fields__) if name in doc}


def import_into(profile: Profile, data: Any, *, take_settings: bool = False) -> ImportReport:
    """Merge an export into a profile: newer card states win, reviews and flags are added.

    The whole file is checked first (:class:`Invalid` says where it is wrong), then written
    in one durable write: an import happens whole or not at all.
    """
    check_export(data)
    plan = plan_merge(
        mine=profile.card_states(),
        states=[CardProgress.from_dict(doc) for doc in data.get("cards", [])],
        reviews=[
            Review.from_dict({**doc, "after": CardProgress.from_dict(doc["after"]).to_dict()})
            for doc in data.get("reviews", [])
        ],
        flags=[_known(doc, FlagDoc) for doc in data.get("flags", [])],
        sessions=[_known(doc, SessionDoc) for doc in data.get("sessions", [])],
        has_review=profile.has_review,
        has_flag=profile.has_flag,
        has_session=profile.has_session,
    )
    settings = None
    if take_settings and data.get("settings") is not None:
        settings = check_settings(data["settings"])
    profile.merge(
        states=plan.states,
        reviews=plan.reviews,
        flags=plan.flags,
        sessions=plan.sessions,
        settings=settings,
    )
    return ImportReport(len(plan.states), len(plan.reviews), len(plan.flags), len(plan.sessions))
