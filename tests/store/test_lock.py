"""The profile lock: one purgequiz per profile, compatible with filelock's lock of the file."""

from __future__ import annotations

import os

import filelock
import pytest

from purgequiz import paths
from purgequiz.store import ProfileInUse, open_profile
from purgequiz.store.names import folder_name


def test_a_profile_opens_once_until_closed():
    """A second open of an open profile is refused; after close it opens again."""
    with open_profile("Anna"):
        with pytest.raises(ProfileInUse):
            open_profile("Anna")
    open_profile("Anna").close()


@pytest.mark.skipif(os.name != "posix", reason="on POSIX the store locks without filelock")
def test_the_lock_excludes_and_is_excluded_by_filelock():
    """A purgequiz that locks the file with filelock and this one exclude each other."""
    open_profile("Anna").close()
    lock_file = paths.profiles_dir() / folder_name("Anna") / "profile.lock"
    other = filelock.FileLock(str(lock_file), timeout=0, thread_local=False)
    with other:
        with pytest.raises(ProfileInUse):
            open_profile("Anna")
    with open_profile("Anna"):
        with pytest.raises(filelock.Timeout):
            other.acquire(timeout=0)
