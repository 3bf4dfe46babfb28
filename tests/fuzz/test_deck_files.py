"""Damaged deck files through `decks check` and `decks show`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import fuzz_settings, kept_promises
from tests.fuzz.shapes import SHAPES


@pytest.mark.slow
@fuzz_settings(200)
@given(rng=st.randoms(use_true_random=False))
def test_damaged_deck_files(sandbox, rng):
    """Whatever is done to a deck file, each command accepts it or names it in a plain error,
    never raises, prints no raw control character, leaves the file as it was and writes
    nothing outside the data folder."""
    report = SHAPES["decks"].attempt(rng, sandbox)
    assert kept_promises(report)
