"""Dates in words, saying exactly what the fact base knows of them and no more.

A date known to the year reads "1938", to the month "September 1938", to the day
"21 August 1938"; the part of a year or month a source gives reads "mid-September 1938" or
"early 1937", and an approximate date "about 1938". An interval shares what its ends share
("March–May 1938", "17 November – 1 December 1938"). A fact's own date (when it happened) and
the date a paper reported it are kept apart: a fact known only by its report reads
"reported 9 November 1937", never as if it had happened then.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from purgequiz.facts.dates import DateSpan, FuzzyDate
from purgequiz.facts.model import Fact

__all__ = ["DASH", "FactDates", "fact_dates", "point_label", "span_label"]

DASH = "\u2013"  # an en dash, for intervals


def _narrowed(part: str | None, whole: str) -> str:
    """ "mid-September", "early 1937", "late July" or the whole as it is."""
    if part is None:
        return whole
    return f"mid-{whole}" if part == "mid" else f"{part} {whole}"


def _about(point: FuzzyDate, words: str) -> str:
    return f"about {words}" if point.approximate else words


def point_label(point: FuzzyDate) -> str:
    """One date in words, to its precision, with its part and approximation."""
    if point.day is not None and point.month is not None:
        words = f"{point.day} {calendar.month_name[point.month]} {point.year}"
    elif point.month is not None:
        words = _narrowed(point.part, f"{calendar.month_name[point.month]} {point.year}")
    else:
        words = _narrowed(point.part, str(point.year))
    return _about(point, words)


def _joined(first: str, last: str) -> str:
    """Two ends with an en dash: close up between single words ("1937–1938"), spaced
    otherwise ("late July – early August")."""
    if " " in first or " " in last:
        return f"{first} {DASH} {last}"
    return f"{first}{DASH}{last}"


def span_label(span: DateSpan) -> str:
    """A date or an interval in words; an interval within one year names the year once."""
    start, end = span.start, span.end
    if end is None or end == start:
        return point_label(start)
    shared = start.year == end.year and start.precision == end.precision != "year"
    if not shared or start.approximate or end.approximate:
        return _joined(point_label(start), point_label(end))
    assert start.month is not None and end.month is not None
    first, last = calendar.month_name[start.month], calendar.month_name[end.month]
    if start.precision == "month":
        return f"{_joined(_narrowed(start.part, first), _narrowed(end.part, last))} {start.year}"
    if start.month == end.month:
        return f"{start.day}{DASH}{end.day} {first} {start.year}"
    return f"{start.day} {first} {DASH} {end.day} {last} {start.year}"


@dataclass(frozen=True)
class FactDates:
    """A fact's dates in words: when it happened (``event``), when it was reported, and the
    fact base's note on where the date comes from. ``None`` where the base gives none."""

    event: str | None
    reported: str | None
    note: str | None

    @property
    def dated(self) -> bool:
        return self.event is not None or self.reported is not None

    def short(self) -> str:
        """The label for a line: the date of the happening, else "reported …"."""
        if self.event is not None:
            return self.event
        if self.reported is not None:
            return f"reported {self.reported}"
        return "undated"

    def line(self) -> str:
        """Both dates told apart: "May 1940; reported 5 June 1940"."""
        parts = [self.event or "date of the happening not given"] if self.dated else []
        if self.reported is not None:
            parts.append(f"reported {self.reported}")
        return "; ".join(parts) if parts else "undated"


def fact_dates(fact: Fact) -> FactDates:
    return FactDates(
        span_label(fact.date) if fact.date is not None else None,
        span_label(fact.reported) if fact.reported is not None else None,
        fact.date_note,
    )
