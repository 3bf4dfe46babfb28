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
    ],
)
def test_forms_and_precision(text: str, precision: str, display: str):
    """Each written form keeps its precision and displays in words."""
    date = parse_date(text)
    assert (date.precision, date.display(), date.text) == (precision, display, text)


@pytest.mark.parametrize("text", ["38", "1938-00", "1938-02-29", "1939/1938", "May 1937", ""])
def test_bad_dates_are_rejected(text: str):
    """Impossible or malformed dates raise ValueError with a reason."""
    with pytest.raises(ValueError):
        parse_date(text)


def test_sorting_by_start():
    """A year sorts before any month within it, and months in calendar order."""
    keys = [parse_date(t).sort_key for t in ("1937-11", "1937", "1937-05-31", "1938")]
    assert sorted(keys) == [(1937, 0, 0), (1937, 5, 31), (1937, 11, 0), (1938, 0, 0)]
