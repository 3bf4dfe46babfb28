"""One schema for each shape the store keeps or exchanges, checked before it is used.

Card states, reviews, daily counts, sessions, flags, bests and settings are checked as
documents; snapshots, journal lines and progress exports as wholes. Checking is done by
``msgspec`` (typed, bounded, timezone-aware dates, and a path to the first bad value), so
import, recovery and the fuzz tests all rely on the same rules. Nothing read from a file may
name a file or a table until it has passed here: table names are matched by pattern, days are
real dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from types import GenericAlias
from typing import Annotated, Any, Literal, TypeVar

import msgspec
from msgspec import Meta, Struct

from purgequiz.learn.settings import SETTINGS_VERSION, Settings

__all__ = [
    "COLD_TABLE",
    "MONTH",
    "CardDoc",
    "Invalid",
    "JournalLine",
    "check",
    "check_document",
    "check_line",
    "check_settings",
    "check_table",
    "is_table_name",
    "review_table",
    "schema_message",
    "table_kind",
]

MAX_ID = 200
MAX_TEXT = 10_000
MAX_COUNT = 10**9

# Printable text: no control characters (C0, DEL, C1) and no lone surrogates (which are not
# text at all, and cannot be written as UTF-8); other text: no lone surrogates.
_NO_CONTROLS = r"^[^\x00-\x1f\x7f-\x9f\ud800-\udfff]*$"
_TEXT = r"^[^\ud800-\udfff]*$"
Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID, pattern=_NO_CONTROLS)]
Text = Annotated[str, Meta(max_length=MAX_TEXT, pattern=_TEXT)]
Stamp = Annotated[datetime, Meta(tz=True)]
Count = Annotated[int, Meta(ge=0, le=MAX_COUNT)]

COLD_TABLE = re.compile(r"reviews/\d{4}-\d\d-\d\d/\d\d:\d")
MONTH = re.compile(r"\d{4}-\d\d")
_HOT_TABLE = re.compile(r"settings|flags|bests|cards/\d{3}|(?:days|sessions)/\d{4}-\d\d")


class Invalid(ValueError):
    """A document or file that does not have the shape it must have; says where."""


class _Doc(Struct, forbid_unknown_fields=False):
    """Stored documents carry a schema version ``v``; unknown keys are ignored."""

    v: Annotated[int, Meta(ge=1, le=1000)] = 1


class CardDoc(_Doc, kw_only=True):
    card_id: Id
    state: Annotated[int, Meta(ge=1, le=3)] = 1
    step: Annotated[int, Meta(ge=0, le=1000)] | None = 0
    stability: Annotated[float, Meta(ge=0, le=1e7)] | None = None
    difficulty: Annotated[float, Meta(ge=0, le=11)] | None = None
    due: Stamp | None = None
    last_review: Stamp | None = None
    reps: Count = 0
    lapses: Count = 0
    suspended: bool = False
    buried_until: Stamp | None = None
    leech: bool = False


class ReviewDoc(_Doc, kw_only=True):
    id: Id
    card_id: Id
    day: date
    reviewed_at: Stamp
    mode: Annotated[str, Meta(min_length=1, max_length=40, pattern=_NO_CONTROLS)]
    rating: Annotated[int, Meta(ge=1, le=4)]
    correct: bool
    near_miss: bool
    given: Text
    elapsed_ms: Count
    was_new: bool
    was_review: bool
    after: CardDoc
    practice: bool = False  # an answer in practice: ``after`` is the state as it stood
    dont_know: bool = False  # "I don't know": graded Again, ``given`` empty


class DayDoc(_Doc, kw_only=True):
    day: date
    reviews: Count = 0
    correct: Count = 0
    new: Count = 0
    review_cards: Count = 0
    time_ms: Count = 0
    practice: Count = 0


class SessionDoc(_Doc, kw_only=True):
    id: Id
    deck_id: Id
    started_at: Stamp
    ended_at: Stamp
    reviewed: Count = 0
    correct: Count = 0
    time_ms: Count = 0
    card_ids: Annotated[list[Id], Meta(max_length=100_000)] = []
    practice: Annotated[str, Meta(max_length=40, pattern=_NO_CONTROLS)] = ""
    score: Count | None = None


class FlagDoc(_Doc, kw_only=True):
    id: Id
    card_id: Id
    deck_id: Id
    note: Text
    created_at: Stamp
    prompt: Text = ""


class ChallengeBestDoc(Struct, forbid_unknown_fields=False, kw_only=True):
    points: Count
    at: Stamp


class BestsDoc(_Doc, kw_only=True):
    session_accuracy: Annotated[float, Meta(ge=0, le=1)] = 0.0
    most_reviews_in_a_day: Count = 0
    longest_session: Count = 0
    challenge: Annotated[dict[Id, ChallengeBestDoc], Meta(max_length=10_000)] = {}  # by deck id


class JournalLine(Struct, forbid_unknown_fields=False):
    """One change: put (``p``) a document, delete (``d``) one, or drop (``x``) a table."""

    o: Literal["p", "d", "x"]
    t: Annotated[str, Meta(max_length=40)]
    s: Annotated[int, Meta(ge=1)]
    k: Id | None = None
    d: dict[str, Any] | None = None
    n: Annotated[int, Meta(ge=1, le=10**8)] | None = None  # lines in the write it begins


class Snapshot(Struct, forbid_unknown_fields=False):
    format: Literal["purgequiz.progress"]
    seq: Annotated[int, Meta(ge=0)]
    tables: dict[str, dict[str, Any]]
    version: Annotated[int, Meta(ge=1)] = 1
    cold: list[str] = []
    coldz: str | None = None  # version 2: the cold names, "\n"-joined, zlib, base64
    months: dict[str, Annotated[int, Meta(ge=0)]] | None = None


class Export(Struct, forbid_unknown_fields=False):
    format: Literal["purgequiz.progress-export"]
    version: Literal[1]
    profile: Annotated[str, Meta(max_length=400)] | None = None
    settings: dict[str, Any] | None = None
    cards: list[CardDoc] = []
    reviews: list[ReviewDoc] = []
    days: list[DayDoc] = []
    sessions: list[SessionDoc] = []
    flags: list[FlagDoc] = []
    bests: BestsDoc | None = None


_T = TypeVar("_T")

_KINDS: dict[str, type[_Doc]] = {
    "cards": CardDoc,
    "reviews": ReviewDoc,
    "days": DayDoc,
    "sessions": SessionDoc,
    "flags": FlagDoc,
    "bests": BestsDoc,
}


def schema_message(error: msgspec.ValidationError) -> str:
    """msgspec's "Expected `int`, got `str` - at `$.a[0].b`" as "a[0].b: expected int, got str"."""
    text = str(error)
    where = ""
    if " - at `$" in text:
        text, _, where = text.rpartition(" - at `$")
        where = where.rstrip("`").lstrip(".")
    text = text.replace("`", "")
    text = text[:1].lower() + text[1:]
    text = text.replace(
        "invalid RFC3339 encoded datetime",
        "expected a date and time such as 2026-12-04T10:30:00+00:00",
    )
    text = text.replace("invalid RFC3339 encoded date", "expected a date such as 2026-12-04")
    if "matching regex" in text:
        text = "holds a character not allowed there (a control character or a lone surrogate)"
    return f"{where}: {text}" if where else text


