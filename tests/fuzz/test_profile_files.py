"""Damaged files in a profile's folder: `progress export`, then opening and studying."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import fuzz_settings, kept_promises
from tests.fuzz.shapes import SHAPES


@pytest.mark.slow
@fuzz_settings(200)
@given(rng=st.randoms(use_true_random=False))
def test_damaged_profile_files(sandbox, rng):
    """Whatever is done to one file of a profile (snapshot, journal, a month of the review
    log, profile.json), exporting and opening it succeed or fail with a plain error, never
    raise, the damaged bytes are kept in the profile's folder, and nothing is written
    outside the data folder."""
    report = SHAPES["profiles"].attempt(rng, sandbox)
    assert kept_promises(report)
