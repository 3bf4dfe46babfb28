"""Progress export and import: a round trip keeps everything, settings included."""

import pytest
from test_profile import study

from purgequiz.store.profile import open_profile
from purgequiz.store.schema import Invalid
from purgequiz.store.transfer import export_profile, import_into


def test_round_trip_into_a_new_profile():
    """Exported progress imported into a new profile gives the same states and log."""
    study("Anna", 6)
    with open_profile("Anna") as profile:
        profile.update_settings(new_per_day=7, theme="nord", typed_after_learning=False)
        data = export_profile(profile)
    with open_profile("Boris") as other:
        report = import_into(other, data, take_settings=True)
        assert (report.cards, report.reviews) == (6, 6)
        again = export_profile(other)
    for key in ("cards", "reviews", "days", "settings"):
        assert again[key] == data[key]
    with open_profile("Boris") as other:
        assert (other.settings.theme, other.settings.typed_after_learning) == ("nord", False)


def test_an_export_with_settings_of_another_version_is_refused_whole():
    """Settings of another version are not guessed at: the import is refused, saying why, and
    nothing of it is kept."""
    study("Anna", 2)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
    data["settings"] = data["settings"] | {"v": 1}
    with open_profile("Boris") as other:
        with pytest.raises(Invalid, match="settings: settings of version 1"):
            import_into(other, data, take_settings=True)
        assert len(other.card_states()) == 0 and list(other.reviews()) == []


def test_import_twice_adds_nothing():
    """Importing the same file again changes nothing."""
    study("Anna", 3)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
        report = import_into(profile, data)
        assert (report.cards, report.reviews, report.flags) == (0, 0, 0)