def check(data: Any, shape: type[_T]) -> _T:
    """``data`` read as ``shape``, or :class:`Invalid` saying where it is wrong."""
    try:
        return msgspec.convert(data, shape)
    except msgspec.ValidationError as error:
        raise Invalid(schema_message(error)) from None
    except UnicodeEncodeError:
        raise Invalid(
            "a text holds a character that is not valid Unicode text (a lone surrogate)"
        ) from None


def is_table_name(name: object) -> bool:
    return isinstance(name, str) and bool(_HOT_TABLE.fullmatch(name) or COLD_TABLE.fullmatch(name))


def table_kind(name: str) -> str:
    """``cards``, ``reviews``, ``days``, ``sessions``, ``flags``, ``bests`` or ``settings``."""
    return name.split("/", 1)[0]


def check_settings(data: Any) -> Settings:
    version = data.get("v") if isinstance(data, dict) else None
    if type(version) is not int or version != SETTINGS_VERSION:
        raise Invalid(
            f"settings of version {version!r}; this purgequiz reads version {SETTINGS_VERSION}"
        )
    settings = check(data, Settings)
    problems = settings.problems()
    if problems:
        raise Invalid("; ".join(problems))
    return settings


def check_document(table: str, key: str, doc: Any) -> None:
    """Raise :class:`Invalid` unless ``doc`` may be stored under ``key`` in ``table``."""
    if not is_table_name(table):
        raise Invalid(f"{table!r} is not a table of a progress database")
    kind = table_kind(table)
    if kind == "settings":
        check_settings(doc)
        return
    record = check(doc, _KINDS[kind])
    expected = {"cards": "card_id", "reviews": "id", "sessions": "id", "flags": "id"}.get(kind)
    if expected and getattr(record, expected) != key:
        raise Invalid(f"the document under {key!r} has {expected} {getattr(record, expected)!r}")
    if isinstance(record, DayDoc) and (record.day.isoformat() != key or table[5:] != key[:7]):
        raise Invalid(f"the daily totals under {key!r} in {table} are for {record.day}")
    if kind == "reviews" and table != review_table(doc):
        raise Invalid(f"the review {key!r} belongs in {review_table(doc)}, not {table}")
    if kind == "sessions" and table[9:] != doc["started_at"][:7]:
        raise Invalid(f"the session {key!r} does not belong in {table}")


