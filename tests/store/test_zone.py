"""A new profile's study day follows the computer's time zone, on every platform."""

from __future__ import annotations

import pytest
import tzlocal

from purgequiz.store.profile import open_profile
from purgequiz.store.zone import system_zone


def test_the_zone_named_by_tz_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """TZ names the zone, as on any Unix."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    tzlocal.reload_localzone()  # tzlocal keeps the zone it found first for the process
    try:
        assert system_zone() == "Europe/Berlin"
    finally:
        monkeypatch.delenv("TZ")
        tzlocal.reload_localzone()


def test_the_system_zone_is_asked_of_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without TZ, the platform's own zone is used (on Windows tzlocal translates it)."""
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "America/New_York")
    assert system_zone() == "America/New_York"


@pytest.mark.parametrize("answer", [None, "", "Nowhere/Atlantis"])
def test_a_zone_that_cannot_be_told_is_utc(monkeypatch: pytest.MonkeyPatch, answer) -> None:
    """No zone, or one the zone database does not know, gives UTC rather than an error."""
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: answer)
    assert system_zone() == "UTC"


def test_a_new_profile_takes_the_computer_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile created now has the computer's zone in its settings."""
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Tokyo")
    with open_profile("Anna") as profile:
        assert profile.settings.timezone == "Asia/Tokyo"
