"""Renaming, deleting and restoring profiles: everything kept, nothing done while a profile
is open, nothing outside the data folder, and a kill at any moment leaves one whole profile."""

from __future__ import annotations

import fcntl
import os
import random
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from deckkit import plain_deck

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.learn.session import StudySession
from purgequiz.store.directory import RENAMED, find_profile, list_profiles
from purgequiz.store.errors import ProfileInUse, ProfileNameError, ProfileNotFound
from purgequiz.store.last import last_profile, remember
from purgequiz.store.manage import (
    KEEP_DAYS,
    delete_profile,
    deleted_profiles,
    remove_expired,
    rename_profile,
    restore_profile,
)
from purgequiz.store.profile import open_profile

HERE = Path(__file__).resolve().parent
NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def give_progress(name: str = "Anna", answers: int = 3) -> None:
    """``name`` answers a few cards and sets her daily goal to 55."""
    now = NOW
    with open_profile(name) as profile:
        assert profile.update_settings(daily_goal=55) == []
        session = StudySession(plain_deck(5), profile, now, random.Random(1))
        for _ in range(answers):
            shown = session.next_card(now)
            session.answer(shown.card.answer, now, 3000)
            now += timedelta(seconds=10)


def assert_progress(name: str, answers: int = 3) -> None:
    """The profile ``name`` holds what :func:`give_progress` gave it."""
    with open_profile(name, create=False) as profile:
        assert profile.display_name == name
        assert len(list(profile.reviews())) == answers
        assert len(profile.card_states()) == answers
        assert profile.settings.daily_goal == 55


def everything_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*")}


# -- renaming ------------------------------------------------------------------------------


def test_a_rename_keeps_progress_and_settings(home) -> None:
    """A renamed profile opens under its new name with all its answers and settings, and the
    old name no longer finds it."""
    give_progress()
    renamed = rename_profile("Anna", "Anna Ünal")
    assert renamed.name == "Anna Ünal"
    assert [info.name for info in list_profiles()] == ["Anna Ünal"]
    assert_progress("Anna Ünal")
    assert find_profile("Anna") is None
    assert not (renamed.path / RENAMED).exists()


def test_a_rename_updates_the_last_profile_used() -> None:
    """When the last profile used is the one renamed, it becomes the new name; another
    profile's rename leaves it alone."""
    open_profile("Anna").close()
    open_profile("Boris").close()
    remember("anna")  # as it was typed
    rename_profile("Boris", "Borya")
    assert last_profile() == "anna"
    rename_profile("Anna", "Anya")
    assert last_profile() == "Anya"


def test_only_the_capitals_of_a_name_can_change() -> None:
    """ "anna" can be renamed "Anna": the new name stands for the same profile, so it is free."""
    give_progress("anna")
    rename_profile("anna", "Anna")
    assert [info.name for info in list_profiles()] == ["Anna"]
    assert_progress("Anna")


@pytest.mark.parametrize("new", ["Boris", "boris", " BORIS "])
def test_a_rename_onto_another_profile_is_refused(new: str) -> None:
    """A new name that is another profile's, or differs from it only in capitals or spacing,
    is refused and nothing changes."""
    give_progress("Anna")
    open_profile("Boris").close()
    with pytest.raises(ProfileNameError) as raised:
        rename_profile("Anna", new)
    assert re.search("there is already a profile 'Boris'", words.explain(raised.value))
    assert [info.name for info in list_profiles()] == ["Anna", "Boris"]
    assert_progress("Anna")


@pytest.mark.parametrize("new", ["", "   ", "\u200b", "a\x07b", "x" * 201])
def test_a_rename_to_an_unusable_name_is_refused(new: str) -> None:
    """The new name passes the checks a new profile's does."""
    open_profile("Anna").close()
    with pytest.raises(ProfileNameError):
        rename_profile("Anna", new)
    assert [info.name for info in list_profiles()] == ["Anna"]


def test_a_rename_of_a_missing_profile_says_so() -> None:
    """Renaming a profile that does not exist names it and changes nothing."""
    with pytest.raises(ProfileNotFound) as raised:
        rename_profile("Vera", "Vera K.")
    assert re.search("there is no profile 'Vera'", words.explain(raised.value))
    assert list_profiles() == []


@pytest.mark.parametrize("change", ["rename", "delete"])
def test_a_profile_open_elsewhere_is_not_changed(change: str) -> None:
    """While another purgequiz has the profile open, it is neither renamed nor deleted, and
    the store's message says so by the profile's name."""
    give_progress()
    with open_profile("Anna"):
        with pytest.raises(ProfileInUse) as raised:
            if change == "rename":
                rename_profile("Anna", "Bella")
            else:
                delete_profile("Anna", NOW)
        assert re.search(
            "the profile 'Anna' is open in another purgequiz", words.explain(raised.value)
        )
    assert [info.name for info in list_profiles()] == ["Anna"]
    assert deleted_profiles() == []
    assert_progress("Anna")


# -- deleting and restoring ------------------------------------------------------------------


def test_a_deleted_profile_is_kept_in_the_data_folder_and_restored(home) -> None:
    """Deleting moves the profile's folder, whole, into the deleted profiles' folder inside the
    data folder; restoring brings it back with everything it held."""
    give_progress()
    folder = find_profile("Anna").path
    files = everything_under(folder)
    deleted = delete_profile("anna", NOW)
    assert deleted.name == "Anna"
    assert deleted.path.parent == paths.deleted_profiles_dir()
    assert paths.deleted_profiles_dir().parent == home
    assert everything_under(deleted.path) == files
    assert list_profiles() == [] and find_profile("Anna") is None
    assert [d.name for d in deleted_profiles()] == ["Anna"]
    assert deleted.kept_until == NOW + timedelta(days=KEEP_DAYS)
    assert {p.name for p in home.iterdir()} == {"profiles", "deleted-profiles"}
    restored = restore_profile("anna")
    assert restored.name == "Anna"
    assert deleted_profiles() == []
    assert_progress("Anna")


