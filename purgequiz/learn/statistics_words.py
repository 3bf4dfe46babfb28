"""The statistics in sentences: what the statistics screen says under each chart and
`purgequiz stats` prints above its tables, so that the figures read without the charts (with
NO_COLOR, or aloud) and the same way in both."""

from __future__ import annotations

from datetime import date

from purgequiz.learn.statistics import Statistics, share_words, time_words

__all__ = [
    "calendar_words",
    "day_words",
    "forecast_words",
    "retention_words",
    "span_words",
    "summary_words",
]

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def day_words(day: date) -> str:
    """ "4 December 2026"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _count(value: int, one: str, many: str) -> str:
    return f"{value:,} {one if value == 1 else many}"


def summary_words(figures: Statistics) -> str:
    """The line at the top: every answer, the time it took, the streak."""
    return (
        f"{_count(figures.answers, 'answer', 'answers')} in all, "
        f"{time_words(figures.time_all.time_ms)} of study; "
        f"streak {_count(figures.streak, 'day', 'days')}."
    )


def span_words(figures: Statistics, span: int) -> str:
    """The answers of the last ``span`` days, the days they were given on, the busiest."""
    days = figures.span(span)
    total = sum(d.reviews for d in days)
    studied = sum(1 for d in days if d.reviews)
    if not total:
        return f"No answer in the last {span} days."
    busiest = max(days, key=lambda d: (d.reviews, d.day))
    return (
        f"{_count(total, 'answer', 'answers')} in the last {span} days, on "
        f"{_count(studied, 'day', 'days')}; most on {day_words(busiest.day)}: {busiest.reviews:,}."
    )


def forecast_words(figures: Statistics) -> str:
    """Cards due today (overdue included), in the next week, in the whole forecast."""
    due = [d.cards for d in figures.forecast]
    return (
        f"{due[0]:,} due today (overdue included), {sum(due[:7]):,} in the next 7 days, "
        f"{sum(due):,} in the next {len(due)} days."
    )


def retention_words(figures: Statistics) -> str:
    """The latest week's true retention, and that of all the weeks shown."""
    weeks = figures.retention
    if not weeks:
        return (
            "No answer to a card in review yet: a card comes up for review a day or more "
            "after you have learnt it."
        )
    latest = next(w for w in reversed(weeks) if w.answers)
    answers = sum(w.answers for w in weeks)
    right = sum(w.right for w in weeks)
    when = "this week" if latest is weeks[-1] else f"in the week of {day_words(latest.start)}"
    return (
        f"Right {when}: {share_words(latest.share)} of "
        f"{_count(latest.answers, 'answer', 'answers')} to cards in review; over the "
        f"{_count(len(weeks), 'week', 'weeks')} shown: {share_words(right / answers)} "
        f"of {answers:,}."
    )


def calendar_words(figures: Statistics) -> str:
    """The days studied in the calendar's year, and the streak."""
    studied = sum(1 for d in figures.days if d.reviews)
    return (
        f"Studied on {studied:,} of the last {len(figures.days)} days; "
        f"streak {_count(figures.streak, 'day', 'days')}."
    )
