"""Dates with their precision: a year, a month or a day, or an interval of those.

A date may also say what its source says of it within that precision: the early, middle or
late part of the year or month ("mid-September 1938" is written ``mid-1938-09``), and that it
is only approximate (a trailing ``~``, as in the Extended Date/Time Format: ``1938~``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

__all__ = ["PARTS", "DateSpan", "FuzzyDate", "parse_date"]

PARTS = ("early", "mid", "late")  # the part of a year or a month a source may name
_DATE = re.compile(r"^(?:(early|mid|late)-)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date known to the year, the month or the day; ``part`` ("early", "mid" or
    "late") narrows a year or a month as its source does, and ``approximate`` says that the
    source gives it only roughly. Neither changes :attr:`precision`, :attr:`sort_key`,
    :meth:`iso` or :meth:`display`, which give the date to the precision written."""

    year: int
    month: int | None = None
    day: int | None = None
    part: str | None = None
    approximate: bool = False

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def written(self) -> str:
        """The form a fact file writes: the ISO date with its part and ``~``, if any."""
        part = f"{self.part}-" if self.part else ""
        return part + self.iso() + ("~" if self.approximate else "")

    def display(self) -> str:
        """'10 July 1940', 'May 1937' or '1938'."""
        if self.day and self.month:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)


@dataclass(frozen=True)
class DateSpan:
    """A date or an interval between two dates, as written in the fact file."""

    start: FuzzyDate
    end: FuzzyDate | None = None

    @property
    def text(self) -> str:
        return self.start.written() + (f"/{self.end.written()}" if self.end else "")

    @property
    def precision(self) -> str:
        return self.start.precision

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.start.sort_key

    def display(self) -> str:
        if self.end is None:
            return self.start.display()
        return f"{self.start.display()} \u2013 {self.end.display()}"


def _rank(point: FuzzyDate) -> int:
    """Where the part of a year or month a date gives falls in it (0 for the whole)."""
    return PARTS.index(point.part) + 1 if point.part else 0


def _parse_one(text: str) -> FuzzyDate:
    match = _DATE.match(text)
    if not match:
        raise ValueError(
            f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD (with early-, mid- or late- before "
            "a year or a month, and ~ after an approximate date)"
        )
    part, year_text, month_text, day_text, approximate = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}")
    if day is not None:
        assert month is not None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"{text!r} has no day {day} in that month")
        if part:
            raise ValueError(f"{text!r} gives the day: {part}- goes with a year or a month only")
    return FuzzyDate(year, month, day, part, bool(approximate))


def parse_date(text: str) -> DateSpan:
    """Parse 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or 'START/END' (each may be 'mid-1938-09',
    'early-1937', '1938~'); raise ValueError with a reason."""
    if not isinstance(text, str):
        raise ValueError('a date is written as a string such as "1937-05"')
    if "/" in text:
        first, _, second = text.partition("/")
        start, end = _parse_one(first.strip()), _parse_one(second.strip())
        if (end.sort_key, _rank(end)) < (start.sort_key, _rank(start)):
            raise ValueError(f"{text!r} ends before it starts")
        return DateSpan(start, end)
    return DateSpan(_parse_one(text.strip()))
