"""The review log's tally kept for the statistics: always that of the whole log as it stands,
with the months that did not change read from the kept file, not from the log."""

from __future__ import annotations

import json
import random
import zlib
from datetime import datetime, timedelta

import pytest
from deckkit import plain_deck

from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.session import StudySession
from purgequiz.learn.tally import COUNTED_FIELDS, tally_reviews, tally_rows
from purgequiz.store import tallies
from purgequiz.store.months import decode_sealed, review_rows
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
    """Closing a profile after study counts the months it sealed and keeps the tally: the
    statistics then read no month; a month is read once, at the close after it changed, and
    when a month begins the one before is taken from what was kept."""
    study("Anna", 1)
    study("Anna", 2)
    assert read_months == ["2025-01", "2025-02"]  # each at the close after its study
    read_months.clear()
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert read_months == []  # nothing read, and nothing changed: nothing counted at close
    study("Anna", 2)  # more answers in February, sealed at close
    assert read_months == ["2025-02"]
    read_months.clear()
    study("Anna", 3)  # March begins: February is an older month now
    assert read_months == ["2025-03"]
    read_months.clear()
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert read_months == []


def test_a_profile_without_a_kept_tally_is_counted_once(read_months):
    """A profile whose tally was never kept (made before it was, or the file removed) is
    counted from every month the first time, and from the kept file after."""
    for month in (1, 2, 3):
        study("Anna", month)
    with open_profile("Anna") as profile:
        (profile.path / tallies.TALLIES_FILE).unlink()
    read_months.clear()
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert sorted(read_months) == ["2025-01", "2025-02", "2025-03"]
    read_months.clear()
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert read_months == []


def test_an_older_month_changed_by_an_import_is_counted_again(read_months):
    """Reviews imported into an older month change its sealed file: the older months are
    counted again (the newest, unchanged, is not), and the tally is that of the whole log."""
    for month in (1, 2, 3):
        study("Anna", month)
    with open_profile("Other") as other:
        answer(other, 3, START.replace(hour=15))
        data = export_profile(other)
    read_months.clear()
    with open_profile("Anna") as profile:
        import_into(profile, data)
    assert sorted(read_months) == ["2025-01", "2025-02"]  # at the close after the import
    read_months.clear()
    with open_profile("Anna") as profile:
        assert profile.review_tally().to_dict() == whole_log(profile)
    assert read_months == []


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
        kept.unlink()  # kept when the profile closed after study
        kept.symlink_to(outside)
        assert profile.review_tally().to_dict() == whole_log(profile)
        assert kept.is_symlink()
    assert outside.read_text(encoding="utf-8") == "untouched"


def test_a_month_is_counted_alike_read_fast_or_checked_review_by_review():
    """Counting a sealed month from its rows alone (the statistics' quick reading) gives the
    tally of the reviews the storage reads from it, answers in practice (written as whole
    objects) among them; a row of a shape it was not written in sends the month to the
    storage's checked reading."""
    with open_profile("Anna") as profile:
        answer(profile, 9, START)
        practice = PracticeSession(plain_deck(20), profile, START, random.Random(1), mode="cram")
        for _ in range(4):
            assert practice.next_card(START) is not None
            practice.answer("Nobody at all", START, 3000)
    raw = (profile.path / "reviews" / "2025-01.z").read_bytes()
    checked = decode_sealed(raw, "2025-01")
    reviews = [doc for table in checked.tables.values() for doc in table.values()]
    assert sum(bool(doc.get("practice")) for doc in reviews) == 4
    rows = review_rows(raw, "2025-01", COUNTED_FIELDS)
    assert rows is not None and len(rows) == 13
    assert tally_rows(rows).to_dict() == tally_reviews(reviews).to_dict()
    lines = zlib.decompress(raw).split(b"\n")
    for odd in (b"42", b"[1, 2]", b'{"day": "2025-02-01"}', b"[1,"):
        damaged = zlib.compress(b"\n".join([*lines[:3], odd, *lines[3:]]))
        assert review_rows(damaged, "2025-01", COUNTED_FIELDS) is None, odd
