"""The practice screens at 80×24, compared with SVG snapshots that were reviewed by eye (see
tests/tui/test_snapshots.py for how to update them)."""

from __future__ import annotations

import pytest

from tests.tui.conftest import choice_deck, install, rebutted_deck
from tests.tui.test_snapshots import snapshot


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
