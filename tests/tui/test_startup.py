"""Starting the app leaves Python's memory management as it is."""

from __future__ import annotations

import gc

from tests.tui.conftest import choice_deck, install, make_app, settle


async def test_the_garbage_collector_stays_on_while_the_app_starts(clock) -> None:
    """The collector is on while the app is made, while it starts and once home is shown."""
    install(choice_deck(1))
    assert gc.isenabled()
    app = make_app(clock, profile="Anna")
    assert gc.isenabled()
    async with app.run_test(size=(80, 24)) as pilot:
        assert gc.isenabled()
        await settle(pilot)
        assert gc.isenabled()
