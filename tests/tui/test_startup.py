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


async def test_the_home_screen_builds_its_key_bar_once(clock, monkeypatch) -> None:
    """As the home screen appears (pushed, then its deck list focused), the keys at its foot
    are built once: the second change of bindings leaves the keys shown as they were."""
    from textual.widgets import Footer

    built: list[str] = []
    compose = Footer.compose

    def counted(self):
        if self.screen.id != "_default":
            built.append(type(self.screen).__name__)
        return compose(self)

    monkeypatch.setattr(Footer, "compose", counted)
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("FooterKey")  # the keys are there
        assert built.count("HomeScreen") == 2  # the first, empty one (bindings not yet known)
