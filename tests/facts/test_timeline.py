"""The dated facts on the axis: where each is placed, in what order, and what the filters keep."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.facts.timeline import Filter, axis, entries
from tests.facts.minibase import base, fact

EVENTS = (
    fact("day", "event", "1938-09-29", what="a day"),
    fact("month", "event", "1938-09", what="a month"),
    fact("mid-month", "event", "mid-1938-09", what="mid-month"),
    fact("late-month", "event", "late-1938-09", what="late in the month"),
    fact("early-day", "event", "1938-09-02", what="an early day"),
    fact("year", "event", "1938", what="a year"),
    fact("mid-year", "event", "mid-1938", what="mid-year"),
    fact("range", "event", "1937/1938", what="a range"),
    fact("old", "event", "1932", what="before the axis"),
    fact("later", "event", "1939", what="a later year"),
    fact(
        "reported-only",
        "report",
        reported="1938-09-10",
        outlet="daily",
        said="it was said",
        topics=["nkvd"],
        source="study",
    ),
    fact("undated", "role", person="anna", post="head of the staff", topics=["nkvd"]),
)


def test_facts_are_placed_in_the_order_of_the_axis():
    """Within a year, what is known only to the year comes first (early, mid, late after
    the whole year), then the months; within a month, the month alone, then early in it,
    the days and mid- and late where they fall. A range is placed at its start."""
    placed = [entry.fact.id for entry in entries(base(*EVENTS))]
    assert placed == [
        "old",
        "range",
        "year",
        "mid-year",
        "month",
        "early-day",
        "reported-only",
        "mid-month",
        "late-month",
        "day",
        "later",
    ]


def test_undated_facts_are_not_placed_and_reports_are_placed_by_their_report():
    """A fact with no date at all is left off; one known only by its report is placed by
    that date and marked so, and its label says "reported"."""
    placed = {entry.fact.id: entry for entry in entries(base(*EVENTS))}
    assert "undated" not in placed
    report = placed["reported-only"]
    assert report.by_report and (report.year, report.month) == (1938, 9)
    assert report.label == "reported 10 September 1938"
    assert not placed["month"].by_report


def test_the_axis_shows_1934_to_1941_and_any_other_year_with_a_fact():
    """Every year from 1934 to 1941 is on the axis, with facts or without; a year outside
    them only when a fact falls in it; months only where there are facts."""
    years = axis(entries(base(*EVENTS)))
    assert [year.year for year in years] == [1932, *range(1934, 1942)]
    by_year = {year.year: year for year in years}
    assert [month.month for month in by_year[1938].months] == [None, 9]
    assert by_year[1935].count == 0 and by_year[1938].count == 8


def test_filters_keep_one_topic_one_kind_or_one_source():
    """A filter keeps the facts of its topic, kind and source; the empty filter keeps all."""
    made = base(*EVENTS)
    ids = lambda keep: {e.fact.id for e in entries(made, keep)}  # noqa: E731
    assert ids(Filter(topic="nkvd")) == {"reported-only"}
    assert ids(Filter(kind="report")) == {"reported-only"}
    assert ids(Filter(source="study")) == {"reported-only"}
    assert ids(Filter(topic="army", kind="event")) == ids(Filter()) - {"reported-only"}
    assert ids(Filter(topic="nkvd", kind="event")) == set()
    assert not Filter().active and Filter(source="study").active


def test_every_dated_bundled_fact_is_on_the_axis_once(bundled: FactBase):
    """Each bundled fact with a date or a report date is placed exactly once, inside a year
    of the axis; none without is."""
    placed = [
        entry.fact.id for year in axis(entries(bundled)) for m in year.months for entry in m.entries
    ]
    dated = [f.id for f in bundled.facts.values() if f.date is not None or f.reported is not None]
    assert sorted(placed) == sorted(dated)
    assert len(set(placed)) == len(placed)


def test_a_bundled_fact_reads_as_its_source_dates_it(bundled: FactBase):
    """Beria started work in Moscow in mid-September 1938, as the later study says; the
    Pravda of 5 June 1940 that Wright cites is a report date, not the date of a happening."""
    placed = {entry.fact.id: entry for entry in entries(bundled)}
    assert placed["ch7-beria-starts-moscow"].label == "mid-September 1938"
    assert placed["w40-pravda-explains-generals"].label == "reported 5 June 1940"
    assert placed["w40-timoshenko-replaces-voroshilov"].label == "May 1940"
