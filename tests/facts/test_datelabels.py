"""Dates in words: exactly what the fact base knows of a date, and no more."""

from __future__ import annotations

import calendar
import re

import pytest

from purgequiz.facts import FactBase, parse_date
from purgequiz.facts.datelabels import fact_dates, span_label
from tests.facts.minibase import base, fact


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("1938", "1938"),  # a year
        ("1937-05", "May 1937"),  # a month
        ("mid-1938-09", "mid-September 1938"),  # the middle of a month
        ("early-1937-10", "early October 1937"),
        ("late-1940-07", "late July 1940"),
        ("mid-1940", "mid-1940"),  # the middle of a year
        ("early-1937", "early 1937"),
        ("late-1938", "late 1938"),
        ("1938-08-21", "21 August 1938"),  # a day
        ("1938~", "about 1938"),  # approximate
        ("1938-09~", "about September 1938"),
        ("mid-1938-09~", "about mid-September 1938"),
        ("1940-06-05~", "about 5 June 1940"),
    ],
)
def test_a_date_reads_to_its_precision(written: str, label: str):
    """A year, a month, the part of a month or a year, a day, and an approximate date each
    read as the fact base writes them, with nothing added."""
    assert span_label(parse_date(written)) == label


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("1937/1938", "1937\u20131938"),
        ("1939/1940", "1939\u20131940"),
        ("1938-03/1938-05", "March\u2013May 1938"),
        ("late-1940-07/early-1940-08", "late July \u2013 early August 1940"),
        ("1937-03/1938-03", "March 1937 \u2013 March 1938"),
        ("1937-09-05/1937-09-10", "5\u201310 September 1937"),
        ("1937-09-05/1937-10-10", "5 September \u2013 10 October 1937"),
        ("1938-11-17/1938-12-01", "17 November \u2013 1 December 1938"),
        ("1936-08/early-1937-10", "August 1936 \u2013 early October 1937"),
        ("1937/1938-03", "1937 \u2013 March 1938"),
        ("early-1937/late-1937", "early 1937 \u2013 late 1937"),
        ("1937~/1938", "about 1937 \u2013 1938"),
        ("1938-03~/1938-05", "about March 1938 \u2013 May 1938"),
        ("1938-09/1938-09", "September 1938"),
    ],
)
def test_a_range_names_what_its_ends_share_once(written: str, label: str):
    """An interval names a shared year once and a shared month once; ends of different
    precision, or an approximate end, are each given whole."""
    assert span_label(parse_date(written)) == label


def test_the_date_of_the_event_and_of_the_report_are_told_apart():
    """A fact with both dates reads by the date it happened and says when it was reported;
    one known only by its report reads "reported …", never as the date it happened."""
    both = base(fact("both", "event", "1940-05", reported="1940-06-05", what="something happened"))
    dates = fact_dates(both.facts["both"])
    assert (dates.event, dates.reported) == ("May 1940", "5 June 1940")
    assert (dates.short(), dates.line()) == ("May 1940", "May 1940; reported 5 June 1940")

    reported = base(
        fact("rep", "report", reported="1937-11-09", outlet="daily", said="something was said")
    )
    dates = fact_dates(reported.facts["rep"])
    assert (dates.event, dates.reported, dates.short()) == (
        None,
        "9 November 1937",
        "reported 9 November 1937",
    )
    assert dates.line() == "date of the happening not given; reported 9 November 1937"


def test_an_undated_fact_says_so_and_keeps_its_note():
    """A fact with no date is "undated"; a date_note is kept as written."""
    undated = base(fact("u", "role", person="anna", post="head of the staff"))
    assert fact_dates(undated.facts["u"]).short() == "undated"
    noted = base(fact("n", "event", "1940", what="x happened", date_note="'this year' (para. 1)"))
    assert fact_dates(noted.facts["n"]).note == "'this year' (para. 1)"


def test_no_bundled_label_names_a_month_or_day_its_date_does_not_have(bundled: FactBase):
    """For every bundled fact, the words of its date name only the months, days and years
    its stored date holds: nothing is invented."""
    months = {name: number for number, name in enumerate(calendar.month_name) if name}
    for item in bundled.facts.values():
        for span, label in (
            (item.date, fact_dates(item).event),
            (item.reported, fact_dates(item).reported),
        ):
            if span is None:
                assert label is None
                continue
            assert label is not None
            points = [span.start] + ([span.end] if span.end else [])
            named = {months[word] for word in re.findall(r"[A-Z][a-z]+", label) if word in months}
            assert named == {p.month for p in points if p.month}, (item.id, label)
            numbers = {int(n) for n in re.findall(r"\d+", label)}
            stated = {p.year for p in points} | {p.day for p in points if p.day}
            assert numbers == stated, (item.id, label)
            parts = set(re.findall(r"\b(early|mid|late)\b", label))
            assert parts == {p.part for p in points if p.part}, (item.id, label)
            assert ("about" in label) == any(p.approximate for p in points), (item.id, label)
