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
