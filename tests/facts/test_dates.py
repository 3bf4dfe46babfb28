"""Dates with precision."""

from __future__ import annotations

import pytest

from purgequiz.facts import parse_date


@pytest.mark.parametrize(
    ("text", "precision", "display"),
    [
        ("1938", "year", "1938"),
        ("1937-05", "month", "May 1937"),
        ("1940-07-10", "day", "10 July 1940"),
        ("1937-03/1938-03", "month", "March 1937 \u2013 March 1938"),
        ("mid-1938-09", "month", "September 1938"),
        ("early-1937", "year", "1937"),
        ("1938~", "year", "1938"),
        ("1936-08/early-1937-10", "month", "August 1936 \u2013 October 1937"),
    ],
)
def test_forms_and_precision(text: str, precision: str, display: str):
    """Each written form keeps its precision and displays in words."""
    date = parse_date(text)
    assert (date.precision, date.display(), date.text) == (precision, display, text)


@pytest.mark.parametrize(
    "text",
    [
        "38",
        "1938-00",
        "1938-02-29",
        "1939/1938",
        "May 1937",
        "",
        "mid-1938-09-15",
        "middle-1938",
        "~1938",
        "late-1938-09/early-1938-09",
    ],
)
def test_bad_dates_are_rejected(text: str):
    """Impossible or malformed dates raise ValueError with a reason."""
    with pytest.raises(ValueError):
        parse_date(text)


def test_sorting_by_start():
    """A year sorts before any month within it, and months in calendar order."""
    keys = [parse_date(t).sort_key for t in ("1937-11", "1937", "1937-05-31", "1938")]
    assert sorted(keys) == [(1937, 0, 0), (1937, 5, 31), (1937, 11, 0), (1938, 0, 0)]


def test_part_and_approximation_are_kept_apart_from_the_precision():
    """The part of a month and "approximate" are stored, written back as read, and change
    neither the precision, the sort key nor the ISO form the questions use."""
    date = parse_date("mid-1938-09~").start
    assert (date.part, date.approximate, date.precision) == ("mid", True, "month")
    assert (date.sort_key, date.iso(), date.written()) == ((1938, 9, 0), "1938-09", "mid-1938-09~")
    assert parse_date("1938-09").start.part is None
