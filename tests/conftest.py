"""Shared test set-up: every test gets its own purgequiz data folder."""

from __future__ import annotations

import os

import pytest

# One thread of arithmetic per test process: the suite already runs one process per core
# (pytest-xdist), and torch's fit (tests/commands/test_optimize.py, and the benchmark script it
# starts) would otherwise start a second thread per process that waits by spinning, slowing the
# fit and the other process beside it. Read by torch as it is imported, so set before.
os.environ.setdefault("OMP_NUM_THREADS", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: with the suite spread over workers, none is left to run alone at
    the end (the order of the others is kept)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point PURGEQUIZ_HOME at a fresh folder so no test touches a real user's data.

    LANGUAGE=C keeps argparse's messages in English, as the tests read them, whatever the
    machine's own language; it also spares every ``main()`` call a search of the locale
    folders for a translation of each of argparse's strings (gettext caches no miss, and the
    parser is built afresh for each call: about half of the 4 ms a call spends building it).
    """
    home = tmp_path_factory.mktemp("purgequiz-home")
    monkeypatch.setenv("PURGEQUIZ_HOME", str(home))
    monkeypatch.setenv("LANGUAGE", "C")
    return home
