"""The profile lock (filelock's): one purgequiz per profile, freed when its process ends."""

from __future__ import annotations

import signal
import subprocess
import sys

import filelock
import pytest

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.store.errors import ProfileInUse
from purgequiz.store.names import folder_name
from purgequiz.store.profile import open_profile


def test_a_profile_opens_once_until_closed():
    """A second open of an open profile is refused; after close it opens again."""
    with open_profile("Anna"):
        with pytest.raises(ProfileInUse):
            open_profile("Anna")
    open_profile("Anna").close()


def test_lock_of_a_killed_process_needs_no_cleanup(home):
    """A process killed while holding a profile leaves no lock behind."""
    code = (
        "import os; from purgequiz.store.profile import open_profile; "
        "p = open_profile('Anna'); print('open', flush=True); os.kill(os.getpid(), 9)"
    )
    child = subprocess.run(
        [sys.executable, "-c", code],
        env={"PURGEQUIZ_HOME": str(home), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (child.returncode, child.stdout, child.stderr) == (-signal.SIGKILL, "open\n", "")
    open_profile("Anna").close()  # the lock file it held is still there, and takes a new lock


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


@pytest.mark.parametrize("asked", ["Anna Ünal", "anna ünal"])
def test_the_in_use_message_names_the_profile_not_its_folder(asked):
    """A profile in use is named as it is written ("Anna Ünal", however it was asked for),
    never by its folder's encoded name (``_41.nna_20._dc.nal``)."""
    from purgequiz.store.health import check_profile

    folder = folder_name("Anna Ünal")
    with open_profile("Anna Ünal"):
        for attempt in (open_profile, check_profile):
            with pytest.raises(ProfileInUse) as refused:
                attempt(asked)
            message = words.explain(refused.value)
            assert "the profile 'Anna Ünal' is open in another purgequiz" in message
            assert folder not in message and "_41" not in message
