"""Damaged progress exports through `progress import`, then every profile used again."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import fuzz_settings, kept_promises
from tests.fuzz.shapes import SHAPES


@pytest.mark.slow
@fuzz_settings(120)
@given(rng=st.randoms(use_true_random=False))
def test_damaged_progress_exports(sandbox, rng):
    """Whatever is done to an export, importing it succeeds or fails with a plain error naming
    the file, the file is left as it was, nothing is written outside the data folder, and
    every profile can then be exported, opened and studied."""
    report = SHAPES["exports"].attempt(rng, sandbox)
    assert kept_promises(report)
