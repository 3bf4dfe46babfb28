"""`purgequiz serve` in headless Chromium: each tab runs the study app on the profile, a second
tab on a profile in use is told so and writes nothing, and the page needs nothing from the web.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.store.errors import ProfileInUse
from purgequiz.store.profile import open_profile
from tests.web.server import descendants, wait_for_end

pytestmark = pytest.mark.slow  # a server, its apps and a browser: seconds each

HOME_SCREEN = ("purgequiz · Anna", "Decks", "The army purge")
IN_USE = ("the profile 'Anna' is open in another purgequiz", "close it there first")


def files(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under ``folder``: its size, modification time and a digest of its bytes."""
    return {
        str(path.relative_to(folder)): (
            path.stat().st_size,
            path.stat().st_mtime_ns,
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_tab_studies_the_profile_and_a_second_tab_is_told_it_is_open(
    serve, browser, anna
) -> None:
    """With --profile, a tab shows Anna's home screen (from the test's PURGEQUIZ_HOME: the tab
    holds that profile's lock), fetching nothing but the server's own files; a second tab is
    told that the profile is open elsewhere, and writes nothing in the data folder."""
    server = serve("--profile", "Anna")
    first = browser.open(server.url)
    first.wait_for(*HOME_SCREEN)
    with pytest.raises(ProfileInUse):
        open_profile("Anna")
    fetched = first.requested()
    assert any(url.endswith("/static/js/textual.js") for url in fetched)
    assert all(url.startswith(server.url) for url in fetched), fetched

    data = paths.data_dir()
    before, running = files(data), descendants(server.process.pid)
    assert any(name.startswith(f"profiles/{anna.name}/") for name in before)
    second = browser.open(server.url)
    second.wait_for(*IN_USE)
    assert files(data) == before
    refused = descendants(server.process.pid) - running
    assert refused, "the second tab's app runs in processes of its own"
    second.close()
    assert wait_for_end(refused) == set()  # its app has quit, having written nothing either
    assert files(data) == before
    first.wait_for(*HOME_SCREEN)


def test_keys_typed_in_the_page_reach_the_app(serve, browser, anna) -> None:
    """The page sends keys to the app without a click first: Enter on the home screen starts
    a session of the highlighted deck."""
    server = serve("--profile", "Anna")
    tab = browser.open(server.url)
    tab.wait_for(*HOME_SCREEN)
    tab.press_enter()
    tab.wait_for("The army purge", "0 answered")


def test_stopping_the_server_ends_the_tabs_apps_which_free_the_profile(
    serve, browser, anna
) -> None:
    """Ctrl+C on the server tells each open tab's app to quit: the server exits 0, no process
    of it is left, and the profile is free again."""
    server = serve("--profile", "Anna")
    browser.open(server.url).wait_for(*HOME_SCREEN)
    with pytest.raises(ProfileInUse):
        open_profile("Anna")
    assert server.stop() == 0
    open_profile("Anna").close()


def test_without_a_profile_each_tab_asks_who_is_studying(serve, browser, anna) -> None:
    """Without --profile, a tab opens on the profile chooser, offering the profiles there are."""
    server = serve()
    browser.open(server.url).wait_for("Who is studying?", "Anna")
