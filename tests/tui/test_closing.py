"""Closing a profile that cannot save: the app ends cleanly and says so, nothing lost."""

from __future__ import annotations

import errno

from purgequiz.store.errors import file_problem
from purgequiz.tui.app import PurgeQuizApp


class _Unsaveable:
    """A profile whose close fails as on a full disk."""

    def close(self) -> None:
        raise file_problem(OSError(errno.ENOSPC, "No space left on device", "/data/progress.json"))


def test_a_close_that_cannot_save_is_kept_for_the_message() -> None:
    """The store's message is kept for the command to print; no exception escapes."""
    app = PurgeQuizApp()
    app.profile = _Unsaveable()
    app.close_profile()
    assert app.close_problems == [
        "cannot use /data/progress.json (no space left on device); free some disk space and try "
        "again"
    ]
