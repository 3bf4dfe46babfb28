"""Shared test set-up: every test gets its own purgequiz data folder."""

from __future__ import annotations

import pytest


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
