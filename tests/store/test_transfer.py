"""Progress export and import: a round trip keeps everything."""

from test_profile import study

from purgequiz.store import export_profile, import_into, open_profile


def test_round_trip_into_a_new_profile():
    """Exported progress imported into a new profile gives the same states and log."""
    study("Anna", 6)
    with open_profile("Anna") as profile:
        profile.update_settings(new_per_day=7)
        data = export_profile(profile)
    with open_profile("Boris") as other:
        report = import_into(other, data, take_settings=True)
        assert (report.cards, report.reviews) == (6, 6)
        again = export_profile(other)
    for key in ("cards", "reviews", "days", "settings"):
        assert again[key] == data[key]


def test_import_twice_adds_nothing():
    """Importing the same file again changes nothing."""
    study("Anna", 3)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
        report = import_into(profile, data)
        assert (report.cards, report.reviews, report.flags) == (0, 0, 0)
