"""The dated facts on an axis of years and months, 1934 to 1941, and the filters over them.

A fact is placed by the date it happened; a fact the base knows only by the date a paper
reported it is placed by that date and labelled as a report (see
:mod:`purgequiz.facts.datelabels`). An interval is placed at its start. Within a year, what
is known only to the year comes first, then the months in order; within a month, what is
known only to the month comes first, then the rest in the order of the month (early, then
mid-, then late in it; a day where it falls). Undated facts are not placed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from purgequiz.facts.datelabels import FactDates, fact_dates
from purgequiz.facts.dates import DateSpan, FuzzyDate
from purgequiz.facts.model import Fact, FactBase

__all__ = [
    "AXIS_END",
    "AXIS_START",
    "Entry",
    "Filter",
    "Month",
    "Year",
    "axis",
    "entries",
    "kind_name",
]

AXIS_START, AXIS_END = 1934, 1941  # the years always shown, with facts or without
# Where the part of a month (or of a year) falls in it, to order it among days (or months).
_PART_PLACE = {None: 0, "early": 5, "mid": 15, "late": 25}


def kind_name(kind: str) -> str:
    """A fact kind in words: "institutional change"."""
    return kind.replace("_", " ")


@dataclass(frozen=True)
class Entry:
    """A fact on the axis: its dates in words, and the date that places it (``by_report``
    when that is the date it was reported, the base giving no date of the happening);
    ``rank`` is its place in the fact base, which orders facts of the same date."""

    fact: Fact
    dates: FactDates
    when: DateSpan
    by_report: bool
    rank: int = 0

    @property
    def year(self) -> int:
        return self.when.start.year

    @property
    def month(self) -> int | None:
        return self.when.start.month

    @property
    def label(self) -> str:
        return self.dates.short()


def _place(point: FuzzyDate) -> tuple[int, int, int]:
    if point.month is None:
        return (point.year, 0, _PART_PLACE[point.part])
    return (point.year, point.month, point.day or _PART_PLACE[point.part])


def _order(entry: Entry) -> tuple[tuple[int, int, int], bool, tuple[int, int, int], int]:
    end = entry.when.end or entry.when.start
    return (_place(entry.when.start), entry.when.start.approximate, _place(end), entry.rank)


@dataclass(frozen=True)
class Filter:
    """Which facts to show: of one topic, one kind and one source (``None``: any)."""

    topic: str | None = None
    kind: str | None = None
    source: str | None = None

    def admits(self, fact: Fact) -> bool:
        return (
            (self.topic is None or self.topic in fact.topics)
            and (self.kind is None or fact.kind == self.kind)
            and (self.source is None or fact.source == self.source)
        )

    @property
    def active(self) -> bool:
        return (self.topic, self.kind, self.source) != (None, None, None)


def entries(base: FactBase, keep: Filter | None = None) -> tuple[Entry, ...]:
    """Every dated fact that ``keep`` admits, in the order of the axis."""
    keep = keep or Filter()
    placed = []
    for rank, fact in enumerate(base.facts.values()):
        when = fact.date or fact.reported
        if when is None or not keep.admits(fact):
            continue
        placed.append(Entry(fact, fact_dates(fact), when, fact.date is None, rank))
    return tuple(sorted(placed, key=_order))


@dataclass(frozen=True)
class Month:
    """The entries of one month of a year (``month`` None: known only to the year)."""

    year: int
    month: int | None
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Year:
    year: int
    months: tuple[Month, ...]

    @property
    def count(self) -> int:
        return sum(len(month.entries) for month in self.months)


def axis(placed: Iterable[Entry]) -> tuple[Year, ...]:
    """The years 1934 to 1941 (and any other year a fact falls in), each with its months
    that hold entries, in order."""
    by_year: dict[int, dict[int | None, list[Entry]]] = {}
    for entry in sorted(placed, key=_order):
        by_year.setdefault(entry.year, {}).setdefault(entry.month, []).append(entry)
    years = set(range(AXIS_START, AXIS_END + 1)) | set(by_year)
    return tuple(
        Year(
            year,
            tuple(
                Month(year, month, tuple(group))
                for month, group in sorted(
                    by_year.get(year, {}).items(), key=lambda item: item[0] or 0
                )
            ),
        )
        for year in sorted(years)
    )
