"""Profiles written in earlier formats open whole, and sealed months read back exactly."""

import json
import os
import random
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from deckkit import plain_deck
from test_profile import study

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.learn.session import StudySession
from purgequiz.store import storage as storage_module
from purgequiz.store.names import folder_name
from purgequiz.store.profile import open_profile
from purgequiz.store.transfer import import_into

FORMAT_1 = Path(__file__).parent / "data" / "format-1"


def _install_format_1() -> Path:
    folder = paths.profiles_dir() / folder_name("Old Release")
    shutil.copytree(FORMAT_1, folder, ignore=shutil.ignore_patterns("*.txt", "*.md"))
    return folder


def test_a_profile_written_in_the_first_format_opens_whole():
    """Every answer of a 0.1.0 profile, its journal included, is there after opening, after
    the first close (which rewrites it in the current format) and after opening again."""
    folder = _install_format_1()
    expected = (FORMAT_1 / "review-ids.txt").read_text().split()
    for _ in range(2):
        with open_profile("Old Release") as profile:
            assert profile.recovered == ()
            assert sorted(r.id for r in profile.reviews()) == sorted(expected)
            assert [d.reviews for d in profile.days()] == [5, 6, 7, 3]
            assert [f["id"] for f in profile.flags()] == ["flag-1"]
            assert len(profile.card_states()) == 10
    names = sorted(p.name for p in (folder / "reviews").iterdir())
    assert names == ["2025-01.z", "2025-02.z", "2025-03.z"]
    assert json.loads((folder / "progress.json").read_bytes())["version"] == 2


def _three_months() -> list[str]:
    ids = []
    for month in (1, 2, 3):
        ids += study("Anna", 4, now=study_moment(month))
    return ids


def study_moment(month: int):
    from test_profile import NOW

    return NOW.replace(month=month, day=2)


def test_months_are_sealed_and_read_back_exactly():
    """Every month of the log is sealed at close, and each review reads back as it was."""
    ids = _three_months()
    with open_profile("Anna") as profile:
        before = [r.to_dict() for r in profile.reviews()]
        folder = profile.path
    assert sorted(p.name for p in (folder / "reviews").iterdir()) == [
        "2025-01.z",
        "2025-02.z",
        "2025-03.z",
    ]
    with open_profile("Anna") as profile:
        assert profile.recovered == ()
        assert [r.to_dict() for r in profile.reviews()] == before
        assert sorted(r["id"] for r in before) == sorted(ids)
        assert [r.id for r in profile.reviews("2025-01-02")] == ids[:4]


def _answer_many(name: str, count: int, now) -> None:
    """``count`` answers on one day, from a deck large enough to have them."""
    with open_profile(name) as profile:
        session = StudySession(plain_deck(60), profile, now, random.Random(2))
        for _ in range(count):
            shown = session.next_card(now)
            session.answer(shown.card.answer, now, 3000)
            now += timedelta(seconds=10)


def test_a_damaged_sealed_month_is_kept_and_its_good_reviews_recovered():
    """A sealed month cut short is set aside untouched, the reviews before the damage are
    kept, and the next opening finds nothing wrong."""
    study("Anna", 4, now=study_moment(1))
    _answer_many("Anna", 40, study_moment(2))
    study("Anna", 4, now=study_moment(3))
    with open_profile("Anna") as profile:
        sealed = profile.path / "reviews" / "2025-02.z"
    original = sealed.read_bytes()
    sealed.write_bytes(original[: len(original) * 2 // 3])
    with open_profile("Anna") as profile:
        january = len(list(profile.reviews("2025-01-02")))
        list(profile.reviews())  # reads every month
        (recovery,) = profile.recovered
        assert str(sealed) in words.recovery(recovery) and "recovered" in words.recovery(recovery)
        assert recovery.kept_as.read_bytes() == original[: len(original) * 2 // 3]
        kept = len(list(profile.reviews("2025-02-02")))
        assert january == 4 and 0 < kept < 40
    with open_profile("Anna") as profile:
        assert profile.recovered == ()
        assert len(list(profile.reviews("2025-02-02"))) == kept


def test_a_change_to_a_sealed_month_is_kept_and_sealed_again():
    """Reviews imported into a sealed month are read with it, and sealed in at the next close."""
    _three_months()
    study("Other", 2, now=study_moment(1).replace(hour=15))
    from purgequiz.store.transfer import export_profile

    with open_profile("Other") as other:
        data = export_profile(other)
    with open_profile("Anna") as profile:
        import_into(profile, data)
        assert len(list(profile.reviews("2025-01-02"))) == 6
        folder = profile.path
    assert not (folder / "reviews" / "2025-01.jsonl").exists()
    with open_profile("Anna") as profile:
        assert profile.recovered == ()
        assert len(list(profile.reviews("2025-01-02"))) == 6


class _Stop(BaseException):
    """Stands for a kill at one exact moment."""


@pytest.mark.parametrize("moment", ["before the removal", "before the snapshot"])
def test_sealing_stopped_midway_loses_nothing(monkeypatch, moment):
    """A first compaction of a 0.1.0 profile stopped after a month's sealed file was written
    (before its open file was removed, or after but before the snapshot) leaves a profile that
    opens whole and unharmed."""
    folder = _install_format_1()
    expected = (FORMAT_1 / "review-ids.txt").read_text().split()
    profile = open_profile("Old Release")
    real_write = storage_module.write_atomic

    def stop_unlink(path, *args, **kwargs):
        raise _Stop

    def stop_snapshot(path, data):
        if path.name == "progress.json":
            raise _Stop
        real_write(path, data)

    with monkeypatch.context() as patch:
        if moment == "before the removal":
            patch.setattr(storage_module.os, "unlink", stop_unlink)
        else:
            patch.setattr(storage_module, "write_atomic", stop_snapshot)
        with pytest.raises(_Stop):
            profile.storage.compact()
        os.close(profile.storage._journal)  # the process ends here
        profile.storage._journal = None
        profile.close()
    assert (folder / "reviews" / "2025-01.z").exists()
    assert (folder / "reviews" / "2025-01.jsonl").exists() == (moment == "before the removal")
    with open_profile("Old Release") as again:
        assert again.recovered == ()
        assert sorted(r.id for r in again.reviews()) == sorted(expected)
