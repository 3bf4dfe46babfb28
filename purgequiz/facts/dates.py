"""Dates with their precision: a year, a month or a day, or an interval of those."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

__all__ = ["DateSpan", "FuzzyDate", "parse_date"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

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
        return self.start.iso() + (f"/{self.end.iso()}" if self.end else "")

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


def _parse_one(text: str) -> FuzzyDate:
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}")
    if day is not None:
        assert month is not None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"{text!r} has no day {day} in that month")
    return FuzzyDate(year, month, day)


def parse_date(text: str) -> DateSpan:
    """Parse 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or 'START/END'; raise ValueError with a reason."""
    if not isinstance(text, str):
        raise ValueError('a date is written as a string such as "1937-05"')
    if "/" in text:
        first, _, second = text.partition("/")
        start, end = _parse_one(first.strip()), _parse_one(second.strip())
        if end.sort_key < start.sort_key:
            raise ValueError(f"{text!r} ends before it starts")
        return DateSpan(start, end)
    return DateSpan(_parse_one(text.strip()))
