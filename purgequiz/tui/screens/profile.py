"""Choosing who is studying: the first run asks for a name, later runs offer the known ones,
which can be renamed (r) and deleted (d) there.

A typed name that differs from a known profile's only in capitals, spacing or the form of
letters opens that profile (the store never makes a second one beside it), and a notice says
so. A deleted profile is kept for 30 days; the confirmation says how to restore it.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from purgequiz import paths
from purgequiz.store.names import check_name, name_key
from purgequiz.tui import profiles
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.text import plain
from purgequiz.tui.widgets.keys import KeyBar
from purgequiz.visible import visible

if TYPE_CHECKING:
    from purgequiz.store.directory import ProfileInfo
    from purgequiz.store.manage import DeletedProfile
    from purgequiz.store.profile import Profile

__all__ = ["ProfileScreen", "restore_command"]


def restore_command(name: str) -> str:
    """The command that brings the deleted profile ``name`` back."""
    return f"purgequiz profiles restore {shlex.quote(name)}"


def _clean(name: str) -> str:
    try:
        return check_name(name)
    except ValueError:
        return name


def _position(names: list[str], wanted: str | None) -> int:
    """Where ``wanted`` (or a name that stands for the same profile) is in ``names``; 0 if
    nowhere."""
    if wanted is None:
        return 0
    if wanted in names:
        return names.index(wanted)
    key = name_key(wanted)
    return next((i for i, name in enumerate(names) if name_key(name) == key), 0)


STYLES = Path(__file__).resolve().parent.parent / "styles"


class ProfileScreen(Screen["Profile"]):
    """Dismissed with the opened profile.

    With ``name`` it opens that profile at once; with a ``problem`` as well (the app could not
    open it), it shows the problem and the known profiles instead.
    """

    CSS_PATH = STYLES / "profile.tcss"

    BINDINGS = [
        Binding("escape", "app.quit", "quit"),
        Binding("r", "rename", "rename"),
        Binding("d", "delete", "delete"),
    ]

    def __init__(self, name: str | None = None, problem: str | None = None) -> None:
        super().__init__(classes="profile-screen")
        self.wanted = name
        self.first_problem = problem
        self.names: list[str] = []
        self.opening = False

    def compose(self) -> ComposeResult:
        with Vertical(id="profile-box"):
            yield Static(plain("purgequiz"), classes="screen-title")
            yield Static(
                plain("Learn the history of the Soviet purges of 1937–1940."), classes="subtitle"
            )
            yield Static(plain("Who is studying?"), id="profile-question", classes="section")
            yield OptionList(id="known", markup=False)
            yield Static(
                plain("A new profile: type a name and press Enter."), id="new-label", classes="hint"
            )
            yield Input(placeholder="Your name", id="name", max_length=200)
            yield Static("", id="profile-problem")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#known").display = False
        if self.wanted is not None:
            self.query_one("#name", Input).value = visible(self.wanted)  # shown, not sent
            if self.first_problem is None:
                self.open(self.wanted)
                return
            self.problem(self.first_problem)
            self.wanted = None
            in_background(
                self, lambda: (profiles.known_profiles(), None), self._listed, self._list_failed
            )
            return
        in_background(
            self,
            lambda: (profiles.known_profiles(), profiles.last_profile()),
            self._listed,
            self._list_failed,
        )

    def _list_failed(self, error: BaseException) -> None:
        self._listed(([], None))
        self.problem(friendly(error))

    def _listed(self, found: tuple[list[str], str | None]) -> None:
        self.names, last = found
        known = self.query_one("#known", OptionList)
        name_input = self.query_one("#name", Input)
        self.refresh_bindings()
        if not self.names:
            known.display = False
            self.query_one("#profile-question", Static).update(
                plain("Welcome. What name should your progress be kept under?")
            )
            self.query_one("#new-label", Static).update(
                plain("Any name will do; press Enter to begin.")
            )
            name_input.value = visible(profiles.default_name())
            self._focus(name_input)
            return
        known.display = True
        known.set_options(Option(plain(name)) for name in self.names)
        known.highlighted = _position(self.names, last)
        self._focus(known)

    def _focus(self, widget: Widget) -> None:
        """Focus ``widget`` and, once the texts just changed are laid out, scroll it into view
        (in a short terminal it may be below the welcome)."""
        widget.focus()
        self.call_after_refresh(widget.scroll_visible, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Rename and delete are offered once there are profiles, for the highlighted one."""
        if action in ("rename", "delete"):
            if not self.names or self.opening:
                return False
            return True if self.focused is self.query_one("#known") else None
        return True

    def _highlighted(self) -> str | None:
        index = self.query_one("#known", OptionList).highlighted
        return self.names[index] if index is not None and index < len(self.names) else None

    def _refresh_list(self, show: str | None) -> None:
        in_background(
            self, lambda: (profiles.known_profiles(), show), self._listed, self._list_failed
        )

    def action_rename(self) -> None:
        from purgequiz.tui.screens.dialogs import NameDialog

        old = self._highlighted()
        if old is None:
            return

        def chosen(new: str | None) -> None:
            if new:
                self._rename(old, new)

        self.app.push_screen(
            NameDialog(f"Rename the profile {old}", visible(old), "Rename"), chosen
        )

    def _rename(self, old: str, new: str) -> None:
        from purgequiz.store.manage import rename_profile

        def done(renamed: ProfileInfo) -> None:
            self.problem("")
            self.app.notify(
                f"{old} is now called {renamed.name}; its progress and settings are kept.",
                title="Profile renamed",
                markup=False,
            )
            self._refresh_list(renamed.name)

        in_background(
            self,
            lambda: rename_profile(old, new),
            done,
            lambda error: self.problem(friendly(error)),
        )

    def action_delete(self) -> None:
        from purgequiz.store.manage import KEEP_DAYS
        from purgequiz.tui.screens.dialogs import ConfirmDialog

        name = self._highlighted()
        if name is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(name)

        self.app.push_screen(
            ConfirmDialog(
                f"Delete the profile {name}?",
                [
                    f"Its progress and settings move to {paths.deleted_profiles_dir()} "
                    f"and are kept there for {KEEP_DAYS} days.",
                    f"To bring it back in that time, run: {restore_command(name)}",
                ],
                "Delete",
            ),
            confirmed,
        )

    def _delete(self, name: str) -> None:
        from purgequiz.store.manage import KEEP_DAYS, delete_profile, remove_expired

        now = quiz_app(self).now()

        def job() -> DeletedProfile:
            deleted = delete_profile(name, now)
            remove_expired(now)
            return deleted

        def done(deleted: DeletedProfile) -> None:
            self.problem("")
            self.app.notify(
                f"{deleted.name} was deleted. It is kept for {KEEP_DAYS} days; to "
                f"bring it back, run: {restore_command(deleted.name)}",
                title="Profile deleted",
                markup=False,
                timeout=15,
            )
            self._refresh_list(None)

        in_background(self, job, done, lambda error: self.problem(friendly(error)))

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

        def opened(profile: Profile) -> None:
            self.opening = False
            shown = profile.display_name
            if shown != _clean(name):
                self.app.notify(
                    f"{name} is the profile {shown}: names that differ only in "
                    f"capitals, spacing or the form of letters are one profile.",
                    title=f"Opened {shown}",
                    markup=False,
                )
            self.dismiss(profile)

        def failed(error: BaseException) -> None:
            self.opening = False
            self.problem(friendly(error))
            if self.wanted is not None and not self.names:
                self.wanted = None
                in_background(
                    self, lambda: (profiles.known_profiles(), None), self._listed, self._list_failed
                )

        def job() -> Profile:
            profile = profiles.open_profile(name)
            profiles.remember(profile.display_name)
            return profile

        in_background(self, job, opened, failed)
