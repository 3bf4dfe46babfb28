"""Closing a profile that cannot save: the app ends cleanly and says so, nothing lost."""

from __future__ import annotations

from purgequiz.store.errors import StoreError
from purgequiz.tui.app import PurgeQuizApp


class _Unsaveable:
    """A profile whose close fails as on a full disk."""

    def close(self) -> None:
        raise StoreError("could not write /data/progress.json: No space left on device")


def test_a_close_that_cannot_save_is_kept_for_the_message() -> None:
    """The store's message is kept for the command to print; no exception escapes."""
    app = PurgeQuizApp()
    app.profile = _Unsaveable()
    app.close_profile()
    assert app.close_problems == ["could not write /data/progress.json: No space left on device"]
