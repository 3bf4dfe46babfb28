"""Fixtures of the `purgequiz serve` tests: a headless Chromium, servers stopped at the end of
each test (what they printed is shown when it fails), and a profile to study on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from purgequiz.store.directory import find_profile
from purgequiz.store.profile import open_profile
from tests.web.chromium import Chromium
from tests.web.server import Server


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Chromium]:
    chromium = Chromium(tmp_path / "chromium")
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    """Start ``purgequiz serve`` with the options given; each server started is stopped (as
    Ctrl+C stops it) when the test ends, and must then leave no process running and exit 0."""
    servers: list[Server] = []

    def start(*options: str) -> Server:
        servers.append(Server(*options))
        return servers[-1]

    yield start
    for server in servers:
        code = server.stop()
        print(f"purgequiz serve {' '.join(server.options)} printed:\n{server.output()}")
        assert code == 0
        assert "Traceback" not in server.output()


@pytest.fixture
def anna() -> Path:
    """Anna's profile, made in the test's PURGEQUIZ_HOME; its folder."""
    open_profile("Anna").close()
    found = find_profile("Anna")
    assert found is not None
    return found.path
