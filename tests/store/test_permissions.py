"""Files and folders the user may not use: a StoreError naming the file and what to do.

The tests run as root too, where permissions do not stop anything, so the refusals are
simulated by making the one call that would be refused raise PermissionError.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.store.directory import list_profiles
from purgequiz.store.errors import StoreError, file_problem
from purgequiz.store.profile import open_profile
from tests.hostile import refuse, refuse_opening

ADVICE = "check the permissions and owner"


def test_a_lock_file_of_another_user_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the lock file cannot be opened for writing, the error names it and what to do."""
    with open_profile("Anna"):
        pass
    refuse_opening(monkeypatch, "profile.lock")
    with pytest.raises(StoreError) as caught:
        open_profile("Anna")
    message = words.explain(caught.value)
    assert "'Anna' cannot be opened" in message and ADVICE in message
    assert str(paths.profiles_dir() / "_41.nna" / "profile.lock") in message


def test_a_data_folder_that_cannot_be_written_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the profiles folder cannot be made, the error names the folder refused."""

    def mkdir(self: Path, *args, **kwargs) -> None:
        raise refuse(self)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(StoreError) as caught:
        open_profile("Anna")
    assert str(paths.profiles_dir() / "_41.nna") in words.explain(caught.value)
    assert "(permission denied)" in words.explain(caught.value)


def test_an_unreadable_progress_file_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable progress file is named in the error, and the profile is not left locked."""
    with open_profile("Anna") as profile:
        profile.update_settings(daily_goal=40)
    refusing = refuse_opening(monkeypatch, "progress.json")
    with pytest.raises(StoreError) as caught:
        open_profile("Anna")
    assert "progress.json (permission denied)" in words.explain(caught.value)
    refusing[0] = False
    with open_profile("Anna") as profile:  # the lock was released
        assert profile.settings.daily_goal == 40


def test_an_unreadable_profiles_folder_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing a profiles folder that cannot be read gives a StoreError naming it."""
    with open_profile("Anna"):
        pass

    def iterdir(self: Path):
        raise refuse(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    with pytest.raises(StoreError) as caught:
        list_profiles()
    assert f"cannot use {paths.profiles_dir()} (permission denied)" in words.explain(caught.value)


@pytest.mark.parametrize(
    ("code", "advice"),
    [(errno.EROFS, "read-only"), (errno.ENOSPC, "free some disk space"), (errno.EPERM, ADVICE)],
)
def test_file_problems_say_what_to_do(code: int, advice: str) -> None:
    """Each common file error is worded with the file and a next step."""
    message = words.explain(file_problem(OSError(code, os.strerror(code), "/data/progress.json")))
    assert message.startswith("cannot use /data/progress.json (") and advice in message