_KEYED = {"cards": "card_id", "reviews": "id", "sessions": "id", "flags": "id"}
_CHECKED_WHOLE = {"cards", "sessions", "flags", "days"}  # tables checked in one call


def _filed_right(table: str, records: list[_Doc], docs: dict[str, Any]) -> bool:
    """Whether each checked record of ``docs`` is under its own key, in its own table."""
    pairs = zip(records, docs, strict=True)
    kind = table_kind(table)
    if kind == "days":  # each day's totals under its day, in its month's table
        return all(
            key[:7] == table[5:] and isinstance(r, DayDoc) and r.day.isoformat() == key
            for r, key in pairs
        )
    field = _KEYED[kind]
    return all(getattr(r, field) == key for r, key in pairs) and (
        kind != "sessions" or all(doc["started_at"][:7] == table[9:] for doc in docs.values())
    )


def check_table(table: str, docs: dict[str, Any]) -> dict[str, str]:
    """The documents of ``docs`` that may not be in ``table``: key → what is wrong.

    A whole table is checked in one call, and one by one only when something in it is wrong
    (opening a profile checks thousands of card states this way in a few milliseconds).
    """
    kind = table_kind(table)
    if kind in _CHECKED_WHOLE and is_table_name(table):
        try:
            records: list[_Doc] = msgspec.convert(
                list(docs.values()), GenericAlias(list, (_KINDS[kind],))
            )
        except (msgspec.ValidationError, UnicodeEncodeError):
            pass
        else:
            if _filed_right(table, records, docs):
                return {}
    problems = {}
    for key, doc in docs.items():
        try:
            check_document(table, key, doc)
        except Invalid as error:
            problems[key] = str(error)
    return problems


def review_table(doc: dict[str, Any]) -> str:
    """The log table of a (checked) review: its study day and its ten minutes of that day."""
    return f"reviews/{doc['day']}/{doc['reviewed_at'][11:15]}"


def check_line(data: Any) -> JournalLine:
    """A journal or review-log line, its table name and its document checked."""
    line = check(data, JournalLine)
    if not is_table_name(line.t):
        raise Invalid(f"{line.t!r} is not a table of a progress database")
    if line.o != "x" and line.k is None:
        raise Invalid("a change to a document must name it (k)")
    if line.o == "p":
        if line.d is None or line.k is None:
            raise Invalid("a stored document is missing (d)")
        check_document(line.t, line.k, line.d)
    return line
