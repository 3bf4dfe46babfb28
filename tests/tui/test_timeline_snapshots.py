"""The timeline at 80×24: the axis, the successions, the conflicting accounts and a fact's
page, compared with SVG snapshots that were reviewed by eye (see test_snapshots.py)."""

from __future__ import annotations

import pytest

from purgequiz import paths
from tests.tui.conftest import Clock, make_app, press, settle
from tests.tui.test_timeline import SHIPPED_DECKS

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _fixed_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "student")


def snapshot(snap_compare, *keys: str, then=None) -> bool:
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await press(pilot, key)
        if then is not None:
            await then(pilot)
        await settle(pilot)

    app = make_app(Clock(), profile="Anna")
    return snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_timeline_axis(snap_compare) -> None:
    """The axis from its start: the years, a month, the dates as the sources give them."""
    assert snapshot(snap_compare, "l", "]", "]", "]", "down", "down", "down")


def test_timeline_successions(snap_compare) -> None:
    assert snapshot(snap_compare, "l", "2")


def test_timeline_accounts(snap_compare) -> None:
    assert snapshot(snap_compare, "l", "3")


def test_timeline_fact_page(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beria's start in Moscow, with the cards of the shipped decks made from it."""
    monkeypatch.setattr(paths, "bundled_decks_dir", lambda: SHIPPED_DECKS)

    async def beria(pilot) -> None:
        listed = pilot.app.screen.query_one("#axis-list")
        while listed.fact_id != "ch7-beria-starts-moscow":
            await press(pilot, "down")
        await press(pilot, "enter")

    assert snapshot(snap_compare, "l", then=beria)
