"""Checking a stored table in one go gives what checking its documents one by one gives."""

from __future__ import annotations

import pytest

from purgequiz.learn.records import DayCounts
from purgequiz.store.schema import check_table


def _day(day: str, reviews: int = 3) -> dict:
    return DayCounts(day, reviews=reviews, correct=1).to_dict()


def test_a_month_of_daily_totals_filed_right_passes():
    docs = {day: _day(day) for day in ("2025-03-01", "2025-03-02", "2025-03-31")}
    assert check_table("days/2025-03", docs) == {}


@pytest.mark.parametrize(
    ("key", "doc", "why"),
    [
        ("2025-03-02", _day("2025-03-05"), "are for 2025-03-05"),  # under another day
        ("2025-04-01", _day("2025-04-01"), "are for 2025-04-01"),  # in another month's table
        ("2025-03-03", _day("2025-03-03", reviews=-1), "reviews"),  # a count below zero
        ("2025-03-04", {"v": 1, "day": "not a day"}, "day"),
    ],
)
def test_a_misfiled_or_bad_day_is_the_one_reported(key, doc, why):
    docs = {"2025-03-01": _day("2025-03-01"), key: doc}
    problems = check_table("days/2025-03", docs)
    assert list(problems) == [key]
    assert why in problems[key]
