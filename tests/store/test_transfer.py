"""Progress export and import: a round trip keeps everything, settings included."""

from test_profile import study

from purgequiz.store.profile import open_profile
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


def test_settings_of_an_older_export_are_taken_with_defaults():
    """An export whose settings lack the theme and the switch imports with their defaults."""
    study("Anna", 2)
    with open_profile("Anna") as profile:
        profile.update_settings(new_per_day=7)
        data = export_profile(profile)
    data["settings"] = {
        k: v for k, v in data["settings"].items() if k not in ("theme", "typed_after_learning")
    } | {"v": 1}
    with open_profile("Boris") as other:
        import_into(other, data, take_settings=True)
        settings = other.settings
        assert (settings.new_per_day, settings.theme, settings.typed_after_learning) == (
            7,
            "",
            True,
        )


def test_import_twice_adds_nothing():
    """Importing the same file again changes nothing."""
    study("Anna", 3)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
        report = import_into(profile, data)
        assert (report.cards, report.reviews, report.flags) == (0, 0, 0)
