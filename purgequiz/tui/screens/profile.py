"""Choosing who is studying: the first run asks for a name, later runs offer the known ones."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from purgequiz.tui import profiles
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.text import plain
from purgequiz.visible import visible

__all__ = ["ProfileScreen"]


class ProfileScreen(Screen[object]):
    """Dismissed with the opened profile (a ``purgequiz.store.Profile``).

    With ``name`` it opens that profile at once; with a ``problem`` as well (the app could not
    open it), it shows the problem and the known profiles instead.
    """

    BINDINGS = [Binding("escape", "app.quit", "quit")]

    def __init__(self, name: str | None = None, problem: str | None = None) -> None:
        super().__init__(classes="profile-screen")
        self.wanted = name
        self.first_problem = problem
        self.names: list[str] = []
        self.opening = False

    def compose(self) -> ComposeResult:
        with Vertical(id="profile-box"):
            yield Static(plain("purgequiz"), classes="screen-title")
            yield Static(plain("Learn the history of the Soviet purges of 1937–1940."),
                         classes="subtitle")
            yield Static(plain("Who is studying?"), id="profile-question", classes="section")
            yield OptionList(id="known", markup=False)
            yield Static(plain("A new profile: type a name and press Enter."), id="new-label",
                         classes="hint")
            yield Input(placeholder="Your name", id="name", max_length=200)
            yield Static("", id="profile-problem")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#known").display = False
        if self.wanted is not None:
            self.query_one("#name", Input).value = visible(self.wanted)  # shown, not sent
            if self.first_problem is None:
                self.open(self.wanted)
                return
            self.problem(self.first_problem)
            self.wanted = None
            in_background(self, lambda: (profiles.known_profiles(), None), self._listed,
                          self._list_failed)
            return
        in_background(self, lambda: (profiles.known_profiles(), profiles.last_profile()),
                      self._listed, self._list_failed)

    def _list_failed(self, error: BaseException) -> None:
        self._listed(([], None))
        self.problem(friendly(error))

    def _listed(self, found: tuple[list[str], str | None]) -> None:
        self.names, last = found
        known = self.query_one("#known", OptionList)
        name_input = self.query_one("#name", Input)
        if not self.names:
            self.query_one("#profile-question", Static).update(
                plain("Welcome. What name should your progress be kept under?"))
            self.query_one("#new-label", Static).update(
                plain("Any name will do; press Enter to begin."))
            name_input.value = visible(profiles.default_name())
            self._focus(name_input)
            return
        known.display = True
        known.set_options(Option(plain(name)) for name in self.names)
        known.highlighted = self.names.index(last) if last in self.names else 0
        self._focus(known)

    def _focus(self, widget: Widget) -> None:
        """Focus ``widget`` and, once the texts just changed are laid out, scroll it into view
        (in a short terminal it may be below the welcome)."""
        widget.focus()
        self.call_after_refresh(widget.scroll_visible, animate=False)

    @on(OptionList.OptionSelected, "#known")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.open(self.names[event.option_index])

    @on(Input.Submitted, "#name")
    def _typed(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            self.problem("Please type a name first.")
            return
        self.open(name)

    def problem(self, message: str) -> None:
        self.query_one("#profile-problem", Static).update(plain(message))

    def open(self, name: str) -> None:
        if self.opening:
            return
        self.opening = True
        self.problem(f"Opening {name}…")

        def opened(profile) -> None:
            self.opening = False
            self.dismiss(profile)

        def failed(error: BaseException) -> None:
            self.opening = False
            self.problem(friendly(error))
            if self.wanted is not None and not self.names:
                self.wanted = None
                in_background(self, lambda: (profiles.known_profiles(), None), self._listed,
                              self._list_failed)

        def job():
            profile = profiles.open_profile(name)
            profiles.remember(name)
            return profile

        in_background(self, job, opened, failed)
