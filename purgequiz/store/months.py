"""Sealed months of the review log: one compressed file per closed month.

A month stops changing once a later month has begun, and then holds some 4,000 reviews of
~600 bytes of JSON each. At a compaction it is *sealed*: its final documents are written as
``reviews/YYYY-MM.z``, one zlib stream of lines. The first line names the format, the month,
the last change it holds (``seq``) and the fields of a review and of the card state after it;
each further line is one review as a JSON array of those fields' values, the state after it
last (a review of another shape is written as its JSON object). In the state, ``0`` stands for
a value the review holds already: its card id, and its time as the state's last review. The
table of a review follows from its day and time.

A late change to a sealed month (an import of old reviews) goes to ``YYYY-MM.jsonl`` beside
it as usual, and the next compaction seals the two into one file again.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

import msgspec

from purgequiz.store.schema import MONTH, Invalid, check_document, review_table

__all__ = ["SEALED_FORMAT", "Sealed", "decode_sealed", "encode_sealed", "review_rows"]

SEALED_FORMAT = "purgequiz.reviews"
SEALED_VERSION = 1
LEVEL = 6  # zlib: within 3% of the smallest, at half the time of level 9
MAX_UNPACKED = 1 << 30

REVIEW_FIELDS = (
    "v",
    "id",
    "card_id",
    "day",
    "reviewed_at",
    "mode",
    "rating",
    "correct",
    "near_miss",
    "given",
    "elapsed_ms",
    "was_new",
    "was_review",
)
AFTER_FIELDS = (
    "v",
    "card_id",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "suspended",
    "buried_until",
    "leech",
)


class _Header(msgspec.Struct, forbid_unknown_fields=False):
    format: str
    version: int
    month: str
    seq: int
    review: list[str]
    after: list[str]


class Sealed(msgspec.Struct):
    """What a sealed month file held: its tables, its last change, and what was wrong."""

    tables: dict[str, dict[str, Any]]
    seq: int
    bad: list[tuple[int, str]]  # (line, problem) of rows left out
    cut: bool  # the stream ends early (a damaged file); the rows before the damage are kept


# the fields of the state after a review that may repeat one of the review's own: 0 then
_SAME = {"card_id": "card_id", "last_review": "reviewed_at"}


def _row(doc: dict[str, Any]) -> Any:
    after = doc.get("after")
    if (
        isinstance(after, dict)
        and len(doc) == len(REVIEW_FIELDS) + 1
        and len(after) == len(AFTER_FIELDS)
        and all(name in doc for name in REVIEW_FIELDS)
        and all(name in after for name in AFTER_FIELDS)
    ):
        state = [
            0 if name in _SAME and after[name] == doc[_SAME[name]] else after[name]
            for name in AFTER_FIELDS
        ]
        return [*(doc[name] for name in REVIEW_FIELDS), state]
    return doc


def _dumps(data: Any) -> bytes:
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        return json.dumps(data, separators=(",", ":")).encode()


def encode_sealed(month: str, seq: int, tables: dict[str, dict[str, Any]]) -> bytes:
    """The sealed file of ``month`` holding ``tables`` (its review-log tables, checked)."""
    header = {
        "format": SEALED_FORMAT,
        "version": SEALED_VERSION,
        "month": month,
        "seq": seq,
        "review": list(REVIEW_FIELDS),
        "after": list(AFTER_FIELDS),
    }
    lines = [_dumps(header)]
    for name in sorted(tables):
        for doc in sorted(tables[name].values(), key=lambda d: (d["reviewed_at"], d["id"])):
            lines.append(_dumps(_row(doc)))
    lines.append(b"")
    return zlib.compress(b"\n".join(lines), LEVEL)


def _unpack(raw: bytes) -> tuple[bytes, bool]:
    """The text of a zlib stream, and whether it was cut short or damaged."""
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(raw, MAX_UNPACKED)
    except zlib.error:
        # what came out before the damage: decompress again piece by piece
        inflater, pieces = zlib.decompressobj(), []
        for start in range(0, len(raw), 4096):
            try:
                pieces.append(inflater.decompress(raw[start : start + 4096]))
            except zlib.error:
                break
        return b"".join(pieces), True
    return text, not inflater.eof or bool(inflater.unconsumed_tail)


def _header(lines: list[bytes], month: str) -> _Header:
    try:
        header = msgspec.json.decode(lines[0] if lines else b"", type=_Header)
    except (msgspec.DecodeError, msgspec.ValidationError):
        raise Invalid("not a sealed month of the review log") from None
    if header.format != SEALED_FORMAT or header.month != month or not MONTH.fullmatch(month):
        raise Invalid(f"not the sealed review log of {month}")
    if header.version > SEALED_VERSION:
        raise Invalid(f"written by a newer purgequiz (format version {header.version})")
    return header


def review_rows(raw: bytes, month: str, fields: tuple[str, ...]) -> list[tuple[Any, ...]] | None:
    """The values of ``fields`` (None for a field a review has not) of each review of a
    sealed month file, read without checking the reviews; None unless the file is whole and
    every line is a review as :func:`encode_sealed` writes it, of a day in ``month``
    (:func:`decode_sealed` then says what is wrong).

    For a reader that only counts (the statistics' first opening): the rows are parsed in one
    call and no review is checked or built whole, which makes reading a month some 5 times
    faster than :func:`decode_sealed` (tests/store/test_tallies.py checks both agree)."""
    text, cut = _unpack(raw)
    lines = text.split(b"\n")
    try:
        header = _header(lines, month)
        rows = msgspec.json.decode(b"[%b]" % b",".join(line for line in lines[1:] if line))
    except (Invalid, msgspec.DecodeError):
        return None
    if cut or "day" not in header.review:
        return None
    width, day_at = len(header.review) + 1, header.review.index("day")
    places = [header.review.index(name) if name in header.review else width for name in fields]
    found = []
    for row in rows:
        if type(row) is list and len(row) == width:
            row.append(None)  # at ``width``: the value of a field the header does not name
            day = row[day_at]
            values = tuple(row[at] for at in places)
        elif type(row) is dict:
            day = row.get("day")
            values = tuple(row.get(name) for name in fields)
        else:
            return None
        if not (isinstance(day, str) and day[:7] == month):
            return None
        found.append(values)
    return found


def decode_sealed(raw: bytes, month: str) -> Sealed:
    """Read a sealed month file; :class:`Invalid` if it is not one (of ``month``) at all."""
    text, cut = _unpack(raw)
    lines = text.split(b"\n")
    if cut:
        lines = lines[:-1]  # the last line may stop midway
    header = _header(lines, month)
    review, after = header.review, header.after
    tables: dict[str, dict[str, Any]] = {}
    bad: list[tuple[int, str]] = []
    for number, line in enumerate(lines[1:], 2):
        if not line:
            continue
        try:
            row = json.loads(line)
            if isinstance(row, list) and len(row) == len(review) + 1:
                doc = dict(zip(review, row, strict=False))
                state = row[-1]
                if not (isinstance(state, list) and len(state) == len(after)):
                    raise Invalid("the card state after the review has the wrong length")
                doc["after"] = {
                    name: doc.get(_SAME[name]) if value == 0 and name in _SAME else value
                    for name, value in zip(after, state, strict=True)
                }
            elif isinstance(row, dict):
                doc = row
            else:
                raise Invalid("not a review")
            if not isinstance(doc.get("day"), str) or not isinstance(doc.get("reviewed_at"), str):
                raise Invalid("a review must say its day and time")
            table = review_table(doc)
            if table[8:15] != month:
                raise Invalid(f"a review of {doc['day']} does not belong in {month}")
            key = doc.get("id")
            if not isinstance(key, str):
                raise Invalid("a review must have an id")
            check_document(table, key, doc)
        except (ValueError, UnicodeDecodeError, RecursionError, TypeError) as error:
            bad.append((number, str(error) if isinstance(error, Invalid) else "not JSON"))
            continue
        tables.setdefault(table, {})[doc["id"]] = doc
    return Sealed(tables, max(header.seq, 0), bad, cut)
