"""Records the session hands to the progress store: reviews, daily counts, flags, sessions.

They are msgspec structs rather than dataclasses: the app makes these classes as it starts,
and a struct class is made in microseconds where a dataclass takes Python a fraction of a
millisecond (docs/app.md, "Start-up"). ``msgspec.structs.replace`` copies one with changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from msgspec import Struct, field
from msgspec.structs import asdict

from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.settings import Settings

__all__ = ["RECORD_VERSION", "DayCounts", "Flag", "ProgressStore", "Review", "SessionRecord"]

RECORD_VERSION = 1


class Review(Struct, frozen=True):
    """One answer, as logged: what was shown and answered, the rating, the time taken."""

    id: str
    card_id: str
    day: str  # the study day, ISO date
    reviewed_at: str  # ISO-8601 UTC
    mode: str
    rating: int
    correct: bool
    near_miss: bool
    given: str
    elapsed_ms: int
    was_new: bool
    was_review: bool
    after: dict[str, Any]  # CardProgress.to_dict() after the answer (rebuilds a lost snapshot)
    # An answer in practice (cram, exam, chronology, match, challenge): it leaves the card's
    # schedule as it was (``after`` is the state as it stood) and the day's limits too.
    practice: bool = False
    # "I don't know" pressed instead of an answer: graded Again, ``given`` is "".
    dont_know: bool = False

    def to_dict(self) -> dict[str, Any]:
        # Written out field by field: the two marks are written only when set (absent means
        # false), so a review of study keeps its shape.
        doc = {
            "v": RECORD_VERSION,
            "id": self.id,
            "card_id": self.card_id,
            "day": self.day,
            "reviewed_at": self.reviewed_at,
            "mode": self.mode,
            "rating": self.rating,
            "correct": self.correct,
            "near_miss": self.near_miss,
            "given": self.given,
            "elapsed_ms": self.elapsed_ms,
            "was_new": self.was_new,
            "was_review": self.was_review,
            "after": dict(self.after),
        }
        if self.practice:
            doc["practice"] = True
        if self.dont_know:
            doc["dont_know"] = True
        return doc

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Review:
        names = cls.__struct_fields__
        return cls(**{k: v for k, v in data.items() if k in names})


class DayCounts(Struct):
    """One study day's running totals (kept so statistics never read the whole log).

    Every answer counts in ``reviews``, ``correct`` and ``time_ms``; an answer in practice
    also counts in ``practice``, and never in ``new`` or ``review_cards``, which are what the
    day's limits are measured by.
    """

    day: str
    reviews: int = 0
    correct: int = 0
    new: int = 0
    review_cards: int = 0  # answers to cards that were in review (count against the limit)
    time_ms: int = 0
    practice: int = 0  # answers in practice, which leave the schedule as it was

    def add(self, review: Review, sign: int = 1) -> None:
        self.reviews += sign
        self.correct += sign * review.correct
        self.time_ms += sign * review.elapsed_ms
        if review.practice:
            self.practice += sign
        else:
            self.new += sign * review.was_new
            self.review_cards += sign * review.was_review

    def to_dict(self) -> dict[str, Any]:
        doc = {
            "v": RECORD_VERSION,
            "day": self.day,
            "reviews": self.reviews,
            "correct": self.correct,
            "new": self.new,
            "review_cards": self.review_cards,
            "time_ms": self.time_ms,
        }
        if self.practice:  # written only when there was practice: a day of study keeps its shape
            doc["practice"] = self.practice
        return doc

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DayCounts:
        names = cls.__struct_fields__
        return cls(**{k: v for k, v in data.items() if k in names})


class Flag(Struct, frozen=True):
    """A card marked wrong by the learner, with a note for the teacher."""

    id: str
    card_id: str
    deck_id: str
    note: str
    created_at: str
    prompt: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"v": RECORD_VERSION, **asdict(self)}


class SessionRecord(Struct):
    """One sitting. ``practice`` names the practice mode ("cram", "exam", "chronology",
    "match", "challenge"; "" for study) and ``score`` its score (the points of a challenge,
    the questions right in an exam, …; None for study)."""

    id: str
    deck_id: str
    started_at: str
    ended_at: str
    reviewed: int = 0
    correct: int = 0
    time_ms: int = 0
    card_ids: list[str] = field(default_factory=list)
    practice: str = ""
    score: int | None = None

    def to_dict(self) -> dict[str, Any]:
        doc = {"v": RECORD_VERSION, **asdict(self), "card_ids": list(self.card_ids)}
        if not self.practice:  # a session of study keeps the shape it always had
            del doc["practice"], doc["score"]
        return doc


class ProgressStore(Protocol):
    """What a study session needs from a profile (``purgequiz.store.profile.Profile`` provides
    it)."""

    @property
    def settings(self) -> Settings: ...

    @property
    def order_seed(self) -> int:
        """Fixes the order of new cards: the same for the profile at every start, and
        different from one profile to another."""
        ...

    def card_states(self) -> Mapping[str, CardProgress]: ...

    def day_counts(self, day: str) -> DayCounts: ...

    def study_days(self) -> list[str]: ...

    def record_answer(self, review: Review, states: list[CardProgress]) -> None: ...

    def undo_answer(self, review: Review, states: list[CardProgress]) -> None: ...

    def replace_answer(self, old: Review, new: Review, states: list[CardProgress]) -> None: ...

    def save_states(self, states: list[CardProgress]) -> None: ...

    def add_flag(self, flag: Flag) -> None: ...

    def save_session(self, record: SessionRecord) -> None: ...
