"""The key bar (widgets/keys.py): rebuilt once for changes made together, its keys styled
once."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from purgequiz.tui.widgets.keys import KeyBar
from tests.tui.conftest import settle


class Keyed(Screen[None]):
    """A screen offering one of three keys at a time, as its ``offered`` says."""

    BINDINGS = [Binding("a", "a", "first"), Binding("b", "b", "second"), Binding("c", "c", "third")]
    offered = "a"

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action == self.offered if action in "abc" else True


class KeyedApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Keyed())


def _shown(screen: Screen[object]) -> list[str]:
    return [key.key for key in screen.query("FooterKey") if not key.has_class("-command-palette")]


async def test_keys_changed_twice_before_the_bar_is_rebuilt_build_it_once(monkeypatch) -> None:
    """Two changes of the keys in a row (as an answer taken changes the phase, the widgets and
    the focus) rebuild the bar once, with the keys of the last change."""
    built: list[None] = []
    compose = Footer.compose

    def counted(self):
        built.append(None)
        return compose(self)

    app = KeyedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert _shown(screen) == ["a"]
        monkeypatch.setattr(Footer, "compose", counted)
        bar = screen.query_one(KeyBar)
        screen.offered = "b"
        bar.bindings_changed(screen)
        screen.offered = "c"
        bar.bindings_changed(screen)
        await settle(pilot)
        assert _shown(screen) == ["c"]
        assert len(built) == 1


async def test_the_keys_of_a_rebuilt_bar_are_styled_once(monkeypatch) -> None:
    """As the bar is rebuilt, its new keys are styled as they are mounted and not again: they
    are made with the bar's compact setting, not made compact and then changed to it (the
    command palette's key, which Textual keeps compact, is made compact as it is mounted)."""
    restyled: list[str] = []
    update_styles = App.update_styles

    def counted(self, node=None, animate=True) -> None:
        if type(node).__name__ == "FooterKey" and not node.has_class("-command-palette"):
            restyled.append(node.key)
        update_styles(self, node, animate)

    app = KeyedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(App, "update_styles", counted)
        app.screen.offered = "b"
        app.screen.refresh_bindings()
        await settle(pilot)
        assert _shown(app.screen) == ["b"]
        assert restyled == []


async def test_an_answer_rebuilds_the_study_keys_once_and_never_blanks_them(
    clock, monkeypatch
) -> None:
    """An answer taken, then the next card, each rebuild the key bar once: the moment the
    answer is being saved (its keys refused) leaves the bar as it was instead of showing it
    emptied for that moment; the second of two asks for the first keys builds nothing."""
    from purgequiz.tui.widgets import keys
    from tests.tui.conftest import answer, choice_deck, install, make_app, press

    install(choice_deck(6))
    built: list[tuple[str, ...]] = []
    recompose = Footer.recompose

    async def counted(self) -> None:
        built.append(tuple(key[2] for key in keys.shown_keys(self.screen)))
        await recompose(self)

    monkeypatch.setattr(Footer, "recompose", counted)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert len(built) == 2  # the home screen's keys, then the session's, once each
        for _ in range(3):
            built.clear()
            await answer(pilot, correct=False)
            assert len(built) == 1 and "next card" in built[0]
            await press(pilot, "enter")
            assert len(built) == 2 and "next card" not in built[1] and "undo" in built[1]
