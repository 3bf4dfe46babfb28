"""Answers in practice in the store: a profile with them is healthy, exports and imports, and
rebuilds its card states without them when its snapshot is lost."""

import json
import random
from datetime import UTC, datetime, timedelta

import pytest
from deckkit import plain_deck

from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.session import StudySession
from purgequiz.store.health import check_profile, repair_profile
from purgequiz.store.profile import open_profile
from purgequiz.store.schema import Invalid, check_document
from purgequiz.store.transfer import check_export, export_profile, import_into

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def study_then_practise(name: str) -> bytes:
    """Three cards studied, then every card of the deck (seven never studied) practised;
    returns the stored card states."""
    deck = plain_deck(10)
    with open_profile(name) as profile:
        profile.update_settings(fuzzing=False, timezone="UTC")
        study = StudySession(deck, profile, NOW, random.Random(1))
        for second in range(3):
            shown = study.next_card(NOW)
            study.answer(shown.card.answer, NOW + timedelta(seconds=second), 2000)
        practice = PracticeSession(deck, profile, NOW + timedelta(hours=1), random.Random(2))
        now = NOW + timedelta(hours=1)
        while (shown := practice.next_card(now)) is not None:
            practice.answer(shown.card.answer, now, 2000)
            now += timedelta(seconds=5)
        practice.summary(now)
        return json.dumps(export_profile(profile)["cards"]).encode()


def test_a_profile_with_practice_on_unstudied_cards_is_healthy():
    """Practice on cards never studied (so without a state) is no disagreement, and a
    repair changes nothing of the states."""
    states = study_then_practise("Anna")
    health = check_profile("Anna")
    assert health.healthy, health.problems
    assert health.reviews == 13
    repair_profile("Anna")
    with open_profile("Anna") as profile:
        assert json.dumps(export_profile(profile)["cards"]).encode() == states


def test_an_export_with_practice_imports():
    """An export holding practice on cards without a state is valid and imports whole, the
    practice marks kept."""
    study_then_practise("Anna")
    with open_profile("Anna") as profile:
        exported = json.loads(json.dumps(export_profile(profile)))
    check_export(exported)
    with open_profile("Ben") as other:
        report = import_into(other, exported)
        assert report.reviews == 13
        assert sum(r.practice for r in other.reviews()) == 10
        assert len(other.card_states()) == 3


def test_a_lost_snapshot_is_rebuilt_without_the_practice():
    """When the snapshot is lost, card states come back from the study in the log only: the
    practice gives no card a state."""
    states = study_then_practise("Anna")
    with open_profile("Anna") as profile:
        folder = profile.path
    (folder / "progress.json").unlink()
    with open_profile("Anna") as profile:
        assert len(list(profile.reviews())) == 13
        assert json.dumps(export_profile(profile)["cards"]).encode() == states


def test_the_stored_forms_of_practice_are_checked():
    """A review's practice marks, a day's practice count, a session's mode and score and a
    deck's best challenge score are checked as any stored value is."""
    check_document(
        "bests", "bests", {"v": 1, "challenge": {"army": {"points": 12, "at": NOW.isoformat()}}}
    )
    with pytest.raises(Invalid, match="points"):
        check_document(
            "bests", "bests", {"v": 1, "challenge": {"army": {"points": -1, "at": NOW.isoformat()}}}
        )
    with pytest.raises(Invalid, match="practice"):
        check_document("days/2025-03", "2025-03-01", {"v": 1, "day": "2025-03-01", "practice": "x"})
    session = {
        "v": 1,
        "id": "s",
        "deck_id": "d",
        "started_at": NOW.isoformat(),
        "ended_at": NOW.isoformat(),
    }
    check_document("sessions/2025-03", "s", {**session, "practice": "exam", "score": 3})
    with pytest.raises(Invalid, match="score"):
        check_document("sessions/2025-03", "s", {**session, "practice": "exam", "score": -3})