def test_a_restore_never_replaces_a_profile() -> None:
    """When a profile of the deleted one's name was made meanwhile, the restore is refused;
    restored under another name, it keeps all it held."""
    give_progress()
    delete_profile("Anna", NOW)
    open_profile("ANNA").close()
    with pytest.raises(ProfileNameError) as raised:
        restore_profile("Anna")
    assert re.search("there is already a profile 'ANNA'", words.explain(raised.value))
    restore_profile("Anna", "Anna (2024)")
    assert [info.name for info in list_profiles()] == ["ANNA", "Anna (2024)"]
    assert_progress("Anna (2024)")


def test_the_newest_of_several_deleted_copies_is_restored() -> None:
    """A name deleted twice restores its latest copy; the older one stays deleted."""
    give_progress(answers=1)
    delete_profile("Anna", NOW)
    give_progress(answers=2)
    delete_profile("Anna", NOW)  # the same second: kept apart all the same
    restore_profile("Anna")
    assert_progress("Anna", answers=2)
    assert [d.name for d in deleted_profiles()] == ["Anna"]


def test_restoring_what_was_not_deleted_says_what_can_be() -> None:
    """Restoring a name that was not deleted names the deleted profiles there are."""
    open_profile("Boris").close()
    delete_profile("Boris", NOW)
    with pytest.raises(ProfileNotFound) as raised:
        restore_profile("Vera")
    assert re.search("no deleted profile 'Vera'.*'Boris'", words.explain(raised.value))


def test_deleted_profiles_are_removed_after_the_days_they_are_kept() -> None:
    """A deleted profile stays restorable for KEEP_DAYS days, and then is removed for good."""
    open_profile("Anna").close()
    open_profile("Boris").close()
    delete_profile("Anna", NOW)
    delete_profile("Boris", NOW + timedelta(days=10))
    later = NOW + timedelta(days=KEEP_DAYS)
    assert [d.days_left(later - timedelta(seconds=1)) for d in deleted_profiles()] == [11, 1]
    removed, problems = remove_expired(later - timedelta(seconds=1))
    assert removed == [] and problems == []
    removed, problems = remove_expired(later)
    assert [d.name for d in removed] == ["Anna"] and problems == []
    assert [d.name for d in deleted_profiles()] == ["Boris"]
    assert not removed[0].path.exists()


def test_a_profile_moved_while_its_lock_is_taken_is_not_opened_there(monkeypatch) -> None:
    """A profile deleted between another purgequiz finding its lock file and locking it is not
    opened in its deleted folder: the opener looks again and finds no profile."""
    give_progress()
    real = fcntl.flock
    deleted = []

    def flock_after_deleting(fd, operation):
        if operation & fcntl.LOCK_EX and not deleted:
            deleted.append(None)
            deleted[0] = delete_profile("Anna", NOW)
        return real(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock_after_deleting)
    with pytest.raises(ProfileNotFound):
        open_profile("Anna", create=False)
    files = everything_under(deleted[0].path)
    with open_profile("Anna") as fresh:  # asked to create it: a new, empty profile
        assert fresh.path != deleted[0].path and len(fresh.card_states()) == 0
    assert everything_under(deleted[0].path) == files


# -- a kill at any moment ---------------------------------------------------------------------


def _killed_at(home: Path, operation: str, count: int) -> bool:
    """Run the operation in a child killed after its ``count``th change to the disk; whether
    it was killed (False: it finished first)."""
    child = subprocess.run(
        [sys.executable, str(HERE / "killmanage.py"), operation, str(count)],
        env={**os.environ, "PURGEQUIZ_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    if child.returncode == 0:
        assert child.stdout == "done\n", child.stderr
        return False
    assert child.returncode == -signal.SIGKILL, child.stderr
    return True


@pytest.mark.slow
@pytest.mark.parametrize("operation", ["rename", "delete", "restore"])
def test_a_kill_at_any_moment_leaves_one_whole_profile(
    tmp_path, monkeypatch, operation: str
) -> None:
    """Killed after any one of its changes to the disk, a rename, deletion or restore leaves
    the profile whole under its old or its new name (or deleted), never both or neither;
    its next opening finishes what was left, and nothing is left behind."""
    old, new = ("Anna", "Bella") if operation != "delete" else ("Anna", None)
    outcomes = set()
    for count in range(1, 60):
        home = tmp_path / f"{operation}-{count}"
        monkeypatch.setenv("PURGEQUIZ_HOME", str(home))
        give_progress()
        if operation == "restore":
            delete_profile("Anna", NOW)
        killed = _killed_at(home, operation, count)
        listed = [info.name for info in list_profiles()]
        gone = [d.name for d in deleted_profiles()]
        if listed == [] and gone == ["Anna"]:  # deleted, or not yet restored
            outcomes.add("deleted")
            restore_profile("Anna", new)
            listed = [new or old]
        else:
            assert listed in ([old], [new]) and gone == [], (count, listed, gone)
            outcomes.add(listed[0])
        assert_progress(listed[0])
        assert not list(home.rglob(RENAMED)), count
        assert [info.name for info in list_profiles()] == listed
        if not killed:
            break
    else:
        pytest.fail(f"{operation} was still being killed after 59 changes")
    expected = {
        "rename": {"Anna", "Bella"},
        "delete": {"Anna", "deleted"},
        "restore": {"deleted", "Bella"},
    }
    assert outcomes == expected[operation]
