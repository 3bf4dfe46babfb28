"""The statistics screen at 80×24, compared with SVG snapshots reviewed by eye: its top (the
answers per day and the cards due), its foot (the wrong choices most picked), after s (the
last 90 days), and a new profile's "nothing yet".

Run ``pytest tests/tui/test_statistics_snapshots.py --snapshot-update`` after a deliberate
change, then look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import Clock, make_app
from tests.tui.statkit import fill
from tests.tui.waiting import press, settle

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _fixed_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "student")


def snapshot(snap_compare, *keys: str) -> bool:
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in ("t", *keys):
            await press(pilot, key)
        await settle(pilot)

    return snap_compare(
        make_app(Clock(), profile="Anna"), terminal_size=SIZE, run_before=run_before
    )


def test_statistics_top(snap_compare) -> None:
    fill(days=40)
    assert snapshot(snap_compare)


def test_statistics_ninety_days(snap_compare) -> None:
    fill(days=40)
    assert snapshot(snap_compare, "s")


def test_statistics_foot(snap_compare) -> None:
    fill(days=40)
    assert snapshot(snap_compare, "end")


def test_statistics_nothing_yet(snap_compare) -> None:
    fill(days=0)
    assert snapshot(snap_compare)
