"""The journal's and the review log's lines: encoded, parsed and checked, and grouped by the
write they belong to; the snapshot's outline decoded.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from purgequiz.store.schema import (
    COLD_TABLE,
    Invalid,
    Snapshot,
    check_line,
    schema_message,
)

__all__ = [
    "COLD_PREFIX",
    "apply",
    "cold_names",
    "decode_snapshot",
    "encode",
    "encode_line",
    "month_of",
    "parse_lines",
    "split_cold",
    "whole_writes",
]

COLD_PREFIX = "reviews/"


_COLD_START = b',"cold":['
_COLD_END = b'],"tables":'


def split_cold(raw: bytes) -> tuple[bytes, bytes | None]:
    """A snapshot without its list of cold table names, and that list still unread.

    The list is half of a large snapshot and opening needs none of it. As :meth:`compact`
    writes it (``…,"cold":["reviews/…",…],"tables":…``, names with no escapes), it is cut out
    here and read on first use; a snapshot written any other way is read whole (None).
    """
    start = raw.find(_COLD_START, 0, 200)
    if start < 0:
        return raw, None
    end = raw.find(_COLD_END, start)
    listed = raw[start + len(_COLD_START) - 1 : end + 1]
    if (
        end < 0
        or b"\\" in listed
        or not (listed == b"[]" or listed.startswith(b'["') and listed.endswith(b'"]'))
    ):
        return raw, None
    return raw[:start] + raw[end + 1 :], listed


def cold_names(listed: bytes) -> list[str]:
    """The names of a list cut out by :func:`split_cold` (strings without escapes)."""
    return listed[2:-2].decode().split('","') if listed != b"[]" else []


def month_of(table: str) -> str:
    return table[len(COLD_PREFIX) : len(COLD_PREFIX) + 7]


def apply(tables: dict[str, dict[str, Any]], op: dict[str, Any]) -> None:
    kind, name = op["o"], op["t"]
    if kind == "p":
        tables.setdefault(name, {})[op["k"]] = op["d"]
    elif kind == "d":
        tables.get(name, {}).pop(op["k"], None)
    elif kind == "x":
        tables.pop(name, None)


_ENCODER = msgspec.json.Encoder()


def encode(data: Any) -> bytes:
    """Compact JSON in UTF-8 (msgspec's: the same text as ``json.dumps`` with compact
    separators, in a fifth of the time); text that UTF-8 cannot hold (a lone surrogate) as
    escapes."""
    try:
        return _ENCODER.encode(data)
    except (UnicodeEncodeError, TypeError, msgspec.EncodeError):
        return json.dumps(data, separators=(",", ":")).encode()


def encode_line(op: dict[str, Any]) -> bytes:
    return encode(op) + b"\n"


def parse_lines(
    raw: bytes, month: str | None
) -> tuple[list[dict[str, Any]], int, int, list[tuple[int, str]]]:
    """(good ops, bytes of good data, bytes of a torn tail, (line, problem) of bad lines).

    Every line is checked as a journal line; in a month file (``month`` given) only changes
    to that month's review log belong.
    """
    ops: list[dict[str, Any]] = []
    bad: list[tuple[int, str]] = []
    good_end = position = 0
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, 1):
        last = number == len(lines)
        end = position + len(line) + (0 if last else 1)
        if line.strip():
            try:
                op = json.loads(line)
                checked = check_line(op)
                if month is not None and not (
                    COLD_TABLE.fullmatch(checked.t) and month_of(checked.t) == month
                ):
                    raise Invalid(f"{checked.t} does not belong in the log of {month}")
                if checked.o == "d" and not isinstance(op.get("k"), str):
                    raise Invalid("a deletion must name a document")
            except (ValueError, UnicodeDecodeError, RecursionError) as error:
                if last or all(not rest.strip() for rest in lines[number:]):
                    break  # a torn last line: a write that was never acknowledged
                bad.append((number, str(error) if isinstance(error, Invalid) else "not JSON"))
            else:
                if last:  # complete JSON but no newline yet: also never acknowledged
                    break
                ops.append(op)
        good_end = end
        position = end
    return ops, good_end, len(raw) - good_end, bad


def decode_snapshot(raw: bytes) -> Snapshot:
    """The snapshot's outline, decoded and checked in one pass (:class:`Invalid` if wrong)."""
    try:
        return msgspec.json.decode(raw, type=Snapshot)
    except msgspec.ValidationError as error:
        raise Invalid(schema_message(error)) from None
    except msgspec.DecodeError:
        raise Invalid("not valid JSON") from None


def whole_writes(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes of the writes whose lines are all there.

    The first line of each write says how many lines it has (``n``). A write cut short (the
    power failing before its fsync returned, so never acknowledged) is left out whole, so an
    answer or an import is never half applied. Lines without ``n`` each stand alone.
    """
    whole: list[dict[str, Any]] = []
    index = 0
    while index < len(ops):
        count = ops[index].get("n", 1)
        group = ops[index : index + count]
        if len(group) == count and not any("n" in op for op in group[1:]):
            whole += group
            index += count
            continue
        index += 1
        while index < len(ops) and "n" not in ops[index]:
            index += 1
    return whole
