"""Files the app may not use: the reason, naming the file, on screen or after it; no crash.

Permissions do not stop root, so each refusal is simulated where the file would be refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.store.profile import Profile, open_profile
from purgequiz.tui.screens.profile import ProfileScreen
from tests.hostile import refuse, refuse_opening
from tests.tui.conftest import make_app, screen_text, settle


def shown(app) -> str:
    return "".join(screen_text(app).split())


async def test_a_lock_file_that_cannot_be_opened_is_shown(clock, monkeypatch) -> None:
    """A profile whose lock file is not ours stays on the profile screen, naming the file."""
    with open_profile("Anna"):
        pass
    refuse_opening(monkeypatch, "profile.lock")
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen) and app.is_running
        text = shown(app)
        assert "profile.lock(permissiondenied)" in text and "checkthepermissions" in text


async def test_a_profiles_folder_that_cannot_be_read_is_shown(clock, monkeypatch) -> None:
    """When the known profiles cannot be listed, the profile screen says why, naming the
    folder, and a name can still be typed."""
    with open_profile("Anna"):
        pass
    folder = paths.profiles_dir()

    def iterdir(self: Path):
        raise refuse(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    app = make_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen) and app.is_running
        text = shown(app)
        assert "cannotbelisted" in text and "".join(str(folder).split()) in text


@pytest.mark.parametrize("profile", ["Anna", None])
async def test_a_profile_that_cannot_be_closed_is_reported(clock, monkeypatch, profile) -> None:
    """A progress file that cannot be tidied at the end does not crash the app on its way
    out: the reason, naming the file, is kept for the command to print."""
    close = Profile.close

    def failing_close(self) -> None:
        close(self)
        raise refuse(self.path / ".progress.json.tmp")

    monkeypatch.setattr(Profile, "close", failing_close)
    monkeypatch.setenv("USER", "Vera")  # the name offered on the profile screen
    app = make_app(clock, profile=profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        if profile is None:
            await pilot.press("enter")
            await settle(pilot)
        assert app.profile is not None
        await pilot.press("q")
        await settle(pilot)
    assert len(app.close_problems) == 1
    assert ".progress.json.tmp (permission denied)" in app.close_problems[0]
    monkeypatch.setattr(Profile, "close", close)
    with open_profile(profile or "Vera"):
        pass  # and its lock was released
