"""How a typed figure is read: one canonical text for each way of writing the same figure.

Separators between digits go ("353,074", "353 074", "353.074" → ``353074``), a scale word
is multiplied out ("2.3 billion" → ``2300000000``), and a range reads ``<low> to <high>``
however it is joined: "20,000–40,000", "20,000 - 40,000", "20000 to 40000", "from 20,000 to
40,000", "between 20,000 and 40,000". A range written short, as the sources write it
("20–40,000", "20 to 40 thousand", "1.5–2 million"), has a second reading with its low end
scaled like its high end (``20000 to 40000``); the literal reading is kept beside it, so
that the short form is right where either reading is.

A small count of a scale word is read in words too ("a thousand", "two million"), and the
words that bound a figure read as one ("over 1,000" as "more than 1,000", "under" and "less
than" as "fewer than").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["number_readings", "read_number"]

_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_SEPARATOR = "[,.'\u00a0\u202f_ ]"  # between digits: a thousands separator, or a point
_NUMBER = re.compile(
    rf"(?<![\d.,])(?P<digits>\d+(?:{_SEPARATOR}\d+)*)"
    r"(?:\s*(?P<scale>thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNTS = {"a": 1} | {word: n for n, word in enumerate(_WORDS, start=1)}
_COUNT_WORD = re.compile(
    rf"\b(?P<count>{'|'.join(_COUNTS)})\s+(?P<scale>thousand|million|billion)\b", re.IGNORECASE
)
_BOUNDS = (
    (re.compile(r"\bover\b", re.IGNORECASE), "more than"),
    (re.compile(r"\b(?:under|less than)\b", re.IGNORECASE), "fewer than"),
)
_POINT = re.compile(r"^(?P<whole>\d+)[.,](?P<fraction>\d{1,2})$")
_MARK = "\ue000"  # stands for a number while the joining words are read (never typed)
_TOKEN = rf"{_MARK}(\d+){_MARK}"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_RANGES = (
    re.compile(rf"\bbetween\s+{_TOKEN}\s+and\s+{_TOKEN}", re.IGNORECASE),
    re.compile(rf"(?:\bfrom\s+)?{_TOKEN}\s*(?:[{_DASHES}]|\bto\b)\s*{_TOKEN}", re.IGNORECASE),
)


@dataclass(frozen=True)
class _Figure:
    written: str  # the digits as typed, separators and all
    word: str | None  # the scale word after it ("million"), if any
    value: Decimal
    scale: int  # what the figure is counted in: its scale word, or its trailing "000"s

    @property
    def bare(self) -> bool:
        """Written as plain digits, with no separator and no scale word ("20")."""
        return self.word is None and self.written.isdigit()


def _value(written: str, word: str | None) -> Decimal:
    """Separators between digits are dropped ("353,074", "353 074", and a slip like
    "35,3074" alike), except a decimal point before a scale word ("1.5 million")."""
    point = _POINT.match(written) if word else None
    if point:
        value = Decimal(f"{re.sub(_SEPARATOR, '', point['whole'])}.{point['fraction']}")
    else:
        value = Decimal(re.sub(_SEPARATOR, "", written))
    return value * _SCALES[word.lower()] if word else value


def _figure(match: re.Match[str]) -> _Figure:
    written, word = match["digits"], match["scale"]
    if word:
        scale = _SCALES[word.lower()]
    else:  # 40,000 and 40000 are counted in thousands
        whole = re.sub(_SEPARATOR, "", written)
        zeros = len(whole) - len(whole.rstrip("0"))
        scale = 1000 ** min(zeros // 3, (len(whole) - 1) // 3)
    return _Figure(written, word, _value(written, word), scale)


def _short(low: _Figure, high: _Figure) -> Decimal:
    """The low end of a range written short, counted as its high end is: "1.5–2 million",
    "20–40,000"; the low end as written when it cannot be short."""
    if high.word and not low.word:
        value = _value(low.written, high.word)
        return value if value < high.value else low.value
    if low.bare and high.scale > 1 and low.value * high.scale < high.value:
        return low.value * high.scale
    return low.value


def _digits(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", " ")  # a decimal point reads as the space normalization leaves


def _readings(text: str) -> tuple[str, str]:
    """(literal, short) readings, each with its numbers marked for the range patterns."""
    figures: list[_Figure] = []

    def mark(match: re.Match[str]) -> str:
        figures.append(_figure(match))
        return f"{_MARK}{len(figures) - 1}{_MARK}"

    def joined(match: re.Match[str], scaled: bool) -> str:
        low, high = figures[int(match[1])], figures[int(match[2])]
        value = _short(low, high) if scaled else low.value
        return f" {_digits(value)} to {_digits(high.value)} "

    text = _COUNT_WORD.sub(lambda m: f"{_COUNTS[m['count'].lower()]} {m['scale']}", text)
    for pattern, words in _BOUNDS:
        text = pattern.sub(words, text)
    marked = _NUMBER.sub(mark, text)
    literal, short = marked, marked
    for pattern in _RANGES:
        literal = pattern.sub(lambda m: joined(m, scaled=False), literal)
        short = pattern.sub(lambda m: joined(m, scaled=True), short)

    def plain(marked_text: str) -> str:
        return re.sub(_TOKEN, lambda m: _digits(figures[int(m[1])].value), marked_text)

    return plain(literal), plain(short)


def read_number(text: str) -> str:
    """A typed figure as written, in canonical digits (before the common normalization)."""
    return _readings(text)[0]


def number_readings(text: str) -> tuple[str, ...]:
    """Every reading of a typed figure: as written, and a short range read in full."""
    return tuple(dict.fromkeys(_readings(text)))
