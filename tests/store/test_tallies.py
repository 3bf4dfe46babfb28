"""The review log's tally kept for the statistics: always that of the whole log as it stands,
with the months that did not change read from the kept file, not from the log."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

import pytest
from deckkit import plain_deck

from purgequiz.learn.session import StudySession
from purgequiz.learn.tally import tally_reviews
from purgequiz.store import tallies
from purgequiz.store.profile import open_profile
from purgequiz.store.transfer import export_profile, import_into

START = datetime.fromisoformat("2025-01-02T09:00:00+00:00")


def answer(profile, count: int, now: datetime, wrong_every: int = 3) -> None:
    """``count`` answers on the day of ``now``, every ``wrong_every``-th one wrong."""
    session = StudySession(plain_deck(20), profile, now, random.Random(now.month))
    for number in range(count):
        shown = session.next_card(now)
        given = "Nobody at all" if number % wrong_every == 0 else shown.card.answer
        session.answer(given, now, 3000)
        now += timedelta(seconds=20)


def study(name: str, month: int, count: int = 6) -> None:
    with open_profile(name) as profile:
        answer(profile, count, START.replace(month=month))


def whole_log(profile) -> dict:
    return tally_reviews(r.to_dict() for r in profile.reviews()).to_dict()


@pytest.fixture
def read_months(monkeypatch):
    """The months whose sealed file the tally reads (rather than the kept file)."""
    read: list[str] = []
    real = tallies._sealed_tally

    def reading(path, month):
        read.append(month)
        return real(path, month)

    monkeypatch.setattr(tallies, "_sealed_tally", reading)
    return read


def test_the_tally_is_that_of_the_whole_log_sealed_or_not():
    """With sealed months, and answers of this month and a new one still in the journal, the
    tally is the one counted from every review of the log."""
    for month in (1, 2, 3):
        study("Anna", month)
    with open_profile("Anna") as profile:
        answer(profile, 5, START.replace(month=3, day=20))
        answer(profile, 4, START.replace(month=4))
        assert profile.review_tally().to_dict() == whole_log(profile)
    with open_profile("Anna") as profile:
        tally = profile.review_tally()
        assert tally.to_dict() == whole_log(profile)
        assert sum(answers for answers, _ in tally.cards.values()) == 6 * 3 + 5 + 4
        assert tally.picks  # wrong choices were picked


def test_months_that_did_not_change_are_not_read_again(read_months):
    """Once kept, the older months are not read again; after more study only the newest
    month is, and when a month begins the one before is taken from what was kept."""
    for month in (1, 2, 3):
        study("Anna", month)
    with open_profile("Anna") as profile:
        profile.review_tally()
    assert sorted(read_months) == ["2025-01", "2025-02", "2025-03"]
    read_months.clear()
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert read_months == []
    study("Anna", 3)  # more answers in March, sealed at close
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert read_months == ["2025-03"]
    read_months.clear()
    study("Anna", 4)  # April begins: March is an older month now
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert read_months == ["2025-04"]


def test_an_older_month_changed_by_an_import_is_counted_again(read_months):
    """Reviews imported into an older month change its sealed file: the older months are
    counted again (the newest, unchanged, is not), and the tally is that of the whole log."""
    for month in (1, 2, 3):
        study("Anna", month)
    with open_profile("Anna") as profile:
        profile.review_tally()
    with open_profile("Other") as other:
        answer(other, 3, START.replace(hour=15))
        data = export_profile(other)
    with open_profile("Anna") as profile:
        import_into(profile, data)
    read_months.clear()
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert sorted(read_months) == ["2025-01", "2025-02"]


@pytest.mark.parametrize("content", [b"{not json", b'{"v": 1, "base": {"months": 3}}', b"[]"])
def test_a_damaged_kept_file_is_counted_again_and_written_anew(content):
    """A kept file that is not JSON, or not of the right shape, is left aside: the tally is
    counted from the log, right, and a good file is written in its place."""
    for month in (1, 2):
        study("Anna", month)
    with open_profile("Anna") as profile:
        kept = profile.path / tallies.TALLIES_FILE
        kept.write_bytes(content)
        assert profile.review_tally().to_dict() == whole_log(profile)
        assert sorted(json.loads(kept.read_bytes())["base"]["months"]) == ["2025-01"]


def test_a_damaged_month_is_read_through_the_storage_which_reports_it():
    """A sealed month damaged in the middle (its size unchanged, so that opening does not read
    it) is not counted from its file but read as the storage reads it: its damage is kept
    aside and reported, and the tally is that of what was recovered."""
    for month in (1, 2, 3):
        study("Anna", month, count=15)
    with open_profile("Anna") as profile:
        sealed = profile.path / "reviews" / "2025-02.z"
    original = sealed.read_bytes()
    middle = len(original) // 2
    sealed.write_bytes(original[:middle] + bytes(40) + original[middle + 40 :])
    with open_profile("Anna") as profile:
        assert profile.recovered == ()  # not read yet
        tally = profile.review_tally()
        assert [r.file for r in profile.recovered] == [sealed]
        assert tally.to_dict() == whole_log(profile)


def test_the_kept_file_is_never_written_through_a_link(tmp_path):
    """A link in place of the kept file is neither followed nor replaced: the file it points
    to stays as it was, and the tally is counted from the log."""
    study("Anna", 1)
    outside = tmp_path / "outside.json"
    outside.write_text("untouched", encoding="utf-8")
    with open_profile("Anna") as profile:
        kept = profile.path / tallies.TALLIES_FILE
        kept.symlink_to(outside)
        assert profile.review_tally().to_dict() == whole_log(profile)
        assert kept.is_symlink()
    assert outside.read_text(encoding="utf-8") == "untouched"
