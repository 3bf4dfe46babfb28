"""Progress export and import: a round trip keeps everything, settings included."""

from dataclasses import replace

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


def test_an_export_that_lost_an_answered_cards_state_is_refused_whole():
    """A profile keeps a state for every card it answered: an export whose answered card has
    no state (its id damaged, say) is refused, naming the review, and nothing is kept."""
    study("Anna", 3)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
    answered = data["reviews"][0]["card_id"]
    for state in data["cards"]:
        if state["card_id"] == answered:
            state["card_id"] = "0000-00-00"
    with open_profile("Boris") as other:
        with pytest.raises(Invalid, match=f"card '{answered}' was answered, but the export"):
            import_into(other, data)
        assert len(other.card_states()) == 0 and list(other.reviews()) == []


def test_import_twice_adds_nothing():
    """Importing the same file again changes nothing."""
    study("Anna", 3)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
        report = import_into(profile, data)
        assert (report.cards, report.reviews, report.flags) == (0, 0, 0)


def test_a_simulated_student_exports_as_a_profile_on_disk_does():
    """The demo's students study against a profile kept in memory: its export is the one a
    profile on disk gives after the very same study, field by field."""
    import random
    from datetime import UTC, date, datetime

    from deckkit import mixed_deck

    from purgequiz.learn.memory import MemoryProfile
    from purgequiz.learn.simulate import Lesson, Student, simulate, study_days

    student = Student("Anna", 0.8, 15, 0.3, 4000, 1.0, 18.5)
    lesson = Lesson.draw(mixed_deck(), random.Random(0))
    lesson = Lesson(
        lesson.deck, {k: replace(t, looks_wrong=True) for k, t in lesson.traits.items()}
    )
    days = study_days(date(2025, 3, 6), 6)
    ended = datetime(2025, 3, 7, 3, tzinfo=UTC)
    with open_profile("Anna") as profile:
        assert profile.update_settings(timezone="America/New_York") == []
        memory = MemoryProfile("Anna", profile.settings, profile.order_seed)
        simulate(student, lesson, memory, days, random.Random(4))
        simulate(student, lesson, profile, days, random.Random(4))
        on_disk = export_profile(profile, exported_at=ended)
    in_memory = export_profile(memory, exported_at=ended)
    assert in_memory["flags"] and in_memory["reviews"]
    assert in_memory == on_disk


def test_reviews_are_exported_in_the_order_of_the_log_on_disk():
    """Two answers of one study day on either side of midnight UTC come out of a profile kept
    in memory in the order the log on disk gives them."""
    from datetime import UTC, datetime

    from purgequiz.learn.memory import MemoryProfile
    from purgequiz.learn.records import Review
    from purgequiz.learn.scheduler import CardProgress

    def answer(number: int, at: str) -> Review:
        state = CardProgress(f"c{number}")
        return Review(
            f"r{number}", state.card_id, "2025-03-05", at, "choice", 3, True, False, "x", 900,
            True, False, state.to_dict(),
        )  # fmt: skip

    ended = datetime(2025, 3, 7, tzinfo=UTC)
    evening, night = answer(1, "2025-03-05T23:59:00+00:00"), answer(2, "2025-03-06T00:01:00+00:00")
    with open_profile("Anna") as profile:
        memory = MemoryProfile("Anna", profile.settings, profile.order_seed)
        for review in (evening, night):
            profile.record_answer(review, [CardProgress(review.card_id)])
            memory.record_answer(review, [CardProgress(review.card_id)])
        on_disk = export_profile(profile, exported_at=ended)["reviews"]
    assert export_profile(memory, exported_at=ended)["reviews"] == on_disk
