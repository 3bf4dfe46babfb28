"""Shared test set-up: every test gets its own purgequiz data folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point PURGEQUIZ_HOME at a fresh folder so no test touches a real user's data."""
    home = tmp_path_factory.mktemp("purgequiz-home")
    monkeypatch.setenv("PURGEQUIZ_HOME", str(home))
    return home
