"""Settings and the sandbox shared by the fuzz tests.

Each test draws its damage from Hypothesis's ``st.randoms()``, derandomized so that every run
makes the same cases; shrinking is off, to keep a failing run short (the report already says
how the file was damaged). ``PURGEQUIZ_FUZZ_EXAMPLES=N`` runs N cases per test instead.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.fuzz.harness import Report, Sandbox

TIMEOUT = 20.0  # seconds a command may run before it counts as a hang


def fuzz_settings(examples: int) -> settings:
    """Reproducible, unshrunk runs of ``examples`` cases (or PURGEQUIZ_FUZZ_EXAMPLES)."""
    return settings(
        max_examples=int(os.environ.get("PURGEQUIZ_FUZZ_EXAMPLES") or examples),
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


@pytest.fixture(scope="session")
def sandbox():
    """One sandbox for the session; each case starts from fresh folders inside it."""
    with Sandbox(timeout=TIMEOUT) as box:
        yield box


def kept_promises(report: Report) -> bool:
    """True, or the test fails with how the input was damaged and what broke, tracebacks in."""
    if report.failures:
        pytest.fail(report.explain(), pytrace=False)
    return True
