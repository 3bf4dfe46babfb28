"""The practice screens at 80×24, compared with SVG snapshots that were reviewed by eye (see
tests/tui/test_snapshots.py for how to update them)."""

from __future__ import annotations

import pytest

from purgequiz.learn.records import SessionRecord
from purgequiz.store.profile import open_profile
from tests.tui.conftest import choice_deck, install, rebutted_deck
from tests.tui.test_practice_exam import exam_deck
from tests.tui.test_practice_rounds import events_deck, posts_deck
from tests.tui.test_snapshots import snapshot
from tests.tui.waiting import press


@pytest.fixture(autouse=True)
def _fixed_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "student")


def test_practice_menu(snap_compare) -> None:
    install(choice_deck(3))
    assert snapshot(snap_compare, "p")


def test_cram_choices(snap_compare) -> None:
    install(choice_deck(3))
    install(rebutted_deck())
    assert snapshot(snap_compare, "p", "2")


def test_cram_card(snap_compare) -> None:
    install(choice_deck(3))
    assert snapshot(snap_compare, "p", "2", "enter")


def test_cram_dont_know(snap_compare) -> None:
    install(rebutted_deck())
    assert snapshot(snap_compare, "p", "2", "enter", "0")


def test_exam_setup(snap_compare) -> None:
    install(exam_deck())
    assert snapshot(snap_compare, "p", "3", "enter")


def test_exam_question(snap_compare) -> None:
    install(exam_deck())
    assert snapshot(snap_compare, "p", "3", "enter", "enter")


def test_exam_results(snap_compare) -> None:
    install(exam_deck())

    async def wrong_then_end(pilot) -> None:
        shown = pilot.app.screen.presented
        index = shown.choices.index(shown.card.answer)
        await press(pilot, str((index + 1) % len(shown.choices) + 1), "q")

    assert snapshot(snap_compare, "p", "3", "enter", "enter", then=wrong_then_end)


def test_chronology_feedback(snap_compare) -> None:
    install(events_deck())
    assert snapshot(snap_compare, "p", "4", "enter", "enter")


def test_chronology_results(snap_compare) -> None:
    install(events_deck())
    assert snapshot(snap_compare, "p", "4", "enter", "enter", "enter", "enter", "enter")


def test_match_card(snap_compare) -> None:
    install(posts_deck())
    assert snapshot(snap_compare, "p", "5", "enter", "0", "enter")  # a round made from facts


def test_match_feedback(snap_compare) -> None:
    install(posts_deck())
    assert snapshot(snap_compare, "p", "5", "enter", "0")


def test_challenge_question(snap_compare) -> None:
    install(choice_deck(6))

    async def two_right(pilot) -> None:
        for _ in range(2):
            shown = pilot.app.screen.presented
            await press(pilot, str(shown.choices.index(shown.card.answer) + 1))

    assert snapshot(snap_compare, "p", "6", "enter", then=two_right)


def test_home_with_a_challenge_best(snap_compare) -> None:
    install(choice_deck(3))
    install(rebutted_deck())
    with open_profile("Anna") as profile:
        stamp = "2025-03-10T09:00:00+00:00"
        record = SessionRecord("s", "choice", stamp, stamp, practice="challenge", score=23)
        profile.save_session(record)
    assert snapshot(snap_compare)
